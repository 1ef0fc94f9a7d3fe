import AgoraDomain
import AgoraTestSupport
import Foundation
import Logging
import Testing

@testable import AgoraStore

@Suite struct EventOutboxTests {
    struct Boom: Error {}

    @Test(arguments: Backend.allCases)
    func anEventExistsOnlyIfItsChangeCommits(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let log = EventLog(database: database)
            await #expect(throws: Boom.self) {
                try await database.write { tx in
                    try await tx.appendEvent(.memberRegistered, audience: .everyone, payload: ["handle": "ghost"])
                    throw Boom()
                }
            }
            #expect(try await log.events(after: EventID(0)).isEmpty, "a rolled-back write leaves no event")
            let id = try await database.write { tx in
                try await tx.appendEvent(.memberRegistered, audience: .everyone, payload: ["handle": "real"])
            }
            let events = try await log.events(after: EventID(0))
            #expect(events.map(\.id) == [id])
            #expect(events.first?.payload == #"{"handle":"real"}"#)
        }
    }

    @Test(arguments: Backend.allCases)
    func concurrentWritersGetStrictlyIncreasingIdsAndTheDispatcherPublishesAllInOrder(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let hub = EventHub()
            let stream = hub.subscribe().deliveries
            let dispatcher = EventDispatcher(
                database: database, hub: hub, pollInterval: .milliseconds(50), logger: Logger(label: "test"))
            let running = Task { try await dispatcher.run() }
            try await Task.sleep(for: .milliseconds(200))
            let members = MemberStore(database: database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        _ = try await members.register(
                            .init(
                                handle: "member\(index)", email: "m\(index)@example.org", passwordHash: "x",
                                language: nil))
                    }
                }
                try await group.waitForAll()
            }
            var received: [EventID] = []
            for await delivery in stream {
                guard case .event(let event) = delivery else { continue }
                received.append(event.id)
                if received.count == 30 { break }
            }
            running.cancel()
            #expect(received == received.sorted(), "events arrive in id order")
            #expect(Set(received).count == 30)
            let stored = try await EventLog(database: database).events(after: EventID(0)).map(\.id)
            #expect(stored == received)
        }
    }

    @Test func aSlowSubscriberIsDroppedWithoutHoldingUpOthers() async throws {
        let hub = EventHub()
        let slow = hub.subscribe(buffer: 2).deliveries
        let fast = hub.subscribe(buffer: 100).deliveries
        let events = (1...5).map {
            StoredEvent(
                id: EventID(Int64($0)), type: .memberRegistered, audience: .everyone, topic: nil, payload: "{}",
                createdAt: Date())
        }
        hub.publish(events)
        var slowCount = 0
        for await _ in slow { slowCount += 1 }
        #expect(slowCount == 2, "the slow subscriber keeps what its buffer held, then its stream ends")
        var fastIDs: [Int64] = []
        for await delivery in fast {
            guard case .event(let event) = delivery else { continue }
            fastIDs.append(event.id.rawValue)
            if fastIDs.count == 5 { break }
        }
        #expect(fastIDs == [1, 2, 3, 4, 5])
        #expect(hub.subscriberCount == 1)
    }
}
