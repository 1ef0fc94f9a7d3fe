import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

/// A bare-bones SSE reader over a raw socket: the test client buffers whole bodies, a stream never ends.
struct StreamReader {
    let port: Int

    /// Connects to `/api/v1/events`, reads until `until` holds for what arrived (or `timeout` passes), and answers the
    /// text. The timeout is generous: on two cores shared with a compiler, 10 s was once not enough for three events.
    func read(
        path: String = "/api/v1/events", headers: [String: String] = [:],
        until done: @escaping @Sendable (String) -> Bool,
        timeout: Duration = .seconds(30)
    ) async throws -> String {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(
            host: "127.0.0.1", port: port
        ) { channel in
            channel.eventLoop.makeCompletedFuture {
                try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
            }
        }
        return try await channel.executeThenClose { inbound, outbound in
            let extra = headers.map { "\($0.key): \($0.value)\r\n" }.joined()
            try await outbound.write(
                ByteBuffer(
                    string:
                        "GET \(path) HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\(extra)\r\n"))
            return try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask {
                    var text = ""
                    for try await chunk in inbound {
                        text += String(buffer: chunk)
                        if done(text) { break }
                    }
                    return text
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return "TIMEOUT"
                }
                let first = try await group.next() ?? ""
                group.cancelAll()
                return first
            }
        }
    }
}

/// Waits until the server counts `count` open live streams (from /metrics), for at most 10 s.
func waitForLiveStreams(_ count: Int, _ client: any TestClientProtocol) async throws {
    for _ in 0..<200 {
        let metrics = try await client.execute(uri: "/metrics", method: .get).text
        let open = metrics.split(separator: "\n").first { $0.hasPrefix("agora_sse_connections ") }
            .flatMap { Double($0.split(separator: " ").last ?? "") }
        if let open, Int(open) >= count { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("the server never counted \(count) live streams")
}

/// The ids in an SSE transcript, in order.
func eventIDs(_ text: String) -> [Int] {
    // Chunked framing uses CRLF, which Swift counts as one character: normalise before splitting.
    text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").compactMap { line in
        line.hasPrefix("id: ") ? Int(line.dropFirst(4)) : nil
    }
}

@Suite struct EventStreamTests {
    @Test(arguments: Backend.allCases)
    func aRegistrationReachesALiveStreamAndAReconnectResumesFromLastEventID(backend: Backend) async throws {
        try await withApp(backend, .live) { client, database in
            let port = try #require(client.port)
            let reader = StreamReader(port: port)
            async let live = reader.read(until: { $0.contains("\"handle\":\"carol\"") })
            try await waitForLiveStreams(1, client)
            try await registerAndLogIn(client, "alice")
            try await registerAndLogIn(client, "bob")
            try await registerAndLogIn(client, "carol")
            let received = try await live
            #expect(received.contains("text/event-stream"))
            #expect(received.contains("event: member.registered"))
            let ids = eventIDs(received)
            try #require(ids.count == 3 && ids == ids.sorted(), "\(received)")

            // A client that saw only the first event comes back and gets the two it missed, from the table.
            let resumed = try await reader.read(
                headers: ["Last-Event-ID": String(ids[0])], until: { eventIDs($0).count >= 2 })
            #expect(eventIDs(resumed) == Array(ids.dropFirst()), "\(resumed)")
        }
    }

    @Test func heartbeatsKeepTheStreamAliveAndPrivateEventsStayPrivate() async throws {
        try await withApp(.sqlite, .live) { client, _ in
            let port = try #require(client.port)
            let alice = try await registerAndLogIn(client, "alice")
            let reader = StreamReader(port: port)
            async let anonymous = reader.read(
                headers: ["Last-Event-ID": "0"],
                until: { $0.contains(": heartbeat") && $0.contains("\"handle\":\"bob\"") })
            async let own = reader.read(
                headers: ["Last-Event-ID": "0", "Authorization": "Bearer \(alice)"],
                until: { $0.contains("member.updated") })
            try await waitForLiveStreams(2, client)
            _ = try await client.execute(
                uri: "/api/v1/me", method: .patch, headers: bearer(alice), body: json(["displayName": "Alice"]))
            try await registerAndLogIn(client, "bob")
            let seenByAnonymous = try await anonymous
            let seenByAlice = try await own
            #expect(seenByAnonymous.contains(": heartbeat"))
            #expect(!seenByAnonymous.contains("member.updated"), "a member's own events are not public")
            #expect(seenByAlice.contains("member.updated"))
        }
    }

    @Test func aStreamEndsOnceItsSessionIsClosed() async throws {
        try await withApp(.sqlite, .live) { client, _ in
            let port = try #require(client.port)
            let alice = try await registerAndLogIn(client, "alice")
            let reader = StreamReader(port: port)
            // The chunked body ends with an empty chunk; the connection itself may stay open.
            async let stream = reader.read(
                headers: ["Authorization": "Bearer \(alice)"], until: { $0.hasSuffix("\r\n0\r\n\r\n") },
                timeout: .seconds(5))
            // Log out only once the stream is open (and authenticated), however slow the machine.
            try await waitForLiveStreams(1, client)
            _ = try await client.execute(uri: "/api/v1/sessions/current", method: .delete, headers: bearer(alice))
            let transcript = try await stream
            #expect(
                transcript != "TIMEOUT", "the server closes a stream whose credential is gone, at the next heartbeat")
        }
    }

    @Test func aMalformedLastEventIDIsAProblem() async throws {
        try await withApp { client, _ in
            let response = try await client.execute(
                uri: "/api/v1/events", method: .get, headers: [.init("Last-Event-ID")!: "yesterday"])
            expectProblem(response, .unprocessableContent, type: "validation", field: "Last-Event-ID")
        }
    }
}
