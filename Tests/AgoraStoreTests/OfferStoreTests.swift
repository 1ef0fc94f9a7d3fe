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
            #expect(try await products.search("telephone").map(\.name) == ["Téléphone Éco 5G"])
            #expect(try await products.search("TÉLÉ eco").map(\.name) == ["Téléphone Éco 5G"])
            #expect(try await products.search("eco").count == 2)
            #expect(try await products.search("oeko cable").map(\.name) == ["Câble éco-conçu"])
            #expect(try await products.search("fairphone").count == 1, "the brand is searched too")
            #expect(try await products.search("velo").isEmpty)
            #expect(try await products.search("\" OR 1=1 --").isEmpty, "query syntax is not passed through")
        }
    }
}
