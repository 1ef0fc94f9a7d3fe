import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing, on threads of its own: a hash costs ~250 ms at cost 12, and on the shared
/// thread pool a few logins would stall every SQLite query queued behind them.
struct PasswordHasher: Sendable {
    let cost: UInt8
    /// A hash of nothing anyone can type, checked when a login names nobody, so that a wrong
    /// handle takes as long to refuse as a wrong password.
    let decoy: String

    /// Two threads: on a two-core machine, logins may use at most what is left after requests.
    private static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        return pool
    }()

    init(cost: UInt8) {
        self.cost = cost
        decoy = Bcrypt.hash("decoy password that matches no account", cost: cost)
    }

    func hash(_ password: String) async throws -> String {
        try await Self.pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String?) async throws -> Bool {
        let hash = hash ?? decoy
        return try await Self.pool.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Whether a stored hash was made at another cost (`$2b$10$…`) and should be redone.
    func needsRehash(_ hash: String) -> Bool {
        let parts = hash.split(separator: "$")
        return parts.count < 3 || UInt8(parts[1]) != cost
    }
}
