import AgoraDomain
import AgoraStore
import ArgumentParser
import Foundation
import HummingbirdBcrypt
import Synchronization

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Fill an empty database with deterministic demo data.")

    enum Size: String, ExpressibleByArgument, CaseIterable {
        /// 500 products, 2,000 offers with 90 days of prices, 300 deals with votes and comments: to try Agora.
        case regular
        /// 100,000 products, 400,000 offers, 100,000 deals and 2,000,000 votes: for benchmarks.
        case large
    }

    @OptionGroup var database: DatabaseOptions
    @Option(
        help: """
            regular (500 products, 2,000 offers, 90 days of prices, 300 deals) or large (100,000 products, \
            400,000 offers, 100,000 deals, 2,000,000 votes).
            """)
    var size = Size.regular

    func run() async throws {
        let started = ContinuousClock.now
        let filled = try await DemoData.fillIfEmpty(database.location, size: size)
        say(
            filled
                ? "Demo data added to \(database.location) in \((ContinuousClock.now - started).components.seconds) s."
                : "The database already has members: demo data left as it was.")
        if filled { DemoData.printLogins() }
    }
}

/// The same accounts and partners every time, so that a newcomer, a test and a benchmark find them.
enum DemoData {
    struct Account {
        let handle: String
        let displayName: String
        let role: Role
        let language: Language?
        var partnerSlug: String? = nil
        /// Where "near me" starts from.
        var home: Coordinates? = nil
        var password: String { "demo-password-\(handle)" }
    }

    static let accounts = [
        Account(handle: "admin", displayName: "Admin Agora", role: .admin, language: .fr),
        Account(handle: "equipe", displayName: "Équipe Agora", role: .staff, language: .fr),
        Account(
            handle: "alice", displayName: "Alice Martin", role: .member, language: .fr,
            home: try? Coordinates(latitude: 48.8575, longitude: 2.3795)),
        Account(handle: "bruno", displayName: "Bruno Leroy", role: .member, language: nil),
        Account(handle: "chloe", displayName: "Chloe Smith", role: .member, language: .en),
        Account(
            handle: "marchand", displayName: "Marchand Maison Verte", role: .member, language: .fr,
            partnerSlug: "maison-verte"),
    ]

    /// Adds the demo data when the database has no member yet; answers whether it did.
    ///
    /// The catalog goes through the same feed upsert as partners' feeds, on a clock that starts 90
    /// days ago and moves a day at a time, so that the price history is the one the upsert keeps.
    static func fillIfEmpty(_ location: DatabaseLocation, size: Demo.Size = .regular) async throws -> Bool {
        let clock = DemoClock(Date().addingTimeInterval(-Double(historyDays) * 86_400))
        let database = try await Database.open(location, clock: clock)
        do {
            let filled = try await fill(database, clock: clock, size: size)
            await database.close()
            return filled
        } catch {
            await database.close()
            throw error
        }
    }

    private static func fill(_ database: Database, clock: DemoClock, size: Demo.Size) async throws -> Bool {
        let members = MemberStore(database: database)
        guard try await members.count() == 0 else { return false }
        let partnerStore = PartnerStore(database: database)
        var partnerIDs: [String: PartnerID] = [:]
        for partner in DemoCatalogData.partners {
            let created = try await partnerStore.create(
                name: partner.name, slug: partner.slug, kind: partner.kind,
                commissionBasisPoints: partner.commissionBasisPoints)
            partnerIDs[partner.slug] = created.id
            try await StoreLocationStore(database: database).replace(
                try partner.stores.map {
                    try StoreLocation.Input(
                        name: $0.name, address: $0.address, city: $0.city, latitude: $0.latitude,
                        longitude: $0.longitude)
                }, for: created.id)
        }
        for account in accounts {
            // Cost 10 keeps `serve --demo` quick; real accounts use the server's cost (12).
            let member = try await members.register(
                .init(
                    handle: account.handle, email: "\(account.handle)@demo.agora.test",
                    passwordHash: Bcrypt.hash(account.password, cost: 10), language: account.language,
                    role: account.role))
            _ = try await members.updateProfile(of: member.id, .init(displayName: .some(account.displayName)))
            if let slug = account.partnerSlug, let partnerID = partnerIDs[slug] {
                _ = try await partnerStore.attach(memberID: member.id, to: partnerID)
            }
            if let home = account.home {
                _ = try await members.updateProfile(of: member.id, .init(home: .some(home)))
            }
        }
        let categories = CategoryStore(database: database)
        for category in DemoCatalogData.categories {
            _ = try await categories.create(
                slug: category.slug, parentSlug: category.parentSlug, nameFR: category.nameFR, nameEN: category.nameEN)
        }
        try await fillOffers(database, clock: clock, size: size, partnerIDs: partnerIDs)
        try await DemoDeals.fill(database, clock: clock, size: size)
        try await DemoReviews.fill(database, clock: clock, size: size)
        try await DemoArticles.fill(database, clock: clock)
        try await DemoCommerce.fill(database, clock: clock, size: size)
        try await DemoIdeas.fill(database, clock: clock)
        try await DemoBusinessModel.fill(database, clock: clock)
        return true
    }

    static let historyDays = 90

    /// One partner's offer for a product, as its feed says it today.
    struct DemoOffer {
        let partnerSlug: String
        let product: DemoCatalogData.Product
        let sku: String
        var priceMinor: Int64
        let shippingMinor: Int64
        var stock: Int
        let condition: OfferCondition

        var input: OfferInput {
            get throws {
                var fields = [
                    "sku": sku, "gtin": product.gtin, "name": product.name, "brand": product.brand,
                    "category": product.categorySlug, "description": product.description,
                    "price": Money(minorUnits: priceMinor, currency: "EUR").decimalText,
                    "shipping": Money(minorUnits: shippingMinor, currency: "EUR").decimalText, "currency": "EUR",
                    "stock": String(stock), "condition": condition.rawValue,
                    "url": "https://\(partnerSlug).example/produits/\(sku)",
                    "labels": product.labels.joined(separator: String(OfferInput.listSeparator)),
                ]
                fields["environmental_score"] = product.environmentalScore.map(String.init)
                fields["carbon_kg"] = product.carbonGrams.map { String(Double($0) / 1000) }
                fields["repairability"] = product.repairabilityTenths.map { String(Double($0) / 10) }
                fields["origin"] = product.origin
                return try OfferInput(fields: fields)
            }
        }
    }

    /// Offers for every product from one to six partners (four on average), published 90 days ago,
    /// then repriced a few at a time each day (promotions, rises, returns to the usual price).
    private static func fillOffers(
        _ database: Database, clock: DemoClock, size: Demo.Size, partnerIDs: [String: PartnerID]
    ) async throws {
        let productCount = size == .large ? 100_000 : 500
        var random = DemoCatalogData.SplitMix64(seed: 0x4F46_4645_5253)
        let partners = DemoCatalogData.partners.map(\.slug)
        var offers: [DemoOffer] = []
        for (index, product) in DemoCatalogData.products(count: productCount).enumerated() {
            // 2 to 6 partners, 4 on average: 2,000 offers for 500 products, 400,000 for 100,000.
            let count = 2 + (index * 7 + Int(random.next() % 3)) % 5
            for partner in partners.shuffled(using: &random).prefix(count) {
                let markup = 0.9 + Double(random.next() % 30) / 100
                let price = max(99, Int64(Double(product.basePriceMinor) * markup) / 10 * 10 - 1)
                let roll = random.next() % 20
                offers.append(
                    DemoOffer(
                        partnerSlug: partner, product: product, sku: "\(partner.prefix(3).uppercased())-\(index)",
                        priceMinor: price, shippingMinor: [0, 0, 390, 490, 690][Int(random.next() % 5)],
                        stock: roll < 2 ? 0 : Int(random.next() % 40) + 1,
                        condition: roll == 19 ? .used : (roll >= 17 ? .refurbished : .new)))
            }
        }
        let store = OfferStore(database: database)
        func publish(_ indices: [Int]) async throws {
            let byPartner = Dictionary(grouping: indices) { offers[$0].partnerSlug }
            for (slug, chosen) in byPartner.sorted(by: { $0.key < $1.key }) {
                let inputs = try chosen.map { try offers[$0].input }
                // Feeds of at most 10,000 offers, as the API takes them.
                for start in stride(from: 0, to: inputs.count, by: 10_000) {
                    _ = try await store.upsert(
                        Array(inputs[start..<min(start + 10_000, inputs.count)]), for: partnerIDs[slug]!)
                }
            }
        }
        try await publish(Array(offers.indices))
        // The large set is for benchmarks: today's prices are enough.
        guard size == .regular else { return }
        for _ in 1..<historyDays {
            clock.advance(days: 1)
            var repriced: [Int] = []
            for index in offers.indices where random.next() % 25 == 0 {
                let change = Double(Int(random.next() % 31) - 18) / 100  // −18 % to +12 %
                offers[index].priceMinor = max(99, Int64(Double(offers[index].priceMinor) * (1 + change)) / 10 * 10 - 1)
                if random.next() % 10 == 0 { offers[index].stock = offers[index].stock == 0 ? 12 : 0 }
                repriced.append(index)
            }
            try await publish(repriced)
        }
    }

    /// Whether the demo accounts are there (a database filled earlier by `agora demo`).
    static func isPresent(_ database: Database) async throws -> Bool {
        try await MemberStore(database: database).member(handle: accounts[2].handle) != nil
    }

    /// A clock the demo moves by hand, so that the price history spreads over past days.
    final class DemoClock: AgoraClock {
        private let current: Mutex<Date>

        init(_ start: Date) { current = Mutex(start) }

        var now: Date { current.withLock { $0 } }

        func advance(days: Int) { current.withLock { $0 += Double(days) * 86_400 } }

        func advance(seconds: TimeInterval) { current.withLock { $0 += seconds } }

        func set(_ date: Date) { current.withLock { $0 = date } }
    }

    static func printLogins() {
        say("Demo logins (handle / password):")
        for account in accounts {
            let role = account.partnerSlug.map { "partner of \($0)" } ?? account.role.rawValue
            say("  \(account.handle.padding(toLength: 9, withPad: " ", startingAt: 0)) \(account.password)  (\(role))")
        }
        say("  and the community (lea_1, hugo_1, manon_1…) with \(DemoDeals.communityPassword)")
    }
}
