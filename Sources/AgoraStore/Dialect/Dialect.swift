import Foundation
import PostgresNIO
import SQLKit
import SQLiteNIO

/// Keys of the PostgreSQL advisory locks Agora takes; each names one thing that must run alone.
enum LockKey {
    static let migrations: Int64 = 0x4147_0001
    /// Held by each transaction that appends events, until it commits, so event ids commit in order.
    static let eventOrder: Int64 = 0x4147_0002
    /// Plus a group buy's id: held by the transaction that settles it, so that of several instances
    /// due to settle it at once one does and the others move on.
    static let settlement: Int64 = 0x4149_0000_0000
    /// Plus a partner's id: held by each transaction that writes that partner's offers.
    static let partnerOffers: Int64 = 0x4148_0000_0000
}

/// Whether a table exists, asked the way each dialect knows.
enum TableExists {
    static func query(_ flavor: SQLFlavor, table: String) -> String {
        switch flavor {
        case .sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '\(table)'"
        case .postgres: "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename = '\(table)'"
        }
    }
}

/// The column a unique constraint protects, when `error` is such a violation on either database.
func uniqueViolationColumn(_ error: any Error) -> String? {
    if let error = error as? SQLiteError, error.reason == .constraintUniqueFailed || error.reason == .constraint {
        // "UNIQUE constraint failed: members.handle"
        guard error.message.contains("UNIQUE") else { return nil }
        return error.message.split(separator: ".").last.map(String.init)
    }
    if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23505" {
        // PostgreSQL names a column's unique constraint "<table>_<column>_key".
        let table = error.serverInfo?[.tableName] ?? ""
        let constraint = error.serverInfo?[.constraintName] ?? ""
        guard constraint.hasPrefix(table + "_"), constraint.hasSuffix("_key") else { return constraint }
        return String(constraint.dropFirst(table.count + 1).dropLast(4))
    }
    return nil
}

extension Transaction {
    /// Appended to a SELECT whose rows the transaction will change: PostgreSQL locks them until
    /// commit, so that two writers cannot both read the old row; SQLite has one writer at a time.
    var lockForUpdate: String { flavor == .postgres ? " FOR UPDATE" : "" }
}

extension Date {
    /// How every time is stored: UTC milliseconds since 1970.
    public var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    public init(millisecondsSince1970 value: Int64) {
        self.init(timeIntervalSince1970: Double(value) / 1000)
    }
}
