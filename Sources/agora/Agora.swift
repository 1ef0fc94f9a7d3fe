import AgoraStore
import AgoraWeb
import ArgumentParser
import Foundation

/// The `agora` command: a thin shell over AgoraWeb and AgoraStore.
@main
struct Agora: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Agora: a platform for a company's digital customers.",
        subcommands: [Serve.self, Migrate.self, Demo.self, Admin.self, Import.self])

}

/// Options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "A SQLite file path or a postgres:// URL (default: $AGORA_DATABASE_URL, else ./agora.sqlite).")
    var database: String?

    var location: DatabaseLocation {
        DatabaseLocation(database ?? ProcessInfo.processInfo.environment["AGORA_DATABASE_URL"] ?? "./agora.sqlite")
    }
}

/// Prints a line at once, unbuffered, so that scripts reading our output see the URL and logins immediately.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
