import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// SQLite connections: one writer behind a FIFO gate, and a few readers used in turn.
final class SQLitePool: Sendable {
    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let nextReader = Atomic<Int>(0)
    private let gate = SerialGate()

    private init(writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.writer = writer
        self.readers = readers
    }

    static func open(path: String, readers readerCount: Int = 4, logger: Logger) async throws -> SQLitePool {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        var readers: [SQLiteConnection] = []
        do {
            // WAL lets readers proceed while the writer commits; NORMAL sync is durable across
            // application crashes and loses at most the last commits on power loss.
            // Every connection maps the file (up to 256 MiB): they read the operating system's page
            // cache in place instead of copying pages into a 2 MiB cache each, which made a search on
            // the large catalog spend half its time re-reading pages (35 req/s with 16 MiB caches,
            // 65 mapped). The mapped pages count in each connection's share of the resident size,
            // but they are the file's, shared and reclaimable, not memory the server holds.
            // The busy timeout first: switching to WAL needs a lock, and without a timeout a lock
            // held by another connection at that instant fails at once with "database is locked".
            let shared = ["PRAGMA busy_timeout=5000", "PRAGMA mmap_size=268435456"]
            for pragma in shared + ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"] {
                _ = try await writer.sql().raw(SQLQueryString(pragma)).all()
            }
            for _ in 0..<readerCount {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                readers.append(reader)
                for pragma in shared + ["PRAGMA query_only=ON"] {
                    _ = try await reader.sql().raw(SQLQueryString(pragma)).all()
                }
            }
        } catch {
            for reader in readers { try? await reader.close() }
            try? await writer.close()
            throw error
        }
        return SQLitePool(writer: writer, readers: readers)
    }

    func reader() -> any SQLDatabase {
        let index = nextReader.wrappingAdd(1, ordering: .relaxed).oldValue
        return readers[index % readers.count].sql(queryLogLevel: nil)
    }

    func withWriter<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await gate.run { try await body(self.writer.sql(queryLogLevel: nil)) }
    }

    /// Closes every connection, even from a cancelled task: SQLiteNIO refuses work on a cancelled
    /// task, and a connection freed while open aborts the process.
    func close() async {
        let connections = readers + [writer]
        await Task.detached {
            for connection in connections { try? await connection.close() }
        }.value
    }
}

/// Runs async work one piece at a time, in arrival order.
actor SerialGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
        defer {
            if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
        }
        return try await work()
    }
}
