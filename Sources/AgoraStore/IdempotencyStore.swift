import Foundation
import SQLKit

/// Remembers the answer to each write sent with an `Idempotency-Key`, so that a client retrying
/// after a lost response gets the first answer instead of a second change.
///
/// A key is claimed before its request runs and answered after. A key claimed but never answered
/// (its process died in between) stays "in progress" until it expires: the change may have been
/// made, so running the request again could make it twice; the client uses a new key.
public struct IdempotencyStore: Sendable {
    let database: Database
    /// How long a key is remembered.
    let retention: TimeInterval

    public init(database: Database, retention: TimeInterval = 24 * 3600) {
        self.database = database
        self.retention = retention
    }

    /// A stored answer.
    public struct Answer: Sendable, Equatable {
        public let status: Int
        public let contentType: String?
        public let location: String?
        public let body: String

        public init(status: Int, contentType: String?, location: String?, body: String) {
            self.status = status
            self.contentType = contentType
            self.location = location
            self.body = body
        }
    }

    public enum Claim: Sendable, Equatable {
        /// The key is new: run the request, then `record` or `release`.
        case claimed
        /// The same request was answered before: send this again.
        case replay(Answer)
        /// The same request is running, or died before it was answered.
        case inProgress
        /// The key was used for a different request.
        case mismatch
    }

    /// Claims `key` for a request whose method, path and body hash to `requestHash`.
    public func claim(scope: String, key: String, requestHash: String) async throws -> Claim {
        try await database.write { tx in
            try await tx.sql.raw(
                "DELETE FROM idempotency_keys WHERE created_at < \(bind: tx.now.addingTimeInterval(-retention).millisecondsSince1970)"
            ).run()
            // Insert-or-nothing, then read under lock: of two first claims, one inserts and the other
            // waits for it to commit and then finds its row, on both databases.
            let inserted = try await tx.sql.raw(
                """
                INSERT INTO idempotency_keys (scope, key, request_hash, created_at)
                VALUES (\(bind: scope), \(bind: key), \(bind: requestHash), \(bind: tx.now.millisecondsSince1970))
                ON CONFLICT (scope, key) DO NOTHING
                RETURNING key
                """
            ).all()
            if !inserted.isEmpty { return .claimed }
            guard
                let existing = try await tx.sql.raw(
                    """
                    SELECT request_hash, status, content_type, location, body FROM idempotency_keys
                    WHERE scope = \(bind: scope) AND key = \(bind: key)\(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()
            else { return .inProgress }
            guard try existing.decode(column: "request_hash", as: String.self) == requestHash else { return .mismatch }
            guard let status = try existing.decode(column: "status", as: Int?.self) else { return .inProgress }
            return .replay(
                Answer(
                    status: status, contentType: try existing.decode(column: "content_type", as: String?.self),
                    location: try existing.decode(column: "location", as: String?.self),
                    body: try existing.decode(column: "body", as: String?.self) ?? ""))
        }
    }

    /// Stores the answer of a claimed key.
    public func record(scope: String, key: String, answer: Answer) async throws {
        try await database.write { tx in
            try await tx.sql.raw(
                """
                UPDATE idempotency_keys SET status = \(bind: answer.status), content_type = \(bind: answer.contentType),
                    location = \(bind: answer.location), body = \(bind: answer.body)
                WHERE scope = \(bind: scope) AND key = \(bind: key)
                """
            ).run()
        }
    }

    /// Forgets a claimed key whose request changed nothing, so that a retry runs it again.
    public func release(scope: String, key: String) async throws {
        try await database.write { tx in
            try await tx.sql.raw("DELETE FROM idempotency_keys WHERE scope = \(bind: scope) AND key = \(bind: key)")
                .run()
        }
    }
}
