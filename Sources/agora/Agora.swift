import AgoraStore
import AgoraWeb
import ArgumentParser
import Foundation

/// The `agora` command: a thin shell over AgoraWeb and AgoraStore.
@main
struct Agora: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Agora: a platform for a company's digital customers.",
        subcommands: [Serve.self, Migrate.self, Demo.self, Admin.self])

    static func main() async {
        // Line-buffered, so that scripts reading our output see the URL and logins at once.
        setvbuf(stdout, nil, _IOLBF, 0)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "A SQLite file path or a postgres:// URL (default: $AGORA_DATABASE_URL, else ./agora.sqlite).")
    var database: String?

    var location: DatabaseLocation {
        DatabaseLocation(database ?? ProcessInfo.processInfo.environment["AGORA_DATABASE_URL"] ?? "./agora.sqlite")
    }
}
