import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@Suite struct CatalogPagesTests {
    /// Two phones and a kettle in a small tree: high-tech > phones, and kitchen.
    static func catalog(_ client: some TestClientProtocol, _ database: Database) async throws -> String {
        let token = try await PartnerOffersAPITests.partnerToken(client, database, slug: "shop")
        let staff = try await logIn(client, "equipe")
        for (slug, parent, french, english) in [
            ("high-tech", nil, "High-tech", "Tech"), ("telephones", "high-tech", "Téléphones", "Phones"),
            ("cuisine", nil, "Cuisine", "Kitchen"),
        ] {
            var body: [String: Any] = ["slug": slug, "nameFR": french, "nameEN": english]
            body["parent"] = parent
            let created = try await client.execute(
                uri: "/api/v1/categories", method: .post, headers: bearer(staff), body: json(body))
            #expect(created.status == .created, "\(created.text)")
        }
        func offer(_ sku: String, _ gtin: String, _ name: String, _ price: Int, score: Int, category: String)
            -> [String: Any]
        {
            var offer = PartnerOffersAPITests.offer(sku, gtin: gtin, price: price)
            offer["name"] = name
            offer["environmentalScore"] = score
            offer["category"] = category
            return offer
        }
        let answer = try await client.execute(
            uri: "/api/v1/partner/offers", method: .put, headers: bearer(token),
            body: json([
                "offers": [
                    offer("P1", "4006381333931", "Téléphone Éco 5G", 30_000, score: 50, category: "telephones"),
                    offer("P2", "73513537", "Téléphone reconditionné", 33_000, score: 85, category: "telephones"),
                    offer("P3", "96385074", "Téléphone luxe", 90_000, score: 95, category: "telephones"),
                    offer("K1", "50123452", "Bouilloire éco", 3_000, score: 70, category: "cuisine"),
                ]
            ]))
        #expect(answer.status == .ok, "\(answer.text)")
        return token
    }

    static func productID(_ name: String, _ database: Database) async throws -> Int64 {
        try await database.read {
            try await $0.raw("SELECT id FROM products WHERE name = \(bind: name)").first()!.decode(
                column: "id", as: Int64.self)
        }
    }

    @Test func theSearchPageFindsWithoutAccentsFiltersByCategoryTreeAndPages() async throws {
        try await withApp { client, database in
            _ = try await Self.catalog(client, database)
            let browser = PagesTests.Browser(client)
            let empty = try await browser.get("/search")
            #expect(
                empty.status == .ok && empty.text.contains("search-form")
                    && !empty.text.contains("data-testid=\"results\""))
            #expect(empty.text.contains("<option value=\"telephones\" >— Téléphones</option>"), "the tree, in French")

            let eco = try await browser.get("/search?q=eco")
            #expect(eco.text.contains("Téléphone Éco 5G") && eco.text.contains("Bouilloire éco"))
            #expect(!eco.text.contains("Téléphone luxe"))
            let tech = try await browser.get("/search?q=telephone&category=high-tech&sort=price&max=400")
            #expect(tech.text.contains("Téléphone Éco 5G") && tech.text.contains("Téléphone reconditionné"))
            #expect(!tech.text.contains("Téléphone luxe") && !tech.text.contains("Bouilloire"))
            #expect(
                tech.text.range(of: "Téléphone Éco 5G")!.lowerBound
                    < tech.text.range(of: "Téléphone reconditionné")!.lowerBound, "cheapest first")

            let english = try await browser.get("/search?category=telephones", language: "en")
            #expect(english.text.contains("<option value=\"telephones\" selected>— Phones</option>"))
            #expect(english.text.contains("1 offer<") && !english.text.contains("1 offers"))

            let bad = try await browser.get("/search?q=phone&max=douze")
            #expect(bad.status == .unprocessableContent)
            #expect(
                bad.text.contains("Un montant s&#39;écrit")
                    || bad.text.contains("Un montant s&#x27;écrit") && bad.text.contains("name=\"max\" value=\"douze\"")
            )
            let far = try await browser.get("/search?near=91,0")
            #expect(far.status == .unprocessableContent && far.text.contains("role=\"alert\""))
            let script = try await browser.get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
            #expect(!script.text.contains("<script>alert(1)") && script.text.contains("&lt;script&gt;"))
        }
    }

    @Test func theProductPageSuggestsAGreenerAlternativeAndSetsAnAlert() async throws {
        try await withApp { client, database in
            let shop = try await Self.catalog(client, database)
            let eco = try await Self.productID("Téléphone Éco 5G", database)
            let refurbished = try await Self.productID("Téléphone reconditionné", database)
            let browser = PagesTests.Browser(client)
            let page = try await browser.get("/products/\(eco)")
            #expect(page.text.contains("data-testid=\"greener-alternative\""))
            #expect(page.text.contains("<a href=\"/products/\(refurbished)\">Téléphone reconditionné</a>"))
            #expect(!page.text.contains("alert-form"), "visitors see no alert form")
            let api = try await client.execute(uri: "/api/v1/products/\(eco)", method: .get)
            #expect((api.object["greenerAlternative"] as? [String: Any])?["id"] as? Int == Int(refurbished))
            let greenest = try await browser.get("/products/\(refurbished)")
            #expect(
                !greenest.text.contains("greener-alternative"), "the only greener phone costs far more than 15 % above")

            try await registerAndLogIn(client, "alice")
            _ = try await browser.get("/login")
            _ = try await browser.post("/login", ["login": "alice", "password": "password-alice"])
            let form = try await browser.get("/products/\(eco)")
            #expect(form.text.contains("alert-form"))
            let forged = try await browser.post("/products/\(eco)/alert", ["target": "280"], csrf: false)
            #expect(forged.status == .forbidden, "a form without its CSRF token is refused")
            let refused = try await browser.post("/products/\(eco)/alert", ["target": "beaucoup"])
            #expect(refused.status == .seeOther)
            #expect(try await count("price_alerts", in: database) == 0)
            let set = try await browser.post("/products/\(eco)/alert", ["target": "280"])
            #expect(set.status == .seeOther)
            let shown = try await browser.get("/products/\(eco)")
            #expect(shown.text.contains("data-testid=\"alert-state\"") && shown.text.contains("280,00"))

            var cheaper = PartnerOffersAPITests.offer("P1", gtin: "4006381333931", price: 27_500)
            cheaper["category"] = "telephones"
            _ = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(shop), body: json(["offers": [cheaper]]))
            let centre = try await browser.get("/notifications")
            #expect(centre.text.contains("Téléphone Éco 5G est à 275,00"), "\(centre.text)")
            #expect(centre.text.contains("<p data-testid=\"unread-count\">Non lues : 1</p>"))
            _ = try await browser.post("/notifications/read", [:])
            #expect(try await browser.get("/notifications").text.contains("Non lues : 0"))
            _ = try await browser.post("/products/\(eco)/alert/delete", [:])
            #expect(try await count("price_alerts", in: database) == 0)
        }
    }
}
