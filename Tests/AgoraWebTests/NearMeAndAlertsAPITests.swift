import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@Suite struct NearMeAPITests {
    /// Distances as the test computes them, by the spherical law of cosines (not the haversine the
    /// code uses), so that a wrong formula in the code cannot agree with itself.
    static func kilometres(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let radians = { (degrees: Double) in degrees * .pi / 180 }
        let cosine =
            sin(radians(a.0)) * sin(radians(b.0)) + cos(radians(a.0)) * cos(radians(b.0)) * cos(radians(b.1 - a.1))
        return 6371.0088 * acos(min(1, cosine))
    }

    static let notreDame = (48.8530, 2.3499)
    static let bastille = (48.8532, 2.3691)
    static let grenelle = (48.8475, 2.2960)
    static let bellecour = (45.7578, 4.8320)

    func publish(_ client: some TestClientProtocol, _ token: String, _ offers: [[String: Any]], stores: [[String: Any]])
        async throws
    {
        let feed = try await client.execute(
            uri: "/api/v1/partner/offers", method: .put, headers: bearer(token), body: json(["offers": offers]))
        #expect(feed.status == .ok, "\(feed.text)")
        let network = try await client.execute(
            uri: "/api/v1/partner/stores", method: .put, headers: bearer(token), body: json(["stores": stores]))
        #expect(network.status == .ok, "\(network.text)")
    }

    static func store(_ name: String, _ point: (Double, Double), city: String) -> [String: Any] {
        ["name": name, "address": "1 rue \(name)", "city": city, "latitude": point.0, "longitude": point.1]
    }

    @Test(arguments: Backend.allCases)
    func nearMeKeepsProductsInStockInNearbyStoresAndSortsThemByDistance(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let paris = try await PartnerOffersAPITests.partnerToken(client, database, slug: "paris")
            let lyon = try await PartnerOffersAPITests.partnerToken(client, database, slug: "lyon")
            var kettle = PartnerOffersAPITests.offer("K", gtin: "73513537", price: 3_000)
            kettle["name"] = "Bouilloire"
            var lamp = PartnerOffersAPITests.offer("L", gtin: "96385074", price: 2_000)
            lamp["name"] = "Lampe"
            lamp["stock"] = 0
            try await publish(
                client, paris, [PartnerOffersAPITests.offer("P")],
                stores: [Self.store("Bastille", Self.bastille, city: "Paris")])
            try await publish(
                client, lyon, [PartnerOffersAPITests.offer("P", price: 40_000), kettle, lamp],
                stores: [
                    Self.store("Grenelle", Self.grenelle, city: "Paris"),
                    Self.store("Bellecour", Self.bellecour, city: "Lyon"),
                ])

            let near = "near=\(Self.notreDame.0),\(Self.notreDame.1)"
            let answer = try await client.execute(uri: "/api/v1/products?\(near)&sort=distance", method: .get)
            #expect(answer.status == .ok, "\(answer.text)")
            let items = answer.object["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["name"] as? String } == ["Téléphone Éco", "Bouilloire"], "the lamp is out of stock")
            let stores = items.map { $0["nearestStore"] as? [String: Any] ?? [:] }
            #expect(stores.map { $0["name"] as? String } == ["Bastille", "Grenelle"])
            for (store, point) in zip(stores, [Self.bastille, Self.grenelle]) {
                let expected = Self.kilometres(Self.notreDame, point)
                #expect(abs((store["distanceKm"] as? Double ?? 0) - expected) < 0.01, "\(store) against \(expected)")
            }
            #expect(
                (items.first?["lowestTotal"] as? [String: Any])?["amount"] as? Int == 40_000,
                "both Paris stores carry the phone: the lowest total among them")

            // Pages follow the distance order across partners; price filters use the nearby offers only.
            var names: [String] = []
            var cursor = ""
            repeat {
                let page = try await client.execute(
                    uri: "/api/v1/products?\(near)&sort=distance&limit=1\(cursor.isEmpty ? "" : "&cursor=\(cursor)")",
                    method: .get)
                names += (page.object["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                cursor = page.object["nextCursor"] as? String ?? ""
            } while !cursor.isEmpty && names.count < 5
            #expect(names == ["Téléphone Éco", "Bouilloire"])
            let cheap = try await client.execute(
                uri: "/api/v1/products?\(near)&sort=distance&maxPrice=40000", method: .get)
            #expect(
                (cheap.object["items"] as? [[String: Any]])?.map { $0["name"] as? String } == [
                    "Téléphone Éco", "Bouilloire",
                ], "the phone costs 400 € at the Grenelle store, 499 € at Bastille")
            let dear = try await client.execute(
                uri: "/api/v1/products?\(near)&sort=distance&minPrice=45000", method: .get)
            #expect((dear.object["items"] as? [Any])?.isEmpty == true, "\(dear.text)")
            let words = try await client.execute(uri: "/api/v1/products?\(near)&sort=distance&q=bouill", method: .get)
            #expect((words.object["items"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Bouilloire"])

            // A product's offers each show their partner's nearest store within the radius.
            let phone = try await PriceAlertsAPITests.productID("Téléphone Éco", database)
            let compared = try await client.execute(uri: "/api/v1/products/\(phone)?\(near)", method: .get)
            let lines = compared.object["offers"] as? [[String: Any]] ?? []
            #expect(
                lines.map { ($0["nearestStore"] as? [String: Any])?["name"] as? String } == ["Grenelle", "Bastille"],
                "\(compared.text)")
            let plain = try await client.execute(uri: "/api/v1/products/\(phone)", method: .get)
            #expect((plain.object["offers"] as? [[String: Any]])?.allSatisfy { $0["nearestStore"] == nil } == true)
            expectProblem(
                try await client.execute(uri: "/api/v1/products/\(phone)?near=home", method: .get),
                .unprocessableContent, type: "validation", field: "near")

            // 3 km around Grenelle reaches only the Lyon partner's Paris store (Bastille is 5 km away).
            let grenelle = try await client.execute(
                uri: "/api/v1/products?near=\(Self.grenelle.0),\(Self.grenelle.1)&radiusKm=3&sort=distance",
                method: .get)
            let grenelleItems = grenelle.object["items"] as? [[String: Any]] ?? []
            #expect(grenelleItems.map { $0["name"] as? String } == ["Téléphone Éco", "Bouilloire"], "equals by id")
            #expect((grenelleItems.first?["nearestStore"] as? [String: Any])?["distanceKm"] as? Double == 0)

            let nowhere = try await client.execute(uri: "/api/v1/products?near=43.2965,5.3698", method: .get)
            #expect((nowhere.object["items"] as? [Any])?.isEmpty == true, "no store within 10 km of Marseille")

            // The member's home stands for the point.
            let member = try await registerAndLogIn(client, "alice")
            expectProblem(
                try await client.execute(uri: "/api/v1/products?near=home", method: .get, headers: bearer(member)),
                .unprocessableContent, type: "validation", field: "near")
            _ = try await client.execute(
                uri: "/api/v1/me", method: .patch, headers: bearer(member),
                body: json(["home": ["latitude": Self.bellecour.0, "longitude": Self.bellecour.1]]))
            let home = try await client.execute(
                uri: "/api/v1/products?near=home&sort=distance", method: .get, headers: bearer(member))
            #expect(
                (home.object["items"] as? [[String: Any]])?.map { $0["name"] as? String } == [
                    "Téléphone Éco", "Bouilloire",
                ])

            for (query, field) in [
                ("sort=distance", "near"), ("near=91,2", "near"), ("near=48.8", "near"), ("near=a,b", "near"),
                ("\(near)&radiusKm=500", "radiusKm"), ("\(near)&radiusKm=0", "radiusKm"),
            ] {
                expectProblem(
                    try await client.execute(uri: "/api/v1/products?\(query)", method: .get),
                    .unprocessableContent, type: "validation", field: field)
            }
        }
    }
}

extension NearMeAPITests {
    @Test(arguments: Backend.allCases)
    func nearMePagesAcrossPartnersWithoutDuplicatesOrGaps(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            // Four partners: one 1 km away, two sharing a store spot 3 km away, one 6 km away.
            let centre = (48.8566, 2.3522)
            let spots = [
                ("one", (48.8656, 2.3522)), ("two", (48.8836, 2.3522)), ("three", (48.8836, 2.3522)),
                ("four", (48.9106, 2.3522)),
            ]
            let catalog: [String: [(name: String, gtin: String, stock: Int)]] = [
                "one": [("X", "4006381333931", 2), ("V", "73513537", 0)],
                "two": [("Y", "96385074", 2)],
                "three": [("Y", "96385074", 2), ("Z", "50123452", 2)],
                "four": [("X", "4006381333931", 2), ("V", "73513537", 2), ("W", "12345670", 2)],
            ]
            for (slug, point) in spots {
                let token = try await PartnerOffersAPITests.partnerToken(client, database, slug: slug)
                let offers = catalog[slug]!.map { entry in
                    var offer = PartnerOffersAPITests.offer("\(slug)-\(entry.name)", gtin: entry.gtin, price: 1_000)
                    offer["name"] = entry.name
                    offer["stock"] = entry.stock
                    return offer
                }
                try await publish(client, token, offers, stores: [Self.store(slug, point, city: "Paris")])
            }
            var ids: [String: Int64] = [:]
            for name in ["X", "V", "Y", "Z", "W"] {
                ids[name] = try await PriceAlertsAPITests.productID(name, database)
            }
            // Nearest partner first, then product id: X (1 km); Y, Z (3 km); V, W (6 km; V is out of stock at 1 km).
            let expected = [["X"], ["Y", "Z"], ["V", "W"]].flatMap { $0.sorted { ids[$0]! < ids[$1]! } }
            for limit in [1, 2, 3, 50] {
                var names: [String] = []
                var cursor = ""
                repeat {
                    let page = try await client.execute(
                        uri: "/api/v1/products?near=\(centre.0),\(centre.1)&sort=distance&limit=\(limit)"
                            + (cursor.isEmpty ? "" : "&cursor=\(cursor)"),
                        method: .get)
                    #expect(page.status == .ok, "\(page.text)")
                    names += (page.object["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                    cursor = page.object["nextCursor"] as? String ?? ""
                } while !cursor.isEmpty && names.count < 10
                #expect(names == expected, "pages of \(limit)")
            }
        }
    }
}

@Suite struct PriceAlertsAPITests {
    func setPrice(_ client: some TestClientProtocol, _ token: String, _ price: Int, sku: String = "A") async throws {
        let answer = try await client.execute(
            uri: "/api/v1/partner/offers", method: .put, headers: bearer(token),
            body: json(["offers": [PartnerOffersAPITests.offer(sku, price: price)]]))
        #expect(answer.status == .ok, "\(answer.text)")
    }

    func unread(_ client: some TestClientProtocol, _ token: String) async throws -> (count: Int, texts: [String]) {
        let answer = try await client.execute(uri: "/api/v1/notifications", method: .get, headers: bearer(token))
        #expect(answer.status == .ok, "\(answer.text)")
        let texts = (answer.object["items"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        return (answer.object["unreadCount"] as? Int ?? -1, texts)
    }

    static func productID(_ name: String, _ database: Database) async throws -> Int64 {
        try await database.read {
            try await $0.raw("SELECT id FROM products WHERE name = \(bind: name)").first()!.decode(
                column: "id", as: Int64.self)
        }
    }

    static func productID(_ database: Database) async throws -> Int64 {
        try await database.read {
            try await $0.raw("SELECT id FROM products ORDER BY id").first()!.decode(column: "id", as: Int64.self)
        }
    }

    @Test(arguments: Backend.allCases)
    func anAlertFiresOnceWhenThePriceReachesItsTargetAndAgainOnlyAfterGoingBackUp(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let shop = try await PartnerOffersAPITests.partnerToken(client, database, slug: "shop")
            try await setPrice(client, shop, 50_000)
            let product = try await Self.productID(database)
            let alice = try await registerAndLogIn(client, "alice")
            let set = try await client.execute(
                uri: "/api/v1/products/\(product)/alert", method: .put, headers: bearer(alice),
                body: json(["target": ["amount": 45_000, "currency": "EUR"]]))
            #expect(set.status == .ok, "\(set.text)")
            #expect(set.object["armed"] as? Bool == true)
            #expect((set.object["currentLowest"] as? [String: Any])?["amount"] as? Int == 50_000)
            // Bruno wants to hear of any drop at all.
            let bruno = try await registerAndLogIn(client, "bruno")
            let anyDrop = try await client.execute(
                uri: "/api/v1/products/\(product)/alert", method: .put, headers: bearer(bruno), body: json([:]))
            #expect((anyDrop.object["target"] as? [String: Any])?["amount"] as? Int == 49_999, "\(anyDrop.text)")

            try await setPrice(client, shop, 46_000)
            #expect(try await unread(client, alice).count == 0, "46 € is not yet 45 €")
            #expect(try await unread(client, bruno).count == 1, "any drop fires at once")
            try await setPrice(client, shop, 44_900)
            let fired = try await unread(client, alice)
            #expect(fired.count == 1)
            #expect(fired.texts.first?.contains("449,00") == true, "\(fired.texts)")
            try await setPrice(client, shop, 44_900)
            try await setPrice(client, shop, 44_000)
            #expect(try await unread(client, alice).count == 1, "it fired once: a lower price does not repeat it")
            try await setPrice(client, shop, 45_500)
            try await setPrice(client, shop, 44_500)
            #expect(try await unread(client, alice).count == 2, "back above the target, then below: a new one")
            let events = try await database.read {
                try await $0.raw("SELECT COUNT(*) AS n FROM events WHERE type = 'price_alert.fired'").first()!
                    .decode(column: "n", as: Int.self)
            }
            #expect(events == 3, "each notification has its event")

            let alerts = try await client.execute(uri: "/api/v1/alerts", method: .get, headers: bearer(alice))
            let alert = (alerts.object["items"] as? [[String: Any]])?.first
            #expect(alert?["armed"] as? Bool == false && alert?["firedAt"] is String, "\(alerts.text)")

            let listed = try await client.execute(uri: "/api/v1/notifications", method: .get, headers: bearer(alice))
            let newest = try #require((listed.object["items"] as? [[String: Any]])?.first)
            #expect(newest["link"] as? String == "/products/\(product)")
            let marked = try await client.execute(
                uri: "/api/v1/notifications/read", method: .post, headers: bearer(alice), body: json([:]))
            #expect(marked.object["marked"] as? Int == 2)
            #expect(try await unread(client, alice).count == 0)
            #expect(try await unread(client, bruno).count == 1, "a member marks only their own")

            let removed = try await client.execute(
                uri: "/api/v1/products/\(product)/alert", method: .delete, headers: bearer(alice))
            #expect(removed.status == .noContent)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/products/\(product)/alert", method: .delete, headers: bearer(alice)),
                .notFound, type: "not-found")
        }
    }

    @Test func badAlertsAreRefusedAndChangeNothing() async throws {
        try await withApp { client, database in
            let shop = try await PartnerOffersAPITests.partnerToken(client, database, slug: "shop")
            var soldOut = PartnerOffersAPITests.offer("A")
            soldOut["stock"] = 0
            _ = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(shop), body: json(["offers": [soldOut]]))
            let product = try await Self.productID(database)
            let alice = try await registerAndLogIn(client, "alice")
            let uri = "/api/v1/products/\(product)/alert"
            for (body, field) in [
                (json(["target": ["amount": -5, "currency": "EUR"]]), "target.amount"),
                (json(["target": ["amount": 100, "currency": "euro"]]), "currency"),
                (json(["targetPrice": 100]), "targetPrice"),
                (json([:]), "target"),  // any drop, but nothing in stock to drop from
            ] {
                expectProblem(
                    try await client.execute(uri: uri, method: .put, headers: bearer(alice), body: body),
                    .unprocessableContent, type: "validation", field: field)
            }
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/products/999999/alert", method: .put, headers: bearer(alice), body: json([:])),
                .notFound, type: "not-found")
            expectProblem(
                try await client.execute(uri: "/api/v1/alerts", method: .get), .unauthorized, type: "unauthenticated")
            expectProblem(
                try await client.execute(uri: uri, method: .put, headers: bearer(shop), body: json([:])), .forbidden,
                type: "forbidden")
            #expect(try await count("price_alerts", in: database) == 0)
            expectProblem(
                try await client.execute(uri: "/api/v1/notifications?limit=0", method: .get, headers: bearer(alice)),
                .unprocessableContent, type: "validation", field: "limit")
        }
    }

    @Test(arguments: Backend.allCases)
    func twoPartnersLoweringThePriceAtOnceFireTheAlertOnce(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let first = try await PartnerOffersAPITests.partnerToken(client, database, slug: "first")
            let second = try await PartnerOffersAPITests.partnerToken(client, database, slug: "second")
            try await setPrice(client, first, 50_000)
            try await setPrice(client, second, 50_000)
            let product = try await Self.productID(database)
            let alice = try await registerAndLogIn(client, "alice")
            _ = try await client.execute(
                uri: "/api/v1/products/\(product)/alert", method: .put, headers: bearer(alice),
                body: json(["target": ["amount": 45_000, "currency": "EUR"]]))
            for round in 0..<3 {
                async let one: Void = setPrice(client, first, 40_000 - round)
                async let two: Void = setPrice(client, second, 41_000 - round)
                _ = try await (one, two)
            }
            #expect(try await count("notifications", in: database) == 1)
        }
    }
}

@Suite struct FeedFactsAPITests {
    @Test func aCSVFeedBringsDescriptionsLabelsAndPicturesAndRefusesUnknownCategories() async throws {
        try await withApp { client, database in
            let token = try await PartnerOffersAPITests.partnerToken(client, database, slug: "shop")
            let staff = try await logIn(client, "equipe")
            let member = try await registerAndLogIn(client, "alice")
            let category = ["slug": "cuisine", "nameFR": "Cuisine", "nameEN": "Kitchen"]
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/categories", method: .post, headers: bearer(member), body: json(category)),
                .forbidden, type: "forbidden")
            for (body, field) in [
                (["slug": "Cuisine!", "nameFR": "Cuisine", "nameEN": "Kitchen"], "slug"),
                (["slug": "cuisine", "nameFR": " ", "nameEN": "Kitchen"], "nameFR"),
                (["slug": "cuisine", "parent": "nowhere", "nameFR": "Cuisine", "nameEN": "Kitchen"], "parent"),
            ] {
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/categories", method: .post, headers: bearer(staff), body: json(body)),
                    .unprocessableContent, type: "validation", field: field)
            }
            #expect(try await count("categories", in: database) == 0)
            let created = try await client.execute(
                uri: "/api/v1/categories", method: .post, headers: bearer(staff), body: json(category))
            #expect(created.status == .created, "\(created.text)")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/categories", method: .post, headers: bearer(staff), body: json(category)),
                .conflict, type: "conflict", field: "slug")
            let csv = """
                sku;gtin;name;price;currency;stock;condition;url;category;description;labels;image_urls
                A;4006381333931;Bouilloire;39,90;EUR;4;new;https://shop.example/a;cuisine;Inox brossé, 1,7 litre;FSC|Ecolabel européen;https://img.example/a.jpg
                B;73513537;Grille-pain;29,90;EUR;4;new;https://shop.example/b;jardin;;;
                C;96385074;Cafetière;19,90;EUR;4;new;https://shop.example/c;;;;javascript:alert(1)
                """
            var headers = bearer(token)
            headers[.contentType] = "text/csv"
            let answer = try await client.execute(
                uri: "/api/v1/partner/offers/import", method: .post, headers: headers, body: ByteBuffer(string: csv))
            #expect(answer.status == .ok, "\(answer.text)")
            let errors = answer.object["errors"] as? [[String: Any]] ?? []
            #expect(errors.map { "\($0["line"] ?? "") \($0["field"] ?? "")" } == ["3 category", "4 image_urls"])
            let found = try await client.execute(uri: "/api/v1/products?q=inox", method: .get)
            let id = try #require((found.object["items"] as? [[String: Any]])?.first?["id"] as? Int)
            let product = try await client.execute(uri: "/api/v1/products/\(id)", method: .get)
            #expect(product.object["description"] as? String == "Inox brossé, 1,7 litre")
            #expect(product.object["imageURLs"] as? [String] == ["https://img.example/a.jpg"])
            #expect(
                (product.object["sustainability"] as? [String: Any])?["labels"] as? [String] == [
                    "FSC", "Ecolabel européen",
                ])
            #expect(product.object["category"] as? String == "cuisine")
        }
    }
}

@Suite struct PartnerOfferByIDAPITests {
    @Test(arguments: Backend.allCases)
    func aPartnerChangesItsOwnOfferAndNeverAnothers(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let owner = try await PartnerOffersAPITests.partnerToken(client, database, slug: "owner")
            let rival = try await PartnerOffersAPITests.partnerToken(client, database, slug: "rival")
            _ = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(owner),
                body: json(["offers": [PartnerOffersAPITests.offer("A", price: 10_000)]]))
            let id = try await database.read {
                try await $0.raw("SELECT id FROM offers").first()!.decode(column: "id", as: Int64.self)
            }
            let uri = "/api/v1/partner/offers/\(id)"
            let events = { try await count("events", in: database) }
            let before = try await events()
            expectProblem(
                try await client.execute(uri: uri, method: .get, headers: bearer(rival)), .forbidden, type: "forbidden")
            expectProblem(
                try await client.execute(
                    uri: uri, method: .patch, headers: bearer(rival), body: json(["price": 1, "stock": 0])),
                .forbidden, type: "forbidden")
            for (body, field) in [
                (["price": -1], "price"), (["condition": "broken"], "condition"), (["url": "ftp://x"], "url"),
                (["sku": "B"], "sku"),
            ] as [([String: Any], String)] {
                expectProblem(
                    try await client.execute(uri: uri, method: .patch, headers: bearer(owner), body: json(body)),
                    .unprocessableContent, type: "validation", field: field)
            }
            #expect(try await events() == before, "refused changes write nothing")
            let shown = try await client.execute(uri: uri, method: .get, headers: bearer(owner))
            #expect((shown.object["price"] as? [String: Any])?["amount"] as? Int == 10_000, "\(shown.text)")

            let changed = try await client.execute(
                uri: uri, method: .patch, headers: bearer(owner), body: json(["price": 8_999, "stock": 1]))
            #expect(changed.status == .ok, "\(changed.text)")
            #expect((changed.object["price"] as? [String: Any])?["amount"] as? Int == 8_999)
            #expect(
                changed.object["stock"] as? Int == 1 && changed.object["url"] as? String == "https://shop.example/A")
            #expect(try await count("price_history", in: database) == 2, "the new price is in the history")
            #expect(try await events() == before + 1)
            expectProblem(
                try await client.execute(uri: "/api/v1/partner/offers/999999", method: .get, headers: bearer(owner)),
                .notFound, type: "not-found")
        }
    }
}
