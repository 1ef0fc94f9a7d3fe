import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@Suite struct PartnerOffersAPITests {
    /// A partner with a token, made through the API as staff would.
    static func partnerToken(_ client: any TestClientProtocol, _ database: Database, slug: String) async throws
        -> String
    {
        if try await MemberStore(database: database).member(handle: "equipe") == nil {
            try await registerAndLogIn(client, "equipe")
            try await promote("equipe", to: .staff, in: database)
        }
        let staff = try await logIn(client, "equipe")
        _ = try await client.execute(
            uri: "/api/v1/partners", method: .post, headers: bearer(staff),
            body: json(["name": slug, "slug": slug, "kind": "merchant", "commissionBasisPoints": 500]))
        let issued = try await client.execute(
            uri: "/api/v1/partners/\(slug)/tokens", method: .post, headers: bearer(staff), body: json(["label": "feed"])
        )
        return issued.object["token"] as? String ?? ""
    }

    static func offer(_ sku: String, gtin: String = "4006381333931", price: Int = 49_900) -> [String: Any] {
        [
            "sku": sku, "gtin": gtin, "name": "Téléphone Éco", "price": price, "shipping": 0, "currency": "EUR",
            "stock": 3,
            "condition": "new", "url": "https://shop.example/\(sku)", "environmentalScore": 80, "origin": "FR",
        ]
    }

    @Test(arguments: Backend.allCases)
    func aPartnerPublishesItsOffersAndABadOneRefusesTheWholeFeed(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let token = try await Self.partnerToken(client, database, slug: "shop")
            var bad = Self.offer("B2", gtin: "73513537")
            bad["price"] = "cheap"
            let refused = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(token),
                body: json(["offers": [Self.offer("B1"), bad]]))
            expectProblem(refused, .unprocessableContent, type: "validation", field: "offers[1].price")
            var badGTIN = Self.offer("B2", gtin: "73513538")
            badGTIN["stock"] = 1
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/partner/offers", method: .put, headers: bearer(token),
                    body: json(["offers": [Self.offer("B1"), badGTIN]])),
                .unprocessableContent, type: "validation", field: "offers[1].gtin")
            #expect(try await count("offers", in: database) == 0, "a refused feed writes nothing")

            let feed = json(["offers": [Self.offer("B1"), Self.offer("B2", gtin: "73513537", price: 1_999)]])
            let published = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(token), body: feed)
            #expect(published.status == .ok, "\(published.text)")
            #expect(published.object["created"] as? Int == 2 && published.object["productsCreated"] as? Int == 2)
            let again = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(token), body: feed)
            #expect(again.object["unchanged"] as? Int == 2)
        }
    }

    @Test func onlyPartnersPublishAndNeverOverAnotherPartnersOffers() async throws {
        try await withApp { client, database in
            let first = try await Self.partnerToken(client, database, slug: "first")
            let second = try await Self.partnerToken(client, database, slug: "second")
            let member = try await registerAndLogIn(client, "alice")
            let feed = json(["offers": [Self.offer("SAME", price: 1_000)]])
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/partner/offers", method: .put, headers: bearer(member), body: feed),
                .forbidden, type: "forbidden")
            expectProblem(
                try await client.execute(uri: "/api/v1/partner/offers", method: .put, headers: jsonHeaders, body: feed),
                .unauthorized, type: "unauthenticated")
            #expect(try await count("offers", in: database) == 0)

            _ = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(first), body: feed)
            _ = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(second),
                body: json(["offers": [Self.offer("SAME", price: 1)]]))
            let prices = try await database.read { sql in
                try await sql.raw("SELECT price_minor FROM offers ORDER BY id").all().map {
                    try $0.decode(column: "price_minor", as: Int64.self)
                }
            }
            #expect(prices == [1_000, 1], "the second partner's SKU is its own offer; the first one's is untouched")
        }
    }

    @Test func aCsvFeedAppliesItsGoodLinesAndAnswersForEachBadOne() async throws {
        try await withApp { client, database in
            let token = try await Self.partnerToken(client, database, slug: "shop")
            let csv = """
                sku;gtin;name;price;currency;stock;condition;url;origin
                C1;4006381333931;Téléphone;499,90;EUR;3;new;https://shop.example/c1;FR
                C2;4006381333932;Wrong check digit;10;EUR;3;new;https://shop.example/c2;FR
                C3;73513537;Câble;9,90;EUR;0;used;https://shop.example/c3;ZZ
                C4;73513537;Câble;9,90;EUR;0;used;https://shop.example/c4;
                """
            var headers = bearer(token)
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.acceptLanguage] = "en"
            let answer = try await client.execute(
                uri: "/api/v1/partner/offers/import", method: .post, headers: headers, body: ByteBuffer(string: csv))
            #expect(answer.status == .ok, "\(answer.text)")
            #expect((answer.object["summary"] as? [String: Any])?["created"] as? Int == 2)
            let errors = answer.object["errors"] as? [[String: Any]] ?? []
            #expect(errors.map { $0["line"] as? Int } == [3, 4])
            #expect(errors.map { $0["field"] as? String } == ["gtin", "origin"])
            #expect((errors.first?["detail"] as? String)?.contains("check digit") == true)
            #expect(try await count("offers", in: database) == 2)

            expectProblem(
                try await client.execute(
                    uri: "/api/v1/partner/offers/import", method: .post, headers: headers,
                    body: ByteBuffer(string: "sku,gtin,name,price,currency,stock,condition\n")),
                .unprocessableContent, type: "validation", field: "url")
            headers[.contentType] = "application/json"
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/partner/offers/import", method: .post, headers: headers, body: ByteBuffer(string: csv)
                ),
                .unsupportedMediaType, type: "unsupported-media-type")
        }
    }

    @Test func onlyPartnersMaySendMoreThanOneMebibyte() async throws {
        try await withApp { client, database in
            let member = try await registerAndLogIn(client, "alice")
            // 2,000 offers with long names and addresses: about 1.3 MiB.
            let big = json([
                "offers": (0..<2_000).map { index -> [String: Any] in
                    var offer = PartnerOffersAPITests.offer("S\(index)")
                    offer["name"] = String(repeating: "n", count: 190)
                    offer["url"] = "https://shop.example/" + String(repeating: "u", count: 400) + "/\(index)"
                    return offer
                }
            ])
            #expect(big.readableBytes > 1 << 20)
            var headers = bearer(member)
            headers[.init("Idempotency-Key")!] = "big-1"
            expectProblem(
                try await client.execute(uri: "/api/v1/partner/offers", method: .put, headers: headers, body: big),
                .contentTooLarge,
                type: "too-large")
            #expect(try await count("idempotency_keys", in: database) == 0)
            let token = try await Self.partnerToken(client, database, slug: "shop")
            let accepted = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(token), body: big)
            #expect(
                accepted.status == .ok && accepted.object["created"] as? Int == 2_000, "\(accepted.text.prefix(300))")
        }
    }

    @Test func feedsMayPassOneMebibyteButNotTenThousandOffers() async throws {
        try await withApp { client, database in
            let token = try await Self.partnerToken(client, database, slug: "shop")
            let many = (0..<10_001).map { Self.offer("S\($0)") }
            let tooMany = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(token), body: json(["offers": many]))
            expectProblem(tooMany, .unprocessableContent, type: "validation", field: "offers")
            #expect(try await count("offers", in: database) == 0)
        }
    }
}
