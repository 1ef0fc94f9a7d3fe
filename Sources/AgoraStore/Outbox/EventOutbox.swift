import AgoraDomain
import Foundation
import SQLKit

/// An event as stored in the outbox and sent on the live stream.
public struct StoredEvent: Sendable, Equatable {
    public let id: EventID
    public let type: EventType
    public let audience: EventAudience
    /// What the event is about, for live-stream topics (see `EventTopic`); nil for none.
    public let topic: String?
    /// The event's JSON object, as written.
    public let payload: String
    public let createdAt: Date
}

extension Transaction {
    /// Appends an event in this transaction: it exists if and only if the change it describes commits.
    @discardableResult
    public func appendEvent(
        _ type: EventType, audience: EventAudience, topic: String? = nil, payload: some Encodable & Sendable
    ) async throws
        -> EventID
    {
        if flavor == .postgres {
            // Identity values are handed out at INSERT but become visible at COMMIT, so without this
            // lock a reader could see id 8 before id 7 commits and skip 7 for ever. Holding it until
            // commit makes ids visible in order; writers that append events queue here briefly.
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: LockKey.eventOrder))").run()
            try await sql.raw("SELECT pg_notify('agora_events', '')").run()
        }
        let json = String(decoding: try JSONEncoder.events.encode(payload), as: UTF8.self)
        let row = try await sql.raw(
            """
            INSERT INTO events (type, audience, topic, payload, created_at)
            VALUES (\(bind: type.rawValue), \(bind: audience.stored), \(bind: topic), \(bind: json),
                    \(bind: now.millisecondsSince1970))
            RETURNING id
            """
        ).first()
        eventsAppended.set()
        return EventID(try row!.decode(column: "id", as: Int64.self))
    }
}

extension JSONEncoder {
    static let events: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}

/// Reads the outbox in id order.
public struct EventLog: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Events after `id`, oldest first, at most `limit`.
    public func events(after id: EventID, limit: Int = 500) async throws -> [StoredEvent] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT id, type, audience, topic, payload, created_at FROM events
                WHERE id > \(bind: id.rawValue) ORDER BY id LIMIT \(literal: limit)
                """
            ).all().compactMap(StoredEvent.init(row:))
        }
    }

    /// The newest event's id, or 0 when there is none.
    public func latestID() async throws -> EventID {
        try await database.read { sql in
            let row = try await sql.raw("SELECT COALESCE(MAX(id), 0) AS id FROM events").first()
            return EventID(try row?.decode(column: "id", as: Int64.self) ?? 0)
        }
    }
}

extension StoredEvent {
    init?(row: any SQLRow) throws {
        guard let audience = EventAudience(stored: try row.decode(column: "audience", as: String.self)) else {
            return nil
        }
        self.init(
            id: EventID(try row.decode(column: "id", as: Int64.self)),
            type: EventType(rawValue: try row.decode(column: "type", as: String.self)),
            audience: audience,
            topic: try row.decode(column: "topic", as: String?.self),
            payload: try row.decode(column: "payload", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
    }
}
