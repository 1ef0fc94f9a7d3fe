import AgoraDomain
import AgoraStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// `GET /api/v1/events`: the outbox as Server-Sent Events, resumable with `Last-Event-ID`.
struct EventsController {
    let hub: EventHub
    let log: EventLog
    let metrics: AppMetrics
    let heartbeat: Duration
    let buffer: Int

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("events", use: stream)
    }

    /// Where a client resumes: after `Last-Event-ID` (sent by browsers on reconnect), or the `lastEventId`
    /// query parameter (for the first connection, which cannot set headers), else from now.
    private func resumePoint(_ request: Request) throws -> EventID? {
        guard let raw = request.headers[.lastEventID] ?? request.uri.queryParameters.get("lastEventId") else { return nil }
        guard let id = Int64(raw.trimmingCharacters(in: .whitespaces)), id >= 0 else {
            throw Problem.validation(field: "Last-Event-ID", "error.invalidValue")
        }
        return EventID(id)
    }

    @Sendable func stream(request: Request, context: AppRequestContext) async throws -> Response {
        let viewer = context.identity?.viewer ?? .anonymous
        let requested = try resumePoint(request)
        // Subscribe before reading the table: whatever commits in between arrives live, and
        // the ids already sent from the table are skipped.
        let live = hub.subscribe(buffer: buffer)
        let start: EventID
        if let requested { start = requested } else { start = try await log.latestID() }
        let (log, metrics, heartbeat) = (self.log, self.metrics, self.heartbeat)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        let body = ResponseBody { writer in
            metrics.streamOpened()
            defer { metrics.streamClosed() }
            var last = start
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            while true {
                let missed = try await log.events(after: last)
                guard !missed.isEmpty else { break }
                for event in missed where viewer.mayReceive(event.audience) {
                    try await writer.write(Self.frame(event))
                }
                last = missed.last!.id
            }
            enum Item: Sendable {
                case event(StoredEvent)
                case heartbeat
            }
            let (items, sink) = AsyncStream.makeStream(of: Item.self)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await event in live.cancelOnGracefulShutdown() { sink.yield(.event(event)) }
                    sink.finish()  // the hub dropped us, or the server is shutting down
                }
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: heartbeat)
                        sink.yield(.heartbeat)
                    }
                }
                for await item in items {
                    switch item {
                    case .heartbeat:
                        try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                    case .event(let event):
                        guard event.id > last else { continue }
                        last = event.id
                        if viewer.mayReceive(event.audience) { try await writer.write(Self.frame(event)) }
                    }
                }
                group.cancelAll()
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
