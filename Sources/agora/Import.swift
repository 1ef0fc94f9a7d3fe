import AgoraDomain
import AgoraStore
import AgoraWeb
import ArgumentParser
import Foundation

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a partner's offers from a CSV file: good lines apply, bad ones are listed.",
        discussion: "Columns as for POST /api/v1/partner/offers/import; no limit on the number of lines.")

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "The slug of the partner whose offers these are.") var partner: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw Refusal(description: "cannot read \(file)")
        }
        let started = ContinuousClock.now
        var feed = OfferFeed(csvBytes: bytes)
        if let fault = feed.headerError {
            throw Refusal(
                description: "\(fault.field): \(try Localizer.bundled().text(fault.message, .en, fault.arguments))")
        }
        let store = try await Database.open(database.location)
        let summary: OfferStore.UpsertSummary
        do {
            feed = feed.rejectingCategories(notIn: Set(try await CategoryStore(database: store).all().map(\.slug)))
            guard let owner = try await PartnerStore(database: store).partner(slug: partner) else {
                throw Refusal(description: "no partner has the slug \(partner)")
            }
            summary = try await OfferStore(database: store).upsert(feed.offers.map(\.offer), for: owner.id)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        let localizer = try Localizer.bundled()
        for error in feed.errors {
            say("line \(error.line), \(error.field): \(localizer.text(error.message, .en, error.arguments))")
        }
        let elapsed = ContinuousClock.now - started
        say(
            "\(summary.created) created, \(summary.updated) updated, \(summary.unchanged) unchanged, "
                + "\(summary.productsCreated) new products, \(feed.errors.count) lines refused, "
                + "\(elapsed.components.seconds) s \(elapsed.components.attoseconds / 1_000_000_000_000_000) ms")
        // A distinct exit code, so that a script notices a partly refused feed.
        if !feed.errors.isEmpty { throw ExitCode(2) }
    }
}
