import AgoraDomain
import AgoraStore
import Foundation
import Synchronization

/// The databases every storage test runs on: the same test body, once per backend.
public enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public var description: String { rawValue }

    /// A PostgreSQL server for tests, as `scripts/test` starts it.
    public static var postgresURL: String? { ProcessInfo.processInfo.environment["AGORA_TEST_POSTGRES_URL"] }
}

/// A clock the test moves by hand.
public final class TestClock: AgoraClock, Sendable {
    private let current: Mutex<Date>
    public init(_ start: Date = Date(timeIntervalSince1970: 1_780_000_000)) { current = Mutex(start) }
    public var now: Date { current.withLock { $0 } }
    public func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Runs `body` with the location of a new, empty database of `backend`: a SQLite file in a new
/// folder, or a new PostgreSQL database, removed afterwards. It first waits for one of the
/// `TestSlots`, so a `body` must not call it again (it could wait for a slot it holds). Without `AGORA_TEST_POSTGRES_URL`
/// the PostgreSQL run is skipped, and says so loudly.
public func withFreshLocation(_ backend: Backend, _ body: (DatabaseLocation) async throws -> Void) async throws {
    await TestSlots.shared.take()
    do {
        try await withFreshLocationInSlot(backend, body)
    } catch {
        await TestSlots.shared.give()
        throw error
    }
    await TestSlots.shared.give()
}

/// How many fresh databases, and the applications on them, exist at once. Swift Testing starts
/// every test at the same instant: on two cores, a hundred applications at once made a test's
/// 30 s wait for three events run out, and SQLite writers gave up on the file's lock. Tests take
/// turns here instead, and each runs about as fast as it does alone.
actor TestSlots {
    static let shared = TestSlots(count: max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) { free = count }

    func take() async {
        if free > 0 {
            free -= 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    func give() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

private func withFreshLocationInSlot(_ backend: Backend, _ body: (DatabaseLocation) async throws -> Void)
    async throws
{
    switch backend {
    case .sqlite:
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agora-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(.sqlite(path: folder.appendingPathComponent("agora.sqlite").path))
    case .postgres:
        guard let url = Backend.postgresURL else {
            FileHandle.standardError.write(
                Data("⚠️  SKIPPED on PostgreSQL: AGORA_TEST_POSTGRES_URL is not set (scripts/test sets it).\n".utf8))
            return
        }
        let name = "agora_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let admin = try await Database.open(.postgres(url: url), migrate: false)
        try await admin.execute("CREATE DATABASE \(name)")
        var components = URLComponents(string: url)!
        components.path = "/\(name)"
        do {
            try await body(.postgres(url: components.string!))
        } catch {
            try? await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            await admin.close()
            throw error
        }
        try? await admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        await admin.close()
    }
}

/// Runs `body` on a fresh, migrated database of `backend`, closed afterwards.
public func withFreshDatabase(
    _ backend: Backend, clock: any AgoraClock = TestClock(), _ body: (Database, DatabaseLocation) async throws -> Void
) async throws {
    try await withFreshLocation(backend) { location in
        let database = try await Database.open(location, clock: clock)
        do {
            try await body(database, location)
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }
}
