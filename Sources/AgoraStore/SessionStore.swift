import AgoraDomain
import Foundation
import SQLKit

/// Login sessions: a browser's cookie or an API client's bearer token, stored only as a hash.
public struct SessionStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public enum Kind: String, Sendable {
        case browser, api
    }

    /// A session found by its token.
    public struct Session: Sendable {
        public let id: Int64
        public let member: Member
        public let kind: Kind
        public let expiresAt: Date
    }

    /// Opens a session for `memberID` and returns its secret, which is never stored, and its end.
    public func open(for memberID: MemberID, kind: Kind, lifetime: TimeInterval) async throws -> (
        token: SecretToken, expiresAt: Date
    ) {
        let token = SecretToken(prefix: kind == .api ? "agm_" : "")
        let expiresAt = try await database.write { tx in
            let expiresAt = tx.now.addingTimeInterval(lifetime)
            try await tx.sql.raw(
                """
                INSERT INTO sessions (token_hash, member_id, kind, created_at, expires_at)
                VALUES (\(bind: token.hash), \(bind: memberID.rawValue), \(bind: kind.rawValue),
                        \(bind: tx.now.millisecondsSince1970), \(bind: expiresAt.millisecondsSince1970))
                """
            ).run()
            return expiresAt
        }
        return (token, expiresAt)
    }

    /// The live session whose secret is `token`, with its member.
    public func session(token: String) async throws -> Session? {
        let now = database.clock.now.millisecondsSince1970
        return try await database.read { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT \(unsafeRaw: MemberStore.columns), sessions.id AS session_id, sessions.kind, sessions.expires_at
                    FROM sessions JOIN members ON members.id = sessions.member_id
                    WHERE sessions.token_hash = \(bind: SecretToken.hash(token)) AND sessions.expires_at > \(bind: now)
                    """
                ).first()
            else { return nil }
            return Session(
                id: try row.decode(column: "session_id", as: Int64.self),
                member: try MemberStore.member(from: row),
                kind: Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .api,
                expiresAt: Date(millisecondsSince1970: try row.decode(column: "expires_at", as: Int64.self)))
        }
    }

    /// Ends a session (log out).
    public func close(id: Int64) async throws {
        try await database.write { tx in
            try await tx.sql.raw("DELETE FROM sessions WHERE id = \(bind: id)").run()
        }
    }

    /// Forgets expired sessions; safe to run at any time on any instance.
    public func purgeExpired() async throws {
        try await database.write { tx in
            try await tx.sql.raw("DELETE FROM sessions WHERE expires_at <= \(bind: tx.now.millisecondsSince1970)").run()
        }
    }
}
