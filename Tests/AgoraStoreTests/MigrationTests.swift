import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite struct MigrationTests {
    @Test(arguments: Backend.allCases)
    func reopeningAMigratedDatabaseChangesNothing(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, location in
            let again = try await Database.open(location)
            let rows = try await again.read { try await $0.raw("SELECT version FROM schema_migrations").all() }
            await again.close()
            #expect(
                rows.count == Database.knownSchemaVersion, "each migration is recorded once, however often Agora starts"
            )
        }
    }

    @Test(arguments: Backend.allCases)
    func aSchemaNewerThanTheBinaryIsRefused(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, location in
            try await database.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 0)")
            await #expect {
                _ = try await Database.open(location)
            } throws: { error in
                String(describing: error).contains("version 999")
            }
        }
    }
}
