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
    /// failures for one account or from one address are slowed down.
    func logIn(login: String, password: String, from address: String?, kind: SessionStore.Kind) async throws
        -> (member: Member, token: SecretToken)
    {
        let account = "account:" + login.trimmingCharacters(in: .whitespaces).lowercased().prefix(AccountRules.emailMaxLength)
        let scopes = [account, "ip:" + (address ?? "unknown")]
        if let wait = try await failures.retryAfter(scopes: scopes) {
            throw Problem.tooManyAttempts(retryAfter: Int(wait))
        }
        let found = try await members.credentials(login: login)
        guard try await hasher.verify(password, hash: found?.passwordHash), let member = found?.member else {
            try await failures.recordFailure(scopes: scopes)
            throw Problem.invalidCredentials
        }
        try await failures.clear(scope: account)
        let token = try await sessions.open(for: member.id, kind: kind, lifetime: sessionLifetime)
        return (member, token)
    }
}
