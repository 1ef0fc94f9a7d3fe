import AgoraDomain
import AgoraStore
import AgoraWeb
import ArgumentParser
import Foundation
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the Agora server (migrating the database first).")

    @Option(help: "Address to listen on.") var host = ProcessInfo.processInfo.environment["AGORA_HOST"] ?? "127.0.0.1"
    @Option(help: "Port to listen on.") var port = Int(ProcessInfo.processInfo.environment["AGORA_PORT"] ?? "") ?? 8080
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Fill an empty database with demo data and print the demo logins.") var demo = false
    @Option(help: "Log level: trace, debug, info, notice, warning, error.") var logLevel = "info"
    @Flag(help: "Take the client's address from X-Forwarded-For (only behind a load balancer that sets it).")
    var trustForwardedFor = ProcessInfo.processInfo.environment["AGORA_TRUST_FORWARDED_FOR"] == "1"

    @Option(
        help:
            "The address people reach Agora at, for links in feeds and shared pages (default: $AGORA_PUBLIC_URL, else the request's Host)."
    )
    var publicURL = ProcessInfo.processInfo.environment["AGORA_PUBLIC_URL"]

    @Option(
        help:
            "Where uploaded photos are kept; instances behind one load balancer share it (default: $AGORA_DATA_DIR, else ./agora-data)."
    )
    var dataDirectory = ProcessInfo.processInfo.environment["AGORA_DATA_DIR"] ?? "./agora-data"

    @Option(help: "Supports that send an open idea into review (env AGORA_IDEA_SUPPORT_THRESHOLD).")
    var ideaSupportThreshold =
        Int(ProcessInfo.processInfo.environment["AGORA_IDEA_SUPPORT_THRESHOLD"] ?? "")
        ?? IdeaSettings.standard.supportThreshold
    @Option(help: "Days after its submission during which an idea may gather them (env AGORA_IDEA_SUPPORT_DAYS).")
    var ideaSupportDays =
        Int(ProcessInfo.processInfo.environment["AGORA_IDEA_SUPPORT_DAYS"] ?? "")
        ?? Int(IdeaSettings.standard.supportWindow / 86_400)
    @Option(help: "Days staff have to decide on an idea in review (env AGORA_IDEA_RESPONSE_DAYS).")
    var ideaResponseDays =
        Int(ProcessInfo.processInfo.environment["AGORA_IDEA_RESPONSE_DAYS"] ?? "")
        ?? Int(IdeaSettings.standard.responseDeadline / 86_400)

    func run() async throws {
        var configuration = AppConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.database = database.location
        configuration.dataDirectory = URL(fileURLWithPath: dataDirectory)
        configuration.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        configuration.trustForwardedFor = trustForwardedFor
        if let publicURL {
            guard let url = URL(string: publicURL), url.scheme == "http" || url.scheme == "https", url.host != nil
            else {
                throw ValidationError("--public-url must be an http(s) address, such as https://agora.example.com")
            }
            configuration.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        }
        if ProcessInfo.processInfo.environment["AGORA_INSECURE_COOKIES"] == "1" { configuration.secureCookies = false }
        guard (1...1_000_000).contains(ideaSupportThreshold), (1...3_650).contains(ideaSupportDays),
            (1...365).contains(ideaResponseDays)
        else {
            throw ValidationError(
                "--idea-support-threshold must be 1 to 1,000,000, --idea-support-days 1 to 3,650, --idea-response-days 1 to 365"
            )
        }
        configuration.ideas = IdeaSettings(
            supportThreshold: ideaSupportThreshold, supportWindow: Double(ideaSupportDays) * 86_400,
            responseDeadline: Double(ideaResponseDays) * 86_400)
        // For a partner's webhook receiver on a developer's machine; never in production (SSRF).
        configuration.webhooksMayReachPrivateNetworks =
            ProcessInfo.processInfo.environment["AGORA_WEBHOOKS_ALLOW_PRIVATE"] == "1"
        if demo {
            let filled = try await DemoData.fillIfEmpty(configuration.database)
            let store = try await Database.open(configuration.database)
            let present: Bool
            do {
                present = try await DemoData.isPresent(store)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
            let shownHost = host == "0.0.0.0" || host == "::" ? "localhost" : (host == "127.0.0.1" ? "localhost" : host)
            say(filled ? "Demo data added." : "The database already has members: demo data left as it was.")
            say("Open http://\(shownHost):\(port)/")
            if present {
                DemoData.printLogins()
            } else {
                say("This database was not filled by `agora demo`: log in with its own accounts.")
            }
        }
        let app = try await buildApplication(configuration)
        try await app.runService()
    }
}
