import Foundation
import SQLKit

/// Brings a database's schema to the version this binary knows, and refuses a newer one.
struct Migrator {
    let database: Database

    /// Raised when the database was migrated by a newer Agora: running an older binary on it could corrupt it.
    struct SchemaTooNew: Error, CustomStringConvertible {
        let found: Int
        let known: Int
        var description: String {
            "The database schema is at version \(found), but this Agora knows versions up to \(known). "
                + "Upgrade Agora (or point it at another database); it will not run on a schema it does not know."
        }
    }

    func migrate() async throws {
        try await database.write { tx in
            if tx.flavor == .postgres {
                // Several instances may start together: one migrates, the others wait and find nothing to do.
                try await tx.sql.raw("SELECT pg_advisory_xact_lock(\(literal: LockKey.migrations))").run()
            }
            try await tx.sql.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
                """
            ).run()
            let current = try await currentVersion(tx.sql)
            guard current <= Migrations.latestVersion else {
                throw SchemaTooNew(found: current, known: Migrations.latestVersion)
            }
            let types = SchemaTypes(flavor: tx.flavor)
            for migration in Migrations.all where migration.version > current {
                for statement in migration.statements(types) {
                    try await tx.sql.raw(SQLQueryString(statement)).run()
                }
                try await migration.backfill?(tx)
                try await tx.sql.raw(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: tx.now.millisecondsSince1970))
                    """
                ).run()
            }
        }
    }

    /// Checks without changing anything: for commands that must not migrate.
    func checkVersion() async throws {
        let current = try await database.read { sql in
            let exists = try await sql.raw(
                SQLQueryString(TableExists.query(database.flavor, table: "schema_migrations"))
            ).all()
            return exists.isEmpty ? 0 : try await currentVersion(sql)
        }
        guard current <= Migrations.latestVersion else {
            throw SchemaTooNew(found: current, known: Migrations.latestVersion)
        }
    }

    private func currentVersion(_ sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations").first()
        return try row?.decode(column: "version", as: Int.self) ?? 0
    }
}
