import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@Suite struct BusinessModelAPITests {
    /// Two selling partners, two members, and orders at every step: delivered, delivered then
    /// refunded, cancelled, acknowledged only. Answers the partners' tokens and ids.
    static func shop(_ client: any TestClientProtocol, _ database: Database) async throws
        -> (a: (token: String, id: Int), b: (token: String, id: Int), alice: String, bruno: String)
    {
        let (tokenA, _) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop-a")
        let (tokenB, _) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop-b", gtin: "73513537")
        try await database.execute("UPDATE offers SET stock = 50")
        let ids = try await database.read { sql in
            try await sql.raw("SELECT id, slug FROM partners").all().reduce(into: [String: Int]()) {
                $0[try $1.decode(column: "slug", as: String.self)] = try $1.decode(column: "id", as: Int.self)
            }
        }
        let offers = try await database.read { sql in
            try await sql.raw(
                "SELECT offers.id, partners.slug FROM offers JOIN partners ON partners.id = offers.partner_id"
            )
            .all().reduce(into: [String: Int]()) {
                $0[try $1.decode(column: "slug", as: String.self)] = try $1.decode(column: "id", as: Int.self)
            }
        }
        let alice = try await registerAndLogIn(client, "alice")
        let bruno = try await registerAndLogIn(client, "bruno")
        func order(_ member: String, _ partner: String, _ quantity: Int, _ steps: [String]) async throws {
            let placed = try await client.execute(
                uri: "/api/v1/orders", method: .post, headers: bearer(member),
                body: json(["offerID": offers[partner]!, "quantity": quantity]))
            #expect(placed.status == .created, "\(placed.text)")
            let id = try #require(placed.object["id"] as? Int)
            for step in steps {
                let moved =
                    step == "cancel"
                    ? try await client.execute(
                        uri: "/api/v1/orders/\(id)/cancel", method: .post, headers: bearer(member))
                    : try await client.execute(
                        uri: "/api/v1/partner/orders/\(id)/\(step)", method: .post,
                        headers: bearer(partner == "shop-a" ? tokenA : tokenB))
                #expect(moved.status == .ok, "\(step): \(moved.text)")
            }
        }
        let delivered = ["acknowledge", "ship", "deliver"]
        try await order(alice, "shop-a", 1, delivered)
        try await order(bruno, "shop-a", 2, delivered + ["refund"])
        try await order(alice, "shop-b", 1, delivered)
        try await order(bruno, "shop-b", 1, ["cancel"])
        try await order(alice, "shop-a", 1, ["acknowledge"])
        return ((tokenA, ids["shop-a"]!), (tokenB, ids["shop-b"]!), alice, bruno)
    }

    /// A sum over orders, recounted in SQL by the test itself.
    static func sum(_ database: Database, _ expression: String, _ filter: String) async throws -> Int {
        try await database.read { sql in
            try await sql.raw(
                "SELECT CAST(COALESCE(SUM(\(unsafeRaw: expression)), 0) AS BIGINT) AS n FROM orders WHERE \(unsafeRaw: filter)"
            ).first()!.decode(column: "n", as: Int.self)
        }
    }

    @Test(arguments: Backend.allCases)
    func everyFigureMatchesARecountFromTheRawTables(backend: Backend) async throws {
        try await withApp(backend, configure: { $0.trafficFlushInterval = .milliseconds(100) }) { client, database in
            let shop = try await Self.shop(client, database)
            let staff = try await DealsAPITests.staffToken(client, database)
            let terms = try await client.execute(
                uri: "/api/v1/business-model/partners/\(shop.b.id)/terms", method: .put, headers: bearer(staff),
                body: json(["commissionBps": 500, "costOfGoodsBps": 9_900, "costPerOrder": 500]))
            #expect(terms.status == .ok, "\(terms.text)")

            try await OrdersAPITests.eventually("traffic recorded") {
                let figures = try await client.execute(
                    uri: "/api/v1/business-model", method: .get, headers: bearer(staff))
                let interface = figures.object["interface"] as? [String: Any]
                return (interface?["activeInPeriod"] as? Int ?? 0) >= 4
                    && ((interface?["requestsByChannel"] as? [String: Any])?["api"] as? Int ?? 0) > 0
            }
            let figures = try await client.execute(uri: "/api/v1/business-model", method: .get, headers: bearer(staff))
            #expect(figures.status == .ok, "\(figures.text)")
            let revenue = try #require(figures.object["revenue"] as? [String: Any])
            let partners = try #require(revenue["partners"] as? [[String: Any]])
            for partner in [shop.a.id, shop.b.id] {
                let row = try #require(partners.first { $0["partnerID"] as? Int == partner })
                let delivered = "partner_id = \(partner) AND delivered_at IS NOT NULL"
                let refunded = "partner_id = \(partner) AND refunded_at IS NOT NULL"
                let gross = try await Self.sum(database, "gross_minor", delivered)
                let refunds = try await Self.sum(database, "gross_minor", refunded)
                let commission =
                    try await Self.sum(database, "commission_minor", delivered)
                    - Self.sum(database, "commission_minor", refunded)
                #expect(row["grossSales"] as? Int == gross && row["refunds"] as? Int == refunds)
                #expect(row["commission"] as? Int == commission)
                if partner == shop.b.id {
                    let orders = try await Self.sum(database, "1", delivered)
                    let costs = OrderTerms.share(Int64(gross - refunds), bps: 9_900).asInt + 500 * orders
                    #expect(row["profit"] as? Int == gross - refunds - commission - costs)
                    #expect(row["profitable"] as? Bool == false)
                } else {
                    #expect(row["profit"] as? Int == gross - refunds - commission)
                }
            }
            #expect(revenue["unprofitable"] as? [String] == ["\(shop.b.id)"])
            let platform = try #require(revenue["platform"] as? [String: Any])
            let allCommission =
                try await Self.sum(database, "commission_minor", "delivered_at IS NOT NULL")
                - Self.sum(database, "commission_minor", "refunded_at IS NOT NULL")
            let processing = try await Self.sum(database, "processing_cost_minor", "delivered_at IS NOT NULL")
            #expect(platform["commission"] as? Int == allCommission)
            #expect(platform["processingCosts"] as? Int == processing)
            #expect(platform["profit"] as? Int == allCommission - processing)

            let value = try #require(figures.object["value"] as? [String: Any])
            #expect(value["ordersPlaced"] as? Int == (try await Self.sum(database, "1", "status <> 'cancelled'")))
            #expect(
                value["savedAgainstMedian"] as? Int
                    == (try await Self.sum(
                        database,
                        "CASE WHEN median_offer_minor * quantity > gross_minor THEN median_offer_minor * quantity - gross_minor ELSE 0 END",
                        "status <> 'cancelled'")))
            #expect(value["ordersWithReference"] as? Int == 4)
            let green = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM orders JOIN products ON products.id = orders.product_id
                    WHERE orders.status <> 'cancelled' AND products.environmental_score >= 60
                    """
                ).first()!.decode(column: "n", as: Int.self)
            }
            #expect(value["greenOrders"] as? Int == green)
            let organizing = try #require(figures.object["organizing"] as? [String: Any])
            #expect(organizing["activePartners"] as? Int == 2)
            let operations = try #require(organizing["partners"] as? [[String: Any]])
            #expect(operations.first { $0["partnerID"] as? Int == shop.a.id }?["acknowledged"] as? Int == 3)
            let service = try #require(figures.object["platform"] as? [String: Any])
            #expect(service["requests"] as? Int ?? 0 > 0 && service["reportingInstances"] as? Int == 1)

            // A partner reads its own slice, never another's; members and strangers read nothing.
            let own = try await client.execute(
                uri: "/api/v1/business-model", method: .get, headers: bearer(shop.a.token))
            #expect(own.object["partnerID"] as? Int == shop.a.id && own.object["interface"] == nil)
            let ownRevenue = try #require(own.object["revenue"] as? [String: Any])
            #expect((ownRevenue["partners"] as? [[String: Any]])?.map { $0["partnerID"] as? Int } == [shop.a.id])
            #expect(ownRevenue["platform"] == nil)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/business-model?partnerID=\(shop.b.id)", method: .get, headers: bearer(shop.a.token)),
                .forbidden, type: "forbidden")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/business-model?partnerID=\(shop.b.id)&format=csv&table=profit-and-loss",
                    method: .get, headers: bearer(shop.a.token)),
                .forbidden, type: "forbidden")
            expectProblem(
                try await client.execute(uri: "/api/v1/business-model", method: .get, headers: bearer(shop.alice)),
                .forbidden, type: "forbidden")
            expectProblem(
                try await client.execute(uri: "/api/v1/business-model", method: .get), .unauthorized,
                type: "unauthenticated")
            let slice = try await client.execute(
                uri: "/api/v1/business-model?partnerID=\(shop.b.id)", method: .get, headers: bearer(staff))
            #expect(slice.object["partnerID"] as? Int == shop.b.id)

            for (query, field) in [
                ("from=2026-13-01", "from"), ("from=2026-03-01&to=2026-02-01", "to"),
                ("from=2025-01-01&to=2026-03-01", "to"), ("partnerID=x", "partnerID"),
                ("format=csv&table=secrets", "table"),
            ] {
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/business-model?\(query)", method: .get, headers: bearer(staff)),
                    .unprocessableContent, type: "validation", field: field)
            }
            let csv = try await client.execute(
                uri: "/api/v1/business-model?format=csv&table=profit-and-loss", method: .get, headers: bearer(staff))
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("party,partner_id,partner,revenue_cents") == true)
            #expect(lines.contains { $0.hasPrefix("partner,\(shop.b.id),shop-b,") && $0.hasSuffix(",no") })
        }
    }

    @Test(arguments: Backend.allCases)
    func aWhatIfRecomputesEveryPartyAndChangesNothing(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let shop = try await Self.shop(client, database)
            let staff = try await DealsAPITests.staffToken(client, database)
            let before = try await client.execute(uri: "/api/v1/business-model", method: .get, headers: bearer(staff))
            let audited = try await count("audit_log", in: database)
            let tried = try await client.execute(
                uri: "/api/v1/business-model/what-if", method: .post, headers: bearer(staff),
                body: json([
                    "settings": ["processing_cost_fixed": 0, "processing_cost_bps": 0, "fixed_costs_per_month": 3_000],
                    "partners": [
                        ["partnerID": shop.a.id, "commissionBps": 1_500, "costOfGoodsBps": 0, "costPerOrder": 0]
                    ],
                ]))
            #expect(tried.status == .ok, "\(tried.text)")
            let whatIf = try #require(tried.object["whatIf"] as? [String: Any])
            let platform = try #require(whatIf["platform"] as? [String: Any])
            #expect(platform["processingCosts"] as? Int == 0)
            #expect(platform["fixedCosts"] as? Int == 3_000)
            let rowA = try #require(
                (whatIf["partners"] as? [[String: Any]])?.first { $0["partnerID"] as? Int == shop.a.id })
            let delivered = try await database.read { sql in
                try await sql.raw(
                    "SELECT gross_minor, refunded_at FROM orders WHERE partner_id = \(bind: shop.a.id) AND delivered_at IS NOT NULL"
                ).all().map { row in
                    (
                        gross: try row.decode(column: "gross_minor", as: Int64.self),
                        refunded: try row.decode(column: "refunded_at", as: Int64?.self) != nil
                    )
                }
            }
            let expected = delivered.reduce(Int64(0)) { total, order in
                total + (order.refunded ? 0 : OrderTerms.share(order.gross, bps: 1_500))
            }
            #expect(rowA["commission"] as? Int == expected.asInt)
            // The actual side is the dashboard's, and nothing was written.
            #expect(
                NSDictionary(dictionary: tried.object["actual"] as? [String: Any] ?? [:])
                    == NSDictionary(dictionary: before.object["revenue"] as? [String: Any] ?? [:]))
            #expect(try await count("audit_log", in: database) == audited)
            #expect(try await count("platform_settings", in: database) == 0)
            let after = try await client.execute(uri: "/api/v1/business-model", method: .get, headers: bearer(staff))
            #expect(
                NSDictionary(dictionary: after.object["revenue"] as? [String: Any] ?? [:])
                    == NSDictionary(dictionary: before.object["revenue"] as? [String: Any] ?? [:]))

            for (body, field) in [
                (["settings": ["reward_share_bps": 10_001]] as [String: Any], "settings.reward_share_bps"),
                (["settings": ["bonus": 1]], "bonus"),
                (
                    [
                        "partners": [
                            ["partnerID": shop.a.id, "commissionBps": -1, "costOfGoodsBps": 0, "costPerOrder": 0]
                        ]
                    ],
                    "partners.commissionBps"
                ),
                (["from": "2026-02-30"], "from"), (["extra": true], "extra"),
            ] {
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/business-model/what-if", method: .post, headers: bearer(staff), body: json(body)),
                    .unprocessableContent, type: "validation", field: field)
            }
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/business-model/what-if", method: .post, headers: bearer(shop.a.token),
                    body: json([:])),
                .forbidden, type: "forbidden")
        }
    }

    @Test(arguments: Backend.allCases)
    func settingsChangesAreAuditedAndApplyToNewOrdersOnly(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let shop = try await Self.shop(client, database)
            let staff = try await DealsAPITests.staffToken(client, database)
            let rewards = try await Self.sum(database, "processing_cost_minor", "1 = 1")
            for (body, field) in [
                (["processing_cost_bps": 2_001] as [String: Any], "processing_cost_bps"),
                (["return_window_days": 3], "return_window_days"), (["nope": 1], "nope"), ([:], "settings"),
            ] {
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/business-model/settings", method: .put, headers: bearer(staff), body: json(body)),
                    .unprocessableContent, type: "validation", field: field)
            }
            for token in [shop.a.token, shop.alice] {
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/business-model/settings", method: .put, headers: bearer(token),
                        body: json(["processing_cost_bps": 300])),
                    .forbidden, type: "forbidden")
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/business-model/partners/\(shop.a.id)/terms", method: .put, headers: bearer(token),
                        body: json(["commissionBps": 0, "costOfGoodsBps": 0, "costPerOrder": 0])),
                    .forbidden, type: "forbidden")
            }
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/business-model/partners/\(shop.a.id)/terms", method: .put, headers: bearer(staff),
                    body: json(["commissionBps": 6_000, "costOfGoodsBps": 0, "costPerOrder": 0])),
                .unprocessableContent, type: "validation", field: "commissionBps")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/business-model/partners/999/terms", method: .put, headers: bearer(staff),
                    body: json(["commissionBps": 100, "costOfGoodsBps": 0, "costPerOrder": 0])),
                .notFound, type: "not-found")
            #expect(try await count("platform_settings", in: database) == 0)
            #expect(try await Self.sum(database, "processing_cost_minor", "1 = 1") == rewards)

            let changed = try await client.execute(
                uri: "/api/v1/business-model/settings", method: .put, headers: bearer(staff),
                body: json(["processing_cost_bps": 300, "processing_cost_fixed": 0]))
            #expect(changed.status == .ok, "\(changed.text)")
            #expect((changed.object["settings"] as? [String: Any])?["processing_cost_bps"] as? Int == 300)
            let changes = try #require(changed.object["changes"] as? [[String: Any]])
            #expect(
                Set(changes.compactMap { $0["key"] as? String }) == ["processing_cost_bps", "processing_cost_fixed"])
            #expect(changes.allSatisfy { $0["by"] as? String == "moderator" })
            let audit = try await database.read { sql in
                try await sql.raw(
                    "SELECT note FROM audit_log WHERE action = 'business-model.processing_cost_bps'"
                ).all().map { try $0.decode(column: "note", as: String.self) }
            }
            #expect(audit == ["120 → 300"])
            // Old orders keep their amounts; a new one follows the new settings.
            #expect(try await Self.sum(database, "processing_cost_minor", "1 = 1") == rewards)
            let offer = try await OrdersAPITests.offerID(database)
            let placed = try await client.execute(
                uri: "/api/v1/orders", method: .post, headers: bearer(shop.bruno),
                body: json(["offerID": offer, "quantity": 1]))
            let id = try #require(placed.object["id"] as? Int)
            let stored = try await database.read { sql in
                try await sql.raw("SELECT gross_minor, processing_cost_minor FROM orders WHERE id = \(bind: id)")
                    .first()!
            }
            #expect(
                try stored.decode(column: "processing_cost_minor", as: Int64.self)
                    == OrderTerms.share(try stored.decode(column: "gross_minor", as: Int64.self), bps: 300))
        }
    }
}
