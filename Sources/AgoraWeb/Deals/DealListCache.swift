import AgoraDomain
import AgoraStore
import Foundation
import NIOCore
import Synchronization

/// Public deal lists as last answered, kept while nothing happened.
///
/// Everybody opens the same few lists, and they change only when an event happens (a vote, a
/// post, a comment, a moderation): an answer is reused until this instance commits a change with
/// events or its dispatcher publishes a newer event (another instance's, on PostgreSQL), and for
/// at most a second, because what a list shows also moves with time (a new deal's temperature is
/// revealed, a deal ends). Both marks are read before the query, so a change that commits during
/// it makes the answer stale at once.
final class DealListCache: Sendable {
    private struct Mark: Equatable {
        let published: EventID
        let commits: Int64
    }

    private struct Entry {
        let body: ByteBuffer
        let mark: Mark
        let at: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// Answers being built, so that the requests that find a list stale at the same moment wait for
    /// one query instead of each running it.
    private let building = Mutex<[String: (mark: Mark, task: Task<ByteBuffer, any Error>)]>([:])
    private let hub: EventHub
    private let database: Database
    private let clock: any AgoraClock
    static let lifetime: TimeInterval = 1
    /// Beyond this many lists, the cache starts again empty: the lists people share are few.
    static let capacity = 256

    init(hub: EventHub, database: Database, clock: any AgoraClock) {
        self.hub = hub
        self.database = database
        self.clock = clock
    }

    func body(for key: String, build: @escaping @Sendable () async throws -> ByteBuffer) async throws -> ByteBuffer {
        let seen = Mark(published: hub.lastPublishedID, commits: database.eventCommitCount)
        let now = clock.now
        if let entry = entries.withLock({ $0[key] }), entry.mark == seen,
            now.timeIntervalSince(entry.at) < Self.lifetime, entry.at <= now
        {
            return entry.body
        }
        let task = building.withLock { building in
            if let running = building[key], running.mark == seen { return running.task }
            let task = Task { try await build() }
            building[key] = (seen, task)
            return task
        }
        let body: ByteBuffer
        do {
            body = try await task.value
        } catch {
            // A failed query is not kept: the next request tries again.
            building.withLock { building in
                if building[key]?.mark == seen { building.removeValue(forKey: key) }
            }
            throw error
        }
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll() }
            entries[key] = Entry(body: body, mark: seen, at: now)
        }
        building.withLock { building in
            if building[key]?.mark == seen { building.removeValue(forKey: key) }
        }
        return body
    }
}
