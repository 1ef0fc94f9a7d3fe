import AgoraStore
import ArgumentParser
import Foundation

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date, then exit.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let store = try await Database.open(database.location, migrate: true)
        await store.close()
        say("Schema of \(database.location) is up to date.")
    }
}
