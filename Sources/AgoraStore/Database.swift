import AgoraDomain
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SQLiteKit
import Synchronization

/// The one way into storage: reads, and writes that run in a transaction with the events they produce.
///
/// On SQLite one connection writes (SQLite allows a single writer; a FIFO gate keeps
/// transactions from interleaving on it) and a few others read concurrently thanks to WAL.
/// On PostgreSQL a `PostgresClient` pool serves both.
public final class Database: Sendable {
    public let flavor: SQLFlavor
    public let clock: any AgoraClock
    let logger: Logger
    private let backend: Backend
    private let committedEvents: AsyncStream<Void>.Continuation
    /// Ticks after every commit that appended events, to wake the local dispatcher at once.
    public let eventsCommitted: AsyncStream<Void>
    private let eventCommits = Atomic<Int64>(0)

    /// How many transactions with events this instance committed: a change to it means that what
    /// was read before may be stale, even before the dispatcher publishes the events.
    public var eventCommitCount: Int64 { eventCommits.load(ordering: .acquiring) }

    private enum Backend: Sendable {
        case sqlite(SQLitePool)
        case postgres(PostgresClient, runner: Task<Void, Never>)
    }

    private init(flavor: SQLFlavor, backend: Backend, clock: any AgoraClock, logger: Logger) {
        self.flavor = flavor
        self.backend = backend
        self.clock = clock
        self.logger = logger
        (eventsCommitted, committedEvents) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// The schema version this binary migrates to.
    public static var knownSchemaVersion: Int { Migrations.latestVersion }

    /// Opens the database and brings its schema up to date (or refuses a schema newer than this binary).
    public static func open(
        _ location: DatabaseLocation, clock: any AgoraClock = SystemClock(), migrate: Bool = true,
        logger: Logger = Logger(label: "agora.database")
    ) async throws -> Database {
        let database: Database
        switch location {
        case .sqlite(let path):
            database = Database(
                flavor: .sqlite, backend: .sqlite(try await SQLitePool.open(path: path, logger: logger)),
                clock: clock, logger: logger)
        case .postgres(let url):
            let client = PostgresClient(
                configuration: try PostgresURL.configuration(from: url), backgroundLogger: logger)
            let runner = Task { await client.run() }
            database = Database(
                flavor: .postgres, backend: .postgres(client, runner: runner), clock: clock, logger: logger)
        }
        do {
            let migrator = Migrator(database: database)
            if migrate { try await migrator.migrate() } else { try await migrator.checkVersion() }
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    /// Runs read-only work; it may see other transactions only once they have committed.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let pool):
            return try await body(pool.reader())
        case .postgres(let client, _):
            return try await client.withConnection { connection in
                try await body(connection.sql(queryLogLevel: nil))
            }
        }
    }

    /// Runs `body` in one transaction: everything it writes, events included, commits or none of it does.
    public func write<T: Sendable>(_ body: @Sendable (Transaction) async throws -> T) async throws -> T {
        let eventsAppended = EventsFlag()
        let result: T
        switch backend {
        case .sqlite(let pool):
            result = try await pool.withWriter { sql in
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    let value = try await body(
                        Transaction(
                            sql: sql, flavor: .sqlite, now: Self.storedPrecision(clock.now),
                            eventsAppended: eventsAppended))
                    try await sql.raw("COMMIT").run()
                    return value
                } catch {
                    // Detached: SQLiteNIO refuses work on a cancelled task, and a transaction left
                    // open would make every later write fail.
                    await Task.detached { try? await sql.raw("ROLLBACK").run() }.value
                    throw error
                }
            }
        case .postgres(let client, _):
            do {
                result = try await client.withTransaction(logger: logger) { connection in
                    try await body(
                        Transaction(
                            sql: connection.sql(queryLogLevel: nil), flavor: .postgres,
                            now: Self.storedPrecision(clock.now),
                            eventsAppended: eventsAppended))
                }
            } catch let error as PostgresTransactionError {
                // Callers handle what went wrong (a duplicate, their own refusal), not the wrapper.
                throw error.closureError ?? error.commitError ?? error.beginError ?? error
            }
        }
        if eventsAppended.isSet {
            eventCommits.add(1, ordering: .releasing)
            committedEvents.yield()
        }
        return result
    }

    /// Times are stored in milliseconds: a transaction sees its instant at that precision, so that
    /// what it computes from `now` (recency weights, hot scores) is what a later read recomputes.
    static func storedPrecision(_ date: Date) -> Date { Date(millisecondsSince1970: date.millisecondsSince1970) }

    /// Runs one statement outside any transaction: for administration (`CREATE DATABASE`, `VACUUM`) and tests.
    public func execute(_ statement: String) async throws {
        switch backend {
        case .sqlite(let pool):
            try await pool.withWriter { try await $0.raw(SQLQueryString(statement)).run() }
        case .postgres(let client, _):
            try await client.withConnection {
                try await $0.sql(queryLogLevel: nil).raw(SQLQueryString(statement)).run()
            }
        }
    }

    /// Holds a dedicated PostgreSQL connection listening on `channel` while `body` runs.
    func listen<T: Sendable>(
        on channel: String, _ body: @Sendable (PostgresNotificationSequence) async throws -> T
    ) async throws -> T? {
        guard case .postgres(let client, _) = backend else { return nil }
        return try await client.withConnection { connection in
            try await connection.listen(on: channel, consume: body)
        }
    }

    /// Closes every connection; call once, after the last query.
    public func close() async {
        committedEvents.finish()
        switch backend {
        case .sqlite(let pool): await pool.close()
        case .postgres(_, let runner):
            runner.cancel()
            await runner.value
        }
    }
}

/// The handle a write receives: the SQL of the open transaction, the dialect, and the time it began.
public struct Transaction: Sendable {
    public let sql: any SQLDatabase
    public let flavor: SQLFlavor
    /// One "now" for the whole transaction, so that every row it writes carries the same time.
    public let now: Date
    let eventsAppended: EventsFlag
}

/// Remembers whether a transaction appended events, so the dispatcher is woken only when it must be.
final class EventsFlag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}
