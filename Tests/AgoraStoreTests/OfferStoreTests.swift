import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct OfferStoreTests {
    static func offer(
        sku: String, gtin: String = "4006381333931", name: String = "Téléphone Éco 5G", brand: String? = "Fairphone",
        price: String = "499.00", score: String = "82"
    ) throws -> OfferInput {
        try OfferInput(fields: [
            "sku": sku, "gtin": gtin, "name": name, "brand": brand ?? "", "price": price, "currency": "EUR",
            "stock": "4",
            "condition": "new", "url": "https://shop.example/\(sku)", "environmental_score": score,
        ])
    }

    @Test(arguments: Backend.allCases)
    func aFeedCreatesProductsOnceAndKeepsEveryPriceChange(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let shop = try await PartnerStore(database: database).create(
                name: "Shop", slug: "shop", kind: .merchant, commissionBasisPoints: 500)
            let offers = OfferStore(database: database)
            var summary = try await offers.upsert(
                [
                    try Self.offer(sku: "A1"),
                    try Self.offer(sku: "A2", gtin: "73513537", name: "Câble USB-C", brand: nil),
                ],
                for: shop.id)
            #expect(summary.created == 2 && summary.productsCreated == 2)

            summary = try await offers.upsert([try Self.offer(sku: "A1")], for: shop.id)
            #expect(
                summary.unchanged == 1 && summary.created == 0 && summary.productsCreated == 0,
                "the same feed changes nothing")

            clock.advance(by: 3600)
            summary = try await offers.upsert([try Self.offer(sku: "A1", price: "449.00")], for: shop.id)
            #expect(summary.updated == 1 && summary.pricesChanged == 1)
            let history = try await database.read { sql in
                try await sql.raw(
                    "SELECT total_minor FROM price_history JOIN offers ON offers.id = offer_id WHERE sku = 'A1' ORDER BY at"
                ).all().map { try $0.decode(column: "total_minor", as: Int64.self) }
            }
            #expect(history == [49_900, 44_900])
        }
    }

    @Test func anEmptyFeedWritesNothing() async throws {
        try await withFreshDatabase(.sqlite) { database, _ in
            let shop = try await PartnerStore(database: database).create(
                name: "Shop", slug: "shop", kind: .merchant, commissionBasisPoints: 0)
            let before = try await EventLog(database: database).latestID()
            #expect(try await OfferStore(database: database).upsert([], for: shop.id) == OfferStore.UpsertSummary())
            #expect(try await EventLog(database: database).latestID() == before)
        }
    }

    @Test(arguments: Backend.allCases)
    func twoPartnersWithTheSameSkuHaveTwoOffersForOneProduct(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let partners = PartnerStore(database: database)
            let first = try await partners.create(name: "One", slug: "one", kind: .merchant, commissionBasisPoints: 0)
            let second = try await partners.create(name: "Two", slug: "two", kind: .merchant, commissionBasisPoints: 0)
            let offers = OfferStore(database: database)
            _ = try await offers.upsert([try Self.offer(sku: "X")], for: first.id)
            let summary = try await offers.upsert(
                [try Self.offer(sku: "X", gtin: "04006381333931", price: "1.00")], for: second.id)
            #expect(summary.created == 1 && summary.productsCreated == 0, "the GTIN matched, whatever its form")
            let prices = try await database.read { sql in
                try await sql.raw("SELECT price_minor FROM offers ORDER BY partner_id").all().map {
                    try $0.decode(column: "price_minor", as: Int64.self)
                }
            }
            #expect(prices == [49_900, 100], "one partner's feed never touched the other's offer")
        }
    }

    @Test(arguments: Backend.allCases)
    func searchIgnoresCaseAndAccentsAndMatchesPrefixes(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let shop = try await PartnerStore(database: database).create(
                name: "Shop", slug: "shop", kind: .merchant, commissionBasisPoints: 0)
            _ = try await OfferStore(database: database).upsert(
                [
                    try Self.offer(sku: "1"),
                    try Self.offer(sku: "2", gtin: "73513537", name: "Câble éco-conçu", brand: "Œko"),
                    try Self.offer(sku: "3", gtin: "012345678905", name: "Lave-linge", brand: "Bosch"),
                ], for: shop.id)
            let products = ProductStore(database: database)
            func names(_ text: String) async throws -> [String] {
                try await products.search(try ProductQuery(parameters: ["q": text])).items.map(\.name)
            }
            #expect(try await names("telephone") == ["Téléphone Éco 5G"])
            #expect(try await names("TÉLÉ eco") == ["Téléphone Éco 5G"])
            #expect(try await names("eco").count == 2)
            #expect(try await names("oeko cable") == ["Câble éco-conçu"])
            #expect(try await names("fairphone").count == 1, "the brand is searched too")
            #expect(try await names("velo").isEmpty)
            #expect(try await names("\" OR 1=1 --").isEmpty, "query syntax is not passed through")
        }
    }

    @Test(arguments: Backend.allCases)
    func filtersCombineAndPagesCoverEveryResultOnce(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let categories = CategoryStore(database: database)
            _ = try await categories.create(slug: "maison", parentSlug: nil, nameFR: "Maison", nameEN: "Home")
            _ = try await categories.create(
                slug: "electromenager", parentSlug: "maison", nameFR: "Électroménager", nameEN: "Appliances")
            _ = try await categories.create(
                slug: "lave-linge", parentSlug: "electromenager", nameFR: "Lave-linge", nameEN: "Washers")
            _ = try await categories.create(slug: "jardin", parentSlug: nil, nameFR: "Jardin", nameEN: "Garden")
            let shop = try await PartnerStore(database: database).create(
                name: "Shop", slug: "shop", kind: .merchant, commissionBasisPoints: 0)
            // 30 products: GTIN-8 numbers with a valid check digit, alternating categories, prices and scores.
            var offers: [OfferInput] = []
            for index in 0..<30 {
                let body = String(format: "%07d", 1_000_000 + index)
                let digits = body.compactMap(\.wholeNumberValue)
                let sum = digits.reversed().enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 3 : 1) }
                offers.append(
                    try OfferInput(fields: [
                        "sku": "S\(index)", "gtin": body + String((10 - sum % 10) % 10), "name": "Lave-linge \(index)",
                        "category": index % 2 == 0 ? "lave-linge" : "jardin", "price": "\(100 + index * 10)",
                        "currency": "EUR",
                        "stock": index % 3 == 0 ? "0" : "5", "condition": "new", "url": "https://shop.example/\(index)",
                        "environmental_score": "\(index * 3)", "repairability": "\(Double(index % 10))",
                        "origin": index % 4 == 0 ? "FR" : "DE",
                    ]))
            }
            _ = try await OfferStore(database: database).upsert(offers, for: shop.id)
            let products = ProductStore(database: database)

            let filtered = try await products.search(
                try ProductQuery(parameters: [
                    "q": "lave linge", "category": "maison", "grade": "D", "inStock": "true", "maxPrice": "30000",
                    "sort": "price",
                ]))
            // Even indexes are under maison (via electromenager); score ≥ 30 means index ≥ 10; in stock drops multiples of 3;
            // total ≤ 300 € keeps index ≤ 20.
            #expect(filtered.items.map(\.name) == ["Lave-linge 10", "Lave-linge 14", "Lave-linge 16", "Lave-linge 20"])
            #expect(filtered.items.map(\.lowestTotal.minorUnits) == [20_000, 24_000, 26_000, 30_000])

            let greenest = try await products.search(
                try ProductQuery(parameters: ["sort": "sustainability", "origin": "FR"]))
            #expect(greenest.items.first?.name == "Lave-linge 28")

            for sort in ["price", "sustainability", "popularity", "relevance"] {
                var seen: [Int64] = []
                var parameters = ["sort": sort, "limit": "7", "q": "lave"]
                while true {
                    let page = try await products.search(try ProductQuery(parameters: parameters))
                    seen += page.items.map(\.id)
                    guard let next = page.next else { break }
                    parameters["cursor"] = next.encoded
                }
                #expect(seen.count == 30 && Set(seen).count == 30, "sorted by \(sort), every product once")
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func bestForMeInSQLOrdersAsTheRuleDoesOnEveryPage(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let shop = try await PartnerStore(database: database).create(
                name: "Shop", slug: "shop", kind: .merchant, commissionBasisPoints: 0)
            let figures: [(String, String, String)] = [
                ("4006381333931", "300", "90"), ("73513537", "100", "20"), ("012345678905", "200", "60"),
                ("96385074", "150", ""),
                ("40170725", "120", "45"), ("50184385", "260", "75"),
            ]
            _ = try await OfferStore(database: database).upsert(
                try figures.enumerated().map { index, figure in
                    try OfferInput(fields: [
                        "sku": "S\(index)", "gtin": figure.0, "name": "Produit \(index)", "price": figure.1,
                        "currency": "EUR",
                        "stock": "1", "condition": "new", "url": "https://shop.example/\(index)",
                        "environmental_score": figure.2,
                    ])
                }, for: shop.id)
            let products = ProductStore(database: database)
            for weight in [0, 60, 100] {
                let all = try await products.search(
                    try ProductQuery(parameters: ["sort": "forMe", "weight": "\(weight)", "limit": "50"]))
                let expected = BestForMe.rank(
                    all.items.map {
                        BestForMe.Candidate(id: $0.id, total: $0.lowestTotal, environmentalScore: $0.environmentalScore)
                    },
                    weight: weight)
                #expect(all.items.map(\.id) == expected.map(\.id), "weight \(weight): SQL and the rule agree")
                var paged: [Int64] = []
                var parameters = ["sort": "forMe", "weight": "\(weight)", "limit": "2"]
                while true {
                    let page = try await products.search(try ProductQuery(parameters: parameters))
                    paged += page.items.map(\.id)
                    guard let next = page.next else { break }
                    parameters["cursor"] = next.encoded
                }
                #expect(paged == expected.map(\.id), "weight \(weight): pages of two give the same order")
            }
        }
    }

    /// GTIN-13s with a valid check digit: "376" and nine digits from `index`.
    static func gtin(_ index: Int) -> String {
        let body = "376" + String(format: "%09d", index)
        let sum = body.reversed().enumerated().reduce(0) {
            $0 + $1.element.wholeNumberValue! * ($1.offset % 2 == 0 ? 3 : 1)
        }
        return body + String((10 - sum % 10) % 10)
    }

    @Test(arguments: Backend.allCases)
    func aFeedLargerThanABatchCountsEveryOfferOnceAcrossBatches(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let shop = try await PartnerStore(database: database).create(
                name: "Shop", slug: "shop", kind: .merchant, commissionBasisPoints: 500)
            let offers = OfferStore(database: database)
            // 600 offers for 599 products: the two offers of product 249 fall on both sides of the
            // first batch boundary (offers are taken in GTIN, then SKU order).
            var feed = try (0..<599).map { try Self.offer(sku: "S\($0)", gtin: Self.gtin($0), name: "Produit \($0)") }
            feed.append(try Self.offer(sku: "T249", gtin: Self.gtin(249), name: "Produit 249"))
            var summary = try await offers.upsert(feed, for: shop.id)
            #expect(summary.created == 600 && summary.productsCreated == 599, "\(summary)")
            #expect(
                try await database.read {
                    try await $0.raw("SELECT COUNT(*) AS n FROM price_history").first()!
                        .decode(column: "n", as: Int.self)
                } == 600)

            feed[0] = try Self.offer(sku: "S0", gtin: Self.gtin(0), name: "Produit 0", price: "399.00")
            feed.append(try Self.offer(sku: "S0", gtin: Self.gtin(0), name: "Produit 0", price: "389.00"))
            summary = try await offers.upsert(feed, for: shop.id)
            #expect(
                summary.updated == 1 && summary.unchanged == 599 && summary.created == 0 && summary.pricesChanged == 1,
                "a repeated SKU counts once, with its last price: \(summary)")
            let price = try await database.read {
                try await $0.raw("SELECT price_minor FROM offers WHERE sku = 'S0'").first()!.decode(
                    column: "price_minor", as: Int64.self)
            }
            #expect(price == 38_900)
        }
    }
}
