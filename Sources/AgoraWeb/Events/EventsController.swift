import AgoraDomain
import AgoraStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// `GET /api/v1/events`: the outbox as Server-Sent Events, resumable with `Last-Event-ID`, filtered by
/// `topics` so that a page receives only what it shows.
struct EventsController {
    let hub: EventHub
    let log: EventLog
    let identities: IdentityMiddleware
    let metrics: AppMetrics
    let heartbeat: Duration
    let buffer: Int
    /// A client further behind than this starts again from now, told so by a `reset` event,
    /// rather than making the server replay an unbounded history.
    static let maximumReplay: Int64 = 10_000

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("events", use: stream)
    }

    /// Where a client resumes: after `Last-Event-ID` (sent by browsers on reconnect), or the `lastEventId`
    /// query parameter (for the first connection, which cannot set headers), else from now.
    private func resumePoint(_ request: Request) throws -> EventID? {
        guard let raw = request.headers[.lastEventID] ?? request.uri.queryParameters.get("lastEventId") else {
            return nil
        }
        guard let id = Int64(raw.trimmingCharacters(in: .whitespaces)), id >= 0 else {
            throw Problem.validation(field: "Last-Event-ID", "error.invalidValue")
        }
        return EventID(id)
    }

    /// The topics the client watches (`?topics=deals,deals/42`, see `EventTopic`); empty for all.
    private func topics(_ request: Request) throws -> [String] {
        guard let raw = request.uri.queryParameters.get("topics") else { return [] }
        guard let topics = EventTopic.parse(raw) else {
            throw Problem.validation(field: "topics", "error.invalidValue")
        }
        return topics
    }

    @Sendable func stream(request: Request, context: AppRequestContext) async throws -> Response {
        let requested = try resumePoint(request)
        let topics = try topics(request)
        let (hub, log, metrics, heartbeat, buffer, identities) = (hub, log, metrics, heartbeat, buffer, identities)
        let initialViewer = context.identity?.viewer ?? .anonymous
        let signedIn = context.identity != nil
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        let body = ResponseBody { writer in
            var viewer = initialViewer
            metrics.streamOpened()
            defer { metrics.streamClosed() }
            // Subscribe before reading the table: whatever commits in between arrives live, and
            // the ids already sent from the table are skipped.
            let live = hub.subscribe(buffer: buffer)
            let latest = try await log.latestID()
            var last = min(requested ?? latest, latest)
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            if latest.rawValue - last.rawValue > Self.maximumReplay {
                try await writer.write(ByteBuffer(string: "event: reset\ndata: {}\n\n"))
                last = latest
            }
            while true {
                let missed = try await log.events(after: last)
                guard let newest = missed.last else { break }
                for event in missed
                where viewer.mayReceive(event.audience) && EventTopic.delivers(event.topic, to: topics) {
                    try await writer.write(Self.frame(event))
                }
                last = newest.id
            }
            // Graceful shutdown ends the stream once, through the hub's buffer. Not `cancelOnGracefulShutdown()`
            // on the sequence: its merge adds a task and a hop per event per client (one event to 10,000
            // clients: p99 397 ms with it, 282 without).
            try await withGracefulShutdownHandler {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        while !Task.isCancelled {
                            try await Task.sleep(for: heartbeat)
                            live.heartbeat()
                        }
                    }
                    // Ends when the hub drops a client that fell behind, or at shutdown (below).
                    stream: for await delivery in live.deliveries {
                        switch delivery {
                        case .heartbeat:
                            // Rights can change while a stream is open (log out, revoked token, demotion).
                            if signedIn {
                                guard let identity = try await identities.authenticate(request: request) else {
                                    break stream
                                }
                                viewer = identity.viewer
                            }
                            try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                        case .event(let event):
                            guard event.id > last else { continue }
                            last = event.id
                            if viewer.receives(event.audience, topic: event.topic)
                                && EventTopic.delivers(event.topic, to: topics)
                            {
                                try await writer.write(Self.frame(event))
                            }
                        }
                    }
                    group.cancelAll()
                }
            } onGracefulShutdown: {
                live.finish()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// One event in the SSE wire format (the payload is one line of JSON, so one `data:` line).
    static func frame(_ event: StoredEvent) -> ByteBuffer {
        ByteBuffer(string: "id: \(event.id)\nevent: \(event.type.rawValue)\ndata: \(event.payload)\n\n")
    }
}
