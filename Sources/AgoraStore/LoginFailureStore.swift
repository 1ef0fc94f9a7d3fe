import AgoraDomain
import Foundation
import SQLKit

/// Counts login attempts per scope ("login:alice", "ip:203.0.113.9") so that every instance slows
/// the same guesser.
///
/// An attempt is counted *before* its password is checked, inside a transaction that locks the
/// counters: a burst of parallel guesses cannot all slip past the limit, as they would if each
/// read the count, checked the password, and only then recorded a failure.
public struct LoginFailureStore: Sendable {
    let database: Database
    let throttle: LoginThrottle

    public init(database: Database, throttle: LoginThrottle) {
        self.database = database
        self.throttle = throttle
    }

    /// Counts an attempt in every scope and answers nil, or, when any scope must still wait,
    /// counts nothing and answers the longest wait in seconds.
    public func reserveAttempt(scopes: [String]) async throws -> TimeInterval? {
        try await database.write { tx in
            for scope in scopes {
                try await tx.sql.raw(
                    """
                    INSERT INTO login_failures (scope, failures, last_failure_at) VALUES (\(bind: scope), 0, 0)
                    ON CONFLICT (scope) DO NOTHING
                    """
                ).run()
            }
            let rows = try await tx.sql.raw(
                """
                SELECT scope, failures, last_failure_at FROM login_failures
                WHERE scope IN (\(binds: scopes))\(unsafeRaw: tx.lockForUpdate)
                """
            ).all()
            var wait: TimeInterval?
            for row in rows {
                let last = Date(millisecondsSince1970: try row.decode(column: "last_failure_at", as: Int64.self))
                let failures = try row.decode(column: "failures", as: Int.self)
                if let remaining = throttle.retryAfter(failures: failures, lastFailureAt: last, now: tx.now) {
                    wait = max(wait ?? 0, remaining)
                }
            }
            if let wait { return wait }
            let windowStart = tx.now.addingTimeInterval(-throttle.window).millisecondsSince1970
            try await tx.sql.raw(
                """
                UPDATE login_failures SET
                    failures = CASE WHEN last_failure_at < \(bind: windowStart) THEN 1 ELSE failures + 1 END,
                    last_failure_at = \(bind: tx.now.millisecondsSince1970)
                WHERE scope IN (\(binds: scopes))
                """
            ).run()
            return nil
        }
    }

    /// After a successful login: the account's count is forgotten, and the address's attempt uncounted.
    public func succeeded(account: String, address: String) async throws {
        try await database.write { tx in
            try await tx.sql.raw("DELETE FROM login_failures WHERE scope = \(bind: account)").run()
            try await tx.sql.raw(
                """
                UPDATE login_failures SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END
                WHERE scope = \(bind: address)
                """
            ).run()
        }
    }

    /// Forgets counters older than the throttle's window.
    public func purge() async throws {
        try await database.write { tx in
            let windowStart = tx.now.addingTimeInterval(-throttle.window).millisecondsSince1970
            try await tx.sql.raw("DELETE FROM login_failures WHERE last_failure_at < \(bind: windowStart)").run()
        }
    }
}
