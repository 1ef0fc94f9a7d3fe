import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import AgoraWeb

/// Deals arriving live: topics keep a page to what it shows, a dropped stream resumes, and with
/// PostgreSQL a deal posted through one instance reaches a browser connected to another.
@Suite struct LiveDealsTests {
    /// The complete events of an SSE transcript, in order.
    static func events(_ text: String) -> [(id: Int, type: String, data: String)] {
        var events: [(Int, String, String)] = []
        // The last piece is what follows the last complete frame: nothing, or a frame still arriving.
        for block in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n").dropLast() {
            var id: Int?
            var type = ""
            var data = ""
            for line in block.split(separator: "\n") {
                if line.hasPrefix("id: ") { id = Int(line.dropFirst(4)) }
                if line.hasPrefix("event: ") { type = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            if let id { events.append((id, type, data)) }
        }
        return events
    }

    /// Whether `text` holds a whole event of type `type`, its data line included: a chunk may end
    /// between the `event:` line and the `data:` line.
    static func arrived(_ type: String, in text: String) -> Bool {
        guard let event = text.range(of: "event: \(type)"),
            let data = text.range(of: "data: ", range: event.upperBound..<text.endIndex)
        else { return false }
        return text[data.upperBound...].contains("\n")
    }

    @Test(arguments: Backend.allCases)
    func aDealPageReceivesOnlyItsDealsEventsAndResumesAfterADroppedConnection(backend: Backend) async throws {
        try await withApp(backend, .live) { client, database in
            let port = try #require(client.port)
            let alice = try await registerAndLogIn(client, "alice")
            let bruno = try await registerAndLogIn(client, "bruno")
            let watched = try await DealsAPITests.publish(client, database, alice, DealsAPITests.deal("Bouilloire"))
            let other = try await DealsAPITests.publish(client, database, alice, DealsAPITests.deal("Grille-pain"))
            let reader = StreamReader(port: port)
            let path = "/api/v1/events?topics=deals/\(watched)"
            async let first = reader.read(path: path, until: { Self.arrived("comment.posted", in: $0) })
            try await waitForLiveStreams(1, client)
            for id in [other, watched] {
                _ = try await client.execute(
                    uri: "/api/v1/deals/\(id)/vote", method: .put, headers: bearer(bruno),
                    body: json(["direction": "hot"]))
            }
            try await registerAndLogIn(client, "chloe")
            _ = try await client.execute(
                uri: "/api/v1/deals/\(watched)/comments", method: .post, headers: bearer(bruno),
                body: json(["body": "Très bien"]))
            let seen = Self.events(try await first)
            #expect(seen.map(\.type) == ["deal.voted", "comment.posted"], "\(seen)")
            #expect(
                seen.allSatisfy { $0.data.contains("\"id\":\(watched)") || $0.data.contains("\"dealID\":\(watched)") })

            // The connection drops after the vote; meanwhile more happens; the browser comes back.
            _ = try await client.execute(
                uri: "/api/v1/deals/\(other)/comments", method: .post, headers: bearer(bruno),
                body: json(["body": "Bof"]))
            _ = try await client.execute(
                uri: "/api/v1/deals/\(watched)/vote", method: .put, headers: bearer(bruno),
                body: json(["direction": "cold"]))
            let resumed = Self.events(
                try await reader.read(
                    path: path, headers: ["Last-Event-ID": String(seen[0].id)],
                    until: { Self.events($0).count >= 2 }))
            #expect(resumed.map(\.type) == ["comment.posted", "deal.voted"], "what it missed, on its topic only")
            #expect(resumed.first?.id == seen[1].id)
            expectProblem(
                try await client.execute(uri: "/api/v1/events?topics=../etc", method: .get), .unprocessableContent,
                type: "validation", field: "topics")
        }
    }

    @Test(arguments: Backend.allCases)
    func theNotificationBadgeHearsOfAFollowedKeywordDeal(backend: Backend) async throws {
        try await withApp(backend, .live) { client, database in
            let port = try #require(client.port)
            let alice = try await registerAndLogIn(client, "alice")
            let bruno = try await registerAndLogIn(client, "bruno")
            _ = try await client.execute(
                uri: "/api/v1/follows", method: .post, headers: bearer(bruno),
                body: json(["kind": "keyword", "target": "theiere"]))
            let reader = StreamReader(port: port)
            async let badge = reader.read(
                path: "/api/v1/events?topics=notifications", headers: ["Authorization": "Bearer \(bruno)"],
                until: { Self.arrived("notification.created", in: $0) })
            // The public deal.posted comes after the notification, in the same transaction: once it is
            // here, a notification would have been too.
            async let anonymous = reader.read(
                path: "/api/v1/events?topics=notifications,deals", until: { Self.arrived("deal.posted", in: $0) })
            let staff = try await DealsAPITests.staffToken(client, database)
            async let staffBadge = reader.read(
                path: "/api/v1/events?topics=notifications,deals", headers: ["Authorization": "Bearer \(staff)"],
                until: { Self.arrived("deal.posted", in: $0) })
            try await waitForLiveStreams(3, client)
            try await DealsAPITests.publish(client, database, alice, DealsAPITests.deal("Théière en fonte"))
            #expect(Self.events(try await badge).map(\.type) == ["notification.created"])
            let seenByAnonymous = try await anonymous
            #expect(seenByAnonymous.contains("deal.posted"))
            #expect(!seenByAnonymous.contains("notification.created"), "a member's notifications are theirs")
            #expect(
                !(try await staffBadge).contains("notification.created"),
                "staff may read members' events, but their badge counts their own notifications only")
        }
    }

    @Test func aDealPostedOnOneInstanceReachesAStreamOnAnother() async throws {
        guard Backend.postgresURL != nil else {
            try await withFreshLocation(.postgres) { _ in }  // says loudly that it is skipped
            return
        }
        try await withFreshLocation(.postgres) { location in
            func configuration(poll: Duration) -> AppConfiguration {
                var configuration = AppConfiguration()
                configuration.port = 0
                configuration.database = location
                configuration.bcryptCost = 4
                configuration.heartbeatInterval = .milliseconds(200)
                configuration.eventPollInterval = poll
                return configuration
            }
            let first = try await buildApplication(configuration(poll: .seconds(1)))
            // The second instance polls only every 10 minutes: within the test, only NOTIFY can wake it.
            let second = try await buildApplication(configuration(poll: .seconds(600)))
            let probe = try await Database.open(location, migrate: false)
            do {
                try await Self.postOnOneSeeOnTheOther(first, second, probe)
            } catch {
                await probe.close()
                throw error
            }
            await probe.close()
        }
    }

    private static func postOnOneSeeOnTheOther(
        _ first: some ApplicationProtocol, _ second: some ApplicationProtocol, _ probe: Database
    ) async throws {
        try await first.test(.live) { one in
            try await second.test(.live) { two in
                let reader = StreamReader(port: try #require(two.port))
                async let seen = reader.read(
                    path: "/api/v1/events?topics=deals", until: { Self.arrived("deal.posted", in: $0) },
                    timeout: .seconds(30))
                try await waitForLiveStreams(1, two)
                let before = try await two.execute(uri: "/api/v1/deals?sort=new", method: .get)
                #expect(
                    DealCommunityAPITests.titles(before).isEmpty,
                    "the second instance answers (and keeps) an empty list")
                let alice = try await registerAndLogIn(one, "alice")
                try await DealsAPITests.publish(one, probe, alice, DealsAPITests.deal("Poêle en fonte"))
                let transcript = try await seen
                #expect(transcript.contains("deal.posted") && transcript.contains("Poêle en fonte"), "\(transcript)")
                let after = try await two.execute(uri: "/api/v1/deals?sort=new", method: .get)
                #expect(
                    DealCommunityAPITests.titles(after) == ["Poêle en fonte"],
                    "the event that reached the stream also ended the second instance's cached list")
            }
        }
    }
}
