public import AgoraDomain
public import Foundation
import SQLKit

/// Counts failed logins per scope ("account:alice", "ip:203.0.113.9") so every instance slows the same guesser.
public struct LoginFailureStore: Sendable {
    let database: Database
    let throttle: LoginThrottle

    public init(database: Database, throttle: LoginThrottle) {
        self.database = database
        self.throttle = throttle
    }

    /// The longest wait any of `scopes` still imposes, or nil when a login may be tried now.
    public func retryAfter(scopes: [String]) async throws -> TimeInterval? {
        let now = database.clock.now
        let rows = try await database.read { sql in
            try await sql.raw("SELECT failures, last_failure_at FROM login_failures WHERE scope IN (\(binds: scopes))").all()
        }
        return try rows.compactMap { row in
            throttle.retryAfter(
                failures: try row.decode(column: "failures", as: Int.self),
                lastFailureAt: Date(millisecondsSince1970: try row.decode(column: "last_failure_at", as: Int64.self)),
                now: now)
        }.max()
    }

    /// Counts one more failure in each scope; a count older than the throttle's window starts again.
    public func recordFailure(scopes: [String]) async throws {
        try await database.write { tx in
            let now = tx.now.millisecondsSince1970
            let windowStart = tx.now.addingTimeInterval(-throttle.window).millisecondsSince1970
            for scope in scopes {
                try await tx.sql.raw(
                    """
                    INSERT INTO login_failures (scope, failures, last_failure_at) VALUES (\(bind: scope), 1, \(bind: now))
                    ON CONFLICT (scope) DO UPDATE SET
                        failures = CASE WHEN login_failures.last_failure_at < \(bind: windowStart) THEN 1
                                        ELSE login_failures.failures + 1 END,
                        last_failure_at = \(bind: now)
                    """
                ).run()
            }
        }
    }

    /// Forgets an account's failures after it logs in; the address keeps its count.
    public func clear(scope: String) async throws {
        try await database.write { tx in
            try await tx.sql.raw("DELETE FROM login_failures WHERE scope = \(bind: scope)").run()
        }
    }
}
