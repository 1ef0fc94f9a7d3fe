import AgoraDomain
import AgoraStore
import AgoraWeb
import ArgumentParser
import Foundation
import HummingbirdBcrypt

struct Admin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Administer accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an admin account (the first one, or another).",
            discussion: "The password is read from $AGORA_ADMIN_PASSWORD, else from standard input.")

        @Option(help: "Handle (3–30 of a-z, 0-9, _).") var handle: String
        @Option(help: "E-mail address.") var email: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            var password = ProcessInfo.processInfo.environment["AGORA_ADMIN_PASSWORD"]
            if password == nil {
                FileHandle.standardOutput.write(Data("Password (at least 10 characters): ".utf8))
                password = readLine(strippingNewline: true)
            }
            do {
                let handle = try AccountRules.handle(handle)
                let email = try AccountRules.email(email)
                let checked = try AccountRules.password(password ?? "")
                let store = try await Database.open(database.location)
                do {
                    let member = try await MemberStore(database: store).register(
                        .init(
                            handle: handle, email: email,
                            passwordHash: Bcrypt.hash(checked, cost: AppConfiguration().bcryptCost), language: nil,
                            role: .admin))
                    await store.close()
                    say("Admin @\(member.handle) created.")
                } catch {
                    await store.close()
                    throw error
                }
            } catch let error as AgoraDomain.ValidationError {
                throw Refusal(
                    description: "\(error.field): \(try Localizer.bundled().text(error.message, .en, error.arguments))")
            } catch StoreError.duplicate(let field) {
                throw Refusal(description: try Localizer.bundled().text("error.taken.\(field)", .en))
            }
        }
    }
}

/// A refusal the command prints as one line (without the usage text) before exiting with an error.
struct Refusal: Error, CustomStringConvertible {
    let description: String
}
