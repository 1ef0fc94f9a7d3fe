import AgoraDomain
import AgoraStore
import Foundation

/// Registration and login rules shared by the API and the pages: one way to create an account and to sign in.
struct Authentication: Sendable {
    let members: MemberStore
    let sessions: SessionStore
    let failures: LoginFailureStore
    let hasher: PasswordHasher
    let sessionLifetime: TimeInterval

    /// Checks the fields, hashes the password and creates the member.
    func register(handle: String, email: String, password: String, language: Language?) async throws -> Member {
        let handle = try AccountRules.handle(handle)
        let email = try AccountRules.email(email)
        let password = try AccountRules.password(password)
        let hash = try await hasher.hash(password)
        return try await members.register(.init(handle: handle, email: email, passwordHash: hash, language: language))
    }

    /// Signs in by handle or e-mail. Every failure looks the same to the caller, and repeated
    /// attempts on one login or from one address are slowed down.
    ///
    /// The login is counted as typed (lower-cased), so that throttling says nothing about whether
    /// an account exists; a handle and its e-mail are two counters, which at most doubles a
    /// guesser's budget.
    func logIn(login: String, password: String, from address: String?, kind: SessionStore.Kind) async throws
        -> (member: Member, token: SecretToken, expiresAt: Date)
    {
        let account =
            "login:" + login.trimmingCharacters(in: .whitespaces).lowercased().prefix(AccountRules.emailMaxLength)
        let origin = "ip:" + (address ?? "unknown")
        if let wait = try await failures.reserveAttempt(scopes: [account, origin]) {
            throw Problem.tooManyAttempts(retryAfter: Int(wait))
        }
        let found = try await members.credentials(login: login)
        guard try await hasher.verify(password, hash: found?.passwordHash), let found else {
            throw Problem.invalidCredentials
        }
        try await failures.succeeded(account: account, address: origin)
        if hasher.needsRehash(found.passwordHash) {
            // Every hash at today's cost, so that no login is measurably faster than another.
            try await members.setPasswordHash(of: found.member.id, to: try await hasher.hash(password))
        }
        let (token, expiresAt) = try await sessions.open(for: found.member.id, kind: kind, lifetime: sessionLifetime)
        return (found.member, token, expiresAt)
    }
}
