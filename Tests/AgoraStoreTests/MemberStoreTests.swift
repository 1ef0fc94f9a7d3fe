import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite struct MemberStoreTests {
    static func registration(_ handle: String) -> MemberStore.Registration {
        .init(handle: handle, email: "\(handle)@example.org", passwordHash: "not-a-real-hash", language: .fr)
    }

    @Test(arguments: Backend.allCases)
    func aRegisteredMemberIsFoundByHandleOrEmail(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let members = MemberStore(database: database)
            let alice = try await members.register(Self.registration("alice"))
            #expect(try await members.credentials(login: "alice")?.member == alice)
            #expect(try await members.credentials(login: " ALICE@example.org ")?.member == alice)
            #expect(try await members.credentials(login: "nobody") == nil)
            #expect(alice.role == .member && alice.sustainabilityWeight == Member.defaultSustainabilityWeight)
        }
    }

    @Test(arguments: Backend.allCases)
    func aTakenHandleOrEmailIsRefusedAndNothingIsWritten(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let members = MemberStore(database: database)
            _ = try await members.register(Self.registration("alice"))
            let eventsBefore = try await EventLog(database: database).latestID()
            await #expect(throws: StoreError.duplicate(field: "handle")) {
                try await members.register(
                    .init(handle: "alice", email: "other@example.org", passwordHash: "x", language: nil))
            }
            await #expect(throws: StoreError.duplicate(field: "email")) {
                try await members.register(
                    .init(handle: "other", email: "alice@example.org", passwordHash: "x", language: nil))
            }
            #expect(try await members.count() == 1)
            #expect(
                try await EventLog(database: database).latestID() == eventsBefore, "a refused change leaves no event")
        }
    }

    @Test(arguments: Backend.allCases)
    func profileChangesApplyOnlyTheGivenFields(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let members = MemberStore(database: database)
            let alice = try await members.register(Self.registration("alice"))
            let home = try Coordinates(latitude: 48.8566, longitude: 2.3522)
            var changed = try await members.updateProfile(
                of: alice.id, .init(displayName: .some("Alice"), home: .some(home)))
            #expect(changed.displayName == "Alice" && changed.home == home && changed.language == .fr)
            changed = try await members.updateProfile(
                of: alice.id, .init(language: .some(nil), sustainabilityWeight: 90))
            #expect(changed.displayName == "Alice" && changed.language == nil && changed.sustainabilityWeight == 90)
            #expect(try await members.member(id: alice.id) == changed)
        }
    }

    @Test(arguments: Backend.allCases)
    func concurrentRegistrationsOfOneHandleLeaveExactlyOneAccount(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let members = MemberStore(database: database)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        do {
                            _ = try await members.register(
                                .init(
                                    handle: "racer", email: "racer\(index)@example.org", passwordHash: "x",
                                    language: nil))
                            return true
                        } catch StoreError.duplicate {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await members.count() == 1)
        }
    }
}
