import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing, run on the thread pool: a hash costs ~250 ms at cost 12 and must not block an event loop.
struct PasswordHasher: Sendable {
    let cost: UInt8
    /// A hash of nothing anyone can type, checked when a login names nobody, so that a wrong
    /// handle takes as long to refuse as a wrong password.
    let decoy: String

    init(cost: UInt8) {
        self.cost = cost
        decoy = Bcrypt.hash("decoy password that matches no account", cost: cost)
    }

    func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String?) async throws -> Bool {
        let hash = hash ?? decoy
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        return matches
    }
}
