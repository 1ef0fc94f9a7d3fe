import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct AccessStoreTests {
    @Test(arguments: Backend.allCases)
    func aSessionWorksUntilItExpiresOrCloses(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let alice = try await MemberStore(database: database).register(MemberStoreTests.registration("alice"))
            let sessions = SessionStore(database: database)
            let (token, expiresAt) = try await sessions.open(for: alice.id, kind: .api, lifetime: 3600)
            #expect(expiresAt == clock.now.addingTimeInterval(3600))
            #expect(try await sessions.session(token: token.value)?.member.id == alice.id)
            #expect(try await sessions.session(token: token.value + "x") == nil)
            let rows = try await database.read { try await $0.raw("SELECT token_hash FROM sessions").all() }
            #expect(
                try rows.first?.decode(column: "token_hash", as: String.self) != token.value, "only the hash is stored")
            clock.advance(by: 3601)
            #expect(try await sessions.session(token: token.value) == nil, "an expired session is refused")
            let (second, _) = try await sessions.open(for: alice.id, kind: .browser, lifetime: 3600)
            let found = try #require(try await sessions.session(token: second.value))
            try await sessions.close(id: found.id)
            #expect(try await sessions.session(token: second.value) == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func aPartnerTokenActsForItsPartnerUntilRevoked(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let partners = PartnerStore(database: database)
            let shop = try await partners.create(
                name: "Shop", slug: "shop", kind: .merchant, commissionBasisPoints: 500)
            let other = try await partners.create(name: "Other", slug: "other", kind: .brand, commissionBasisPoints: 0)
            await #expect(throws: StoreError.duplicate(field: "slug")) {
                try await partners.create(name: "Again", slug: "shop", kind: .merchant, commissionBasisPoints: 0)
            }
            let (token, secret) = try await partners.issueToken(for: shop.id, label: "feed", createdBy: nil)
            #expect(try await partners.partner(token: secret.value)?.partner == shop)
            await #expect(throws: StoreError.notFound, "another partner cannot revoke it") {
                try await partners.revokeToken(id: token.id, of: other.id)
            }
            try await partners.revokeToken(id: token.id, of: shop.id)
            #expect(try await partners.partner(token: secret.value) == nil)
            #expect(try await partners.tokens(of: shop.id).first?.revokedAt != nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func attachingMakesAMemberActForThePartnerButNeverStaff(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let members = MemberStore(database: database)
            let partners = PartnerStore(database: database)
            let shop = try await partners.create(
                name: "Shop", slug: "shop", kind: .merchant, commissionBasisPoints: 500)
            let bob = try await members.register(MemberStoreTests.registration("bob"))
            let attached = try await partners.attach(memberID: bob.id, to: shop.id)
            #expect(attached.role == .partner && attached.partnerID == shop.id)
            let staff = try await members.setRole(
                of: try await members.register(MemberStoreTests.registration("eve")).id, to: .staff)
            await #expect(throws: StoreError.notFound) { try await partners.attach(memberID: staff.id, to: shop.id) }
            #expect(try await partners.members(of: shop.id).map(\.handle) == ["bob"])
        }
    }

    @Test(arguments: Backend.allCases)
    func attemptsBeyondTheAllowanceWaitAndASuccessForgetsTheAccount(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let throttle = LoginThrottle(freeAttempts: 3, baseDelay: 2, maximumDelay: 60, window: 600)
            let failures = LoginFailureStore(database: database, throttle: throttle)
            let scopes = ["login:alice", "ip:127.0.0.1"]
            for _ in 0..<3 { #expect(try await failures.reserveAttempt(scopes: scopes) == nil) }
            #expect(try await failures.reserveAttempt(scopes: scopes) == 2)
            #expect(try await failures.reserveAttempt(scopes: ["login:bob"]) == nil, "another login is not slowed")
            #expect(
                try await failures.reserveAttempt(scopes: ["login:bob", "ip:127.0.0.1"]) == 2, "the same address is")
            clock.advance(by: 3)
            #expect(try await failures.reserveAttempt(scopes: scopes) == nil)
            try await failures.succeeded(account: "login:alice", address: "ip:127.0.0.1")
            #expect(try await failures.reserveAttempt(scopes: ["login:alice"]) == nil)
            clock.advance(by: 601)
            try await failures.purge()
            #expect(try await count(rowsIn: "login_failures", database) == 0)
        }
    }

    @Test(arguments: Backend.allCases)
    func aBurstOfParallelAttemptsCannotPassTheAllowance(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let failures = LoginFailureStore(
                database: database,
                throttle: LoginThrottle(freeAttempts: 5, baseDelay: 60, maximumDelay: 60, window: 600))
            let allowed = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<40 {
                    group.addTask { try await failures.reserveAttempt(scopes: ["login:alice"]) == nil }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(allowed == 5, "only the free attempts get a password check, however many arrive at once")
        }
    }
}

func count(rowsIn table: String, _ database: Database) async throws -> Int {
    try await database.read { sql in
        try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
    }
}
