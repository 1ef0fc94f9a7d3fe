import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@testable import AgoraWeb

/// The VISOR dashboard's pages: the API's figures in the reader's language, a partner's own slice,
/// a what-if that writes nothing, and settings forms that audit every change.
@Suite struct BusinessModelPagesTests {
    /// The shop of the API tests, with shop-b selling at a loss and staff signed in as a browser.
    static func world(_ client: any TestClientProtocol, _ database: Database) async throws -> (
        shop: (a: (token: String, id: Int), b: (token: String, id: Int), alice: String, bruno: String),
        staffToken: String, staff: PagesTests.Browser
    ) {
        let shop = try await BusinessModelAPITests.shop(client, database)
        let staffToken = try await DealsAPITests.staffToken(client, database)
        let terms = try await client.execute(
            uri: "/api/v1/business-model/partners/\(shop.b.id)/terms", method: .put, headers: bearer(staffToken),
            body: json(["commissionBps": 500, "costOfGoodsBps": 9_900, "costPerOrder": 500]))
        #expect(terms.status == .ok, "\(terms.text)")
        return (shop, staffToken, try await CommercePagesTests.signedIn(client, "moderator"))
    }

    /// The text of the element marked `data-testid="testID"`, up to the next tag.
    static func figure(_ page: String, _ testID: String) -> String? {
        guard let start = page.range(of: "data-testid=\"\(testID)\">") else { return nil }
        return String(page[start.upperBound...].prefix { $0 != "<" }).trimmingCharacters(in: .whitespaces)
    }

    static func money(_ minorUnits: Any?, _ language: Language) -> String {
        Money(minorUnits: Int64(minorUnits as? Int ?? -999_999), currency: "EUR").formatted(language)
    }

    /// Every partner's terms, the platform settings and the audit log's size, to show that nothing changed.
    static func stored(_ database: Database) async throws -> [String] {
        let rows = try await database.read { sql in
            let terms = try await sql.raw(
                "SELECT id, commission_bps, cost_of_goods_bps, cost_per_order_minor FROM partners ORDER BY id"
            ).all().map { row in
                try ["id", "commission_bps", "cost_of_goods_bps", "cost_per_order_minor"].map {
                    String(try row.decode(column: $0, as: Int.self))
                }.joined(separator: ":")
            }
            let settings = try await sql.raw("SELECT key, value FROM platform_settings ORDER BY key").all().map {
                "\(try $0.decode(column: "key", as: String.self))=\(try $0.decode(column: "value", as: Int.self))"
            }
            return terms + settings
        }
        return rows + ["audit:\(try await count("audit_log", in: database))"]
    }

    @Test(arguments: Backend.allCases)
    func theFivePanelsShowTheAPIsFiguresInEnglishAndFrench(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let (shop, staffToken, staff) = try await Self.world(client, database)
            let api = try await client.execute(uri: "/api/v1/business-model", method: .get, headers: bearer(staffToken))
            let value = try #require(api.object["value"] as? [String: Any])
            let organizing = try #require(api.object["organizing"] as? [String: Any])
            let revenue = try #require(api.object["revenue"] as? [String: Any])
            let partners = try #require(revenue["partners"] as? [[String: Any]])
            let rowB = try #require(partners.first { $0["partnerID"] as? Int == shop.b.id })
            let rowA = try #require(partners.first { $0["partnerID"] as? Int == shop.a.id })

            let english = try await staff.get("/admin/business-model", language: "en")
            #expect(english.status == .ok, "\(english.text)")
            let page = english.text
            let panels = ["value", "interface", "service", "organizing", "revenue"].map {
                page.range(of: "data-testid=\"panel-\($0)\"")?.lowerBound
            }
            #expect(panels.allSatisfy { $0 != nil } && panels.map { $0! } == panels.map { $0! }.sorted(), "VISOR order")
            #expect(Self.figure(page, "value-orders") == "\(value["ordersPlaced"] as? Int ?? -1)")
            #expect(Self.figure(page, "value-saved-reference") == Self.money(value["savedAgainstReference"], .en))
            #expect(Self.figure(page, "value-saved-median") == Self.money(value["savedAgainstMedian"], .en))
            #expect(Self.figure(page, "value-shared") == "\(value["dealsShared"] as? Int ?? -1)")
            #expect(
                Self.figure(page, "value-green")?.hasSuffix(
                    "(\(value["greenOrders"] as? Int ?? -1) of \(value["ordersPlaced"] as? Int ?? -1))") == true)
            #expect(Self.figure(page, "organizing-active") == "\(organizing["activePartners"] as? Int ?? -1)")
            #expect(
                Self.figure(page, "profit-platform")
                    == Self.money((revenue["platform"] as? [String: Any])?["profit"], .en))
            #expect(Self.figure(page, "profit-\(shop.a.id)") == Self.money(rowA["profit"], .en))
            #expect(Self.figure(page, "profit-\(shop.b.id)") == Self.money(rowB["profit"], .en))
            #expect(Self.figure(page, "flag-\(shop.b.id)") == "Not profitable", "shop-b sells at a loss")
            #expect(Self.figure(page, "flag-\(shop.a.id)") == nil && Self.figure(page, "flag-platform") == nil)
            #expect(
                page.contains(#"data-testid="visor-unprofitable""#) && page.contains("href=\"#party-\(shop.b.id)\""))
            #expect(page.components(separatedBy: "<summary>How is this computed?</summary>").count - 1 == 5)
            #expect(page.contains("against the median of the product"), "definitions one click away")
            #expect(page.contains("<title>Profit by party</title>") && page.contains("chart-bar-bad"))
            #expect(page.contains("<title>Median time to acknowledge an order, by partner</title>"))
            #expect(page.contains(#"href="/admin/business-model""#), "staff reach it from the navigation")
            #expect(page.contains("Cost of goods (of net sales)") && page.contains("0% → 99%"), "the change is listed")
            let period = try #require(api.object["period"] as? [String: Any])
            let csv =
                "/api/v1/business-model?from=\(period["from"] as? String ?? "")&amp;to=\(period["to"] as? String ?? "")"
            for table in ["value", "active-days", "requests-days", "operations", "profit-and-loss"] {
                #expect(page.contains(csv + "&amp;format=csv&amp;table=\(table)"), "\(table) exports")
            }
            let download = try await staff.get(
                (csv + "&amp;format=csv&amp;table=profit-and-loss").replacingOccurrences(of: "&amp;", with: "&"))
            #expect(download.status == .ok && download.text.hasPrefix("party,partner_id,partner"), "\(download.text)")

            let french = try await staff.get("/admin/business-model")
            #expect(french.text.contains("<h1>Modèle économique : le tableau de bord VISOR</h1>"))
            #expect(
                Self.figure(french.text, "value-saved-reference") == Self.money(value["savedAgainstReference"], .fr))
            #expect(Self.figure(french.text, "profit-\(shop.b.id)") == Self.money(rowB["profit"], .fr))
            #expect(Self.money(rowB["profit"], .fr).contains(","), "a French decimal comma")
            #expect(Self.figure(french.text, "flag-\(shop.b.id)") == "Non rentable")
            #expect(french.text.contains("<summary>Comment ces chiffres sont-ils calculés ?</summary>"))

            // Days before any traffic or order: the panels say so rather than show zeros as measured.
            let empty = try await staff.get("/admin/business-model?from=2020-01-01&to=2020-01-30", language: "en")
            #expect(Self.figure(empty.text, "interface-no-traffic") == "No traffic recorded in this period yet.")
            #expect(Self.figure(empty.text, "service-no-traffic") == "No traffic recorded in this period yet.")
            #expect(
                Self.figure(empty.text, "platform-requests") == "—" && Self.figure(empty.text, "interface-p95") == "—")
            #expect(Self.figure(empty.text, "revenue-no-orders") == "No order was paid or given back in this period.")
            #expect(!empty.text.contains("<title>Active members by day</title>"), "no line of zeros")

            let slice = try await staff.get("/admin/business-model?partnerID=\(shop.b.id)", language: "en")
            #expect(slice.status == .ok && slice.text.contains(#"data-testid="visor-slice-note""#))
            #expect(!slice.text.contains(#"data-testid="panel-interface""#) && !slice.text.contains("party-platform"))
            #expect(Self.figure(slice.text, "profit-\(shop.b.id)") == Self.money(rowB["profit"], .en))
            #expect(!slice.text.contains("profit-\(shop.a.id)\""))
        }
    }

    @Test func measuredTrafficFillsThePlatformPanelsAndSettingsChangesMarkTheCharts() async throws {
        try await withApp(configure: { $0.trafficFlushInterval = .milliseconds(100) }) { client, database in
            let (_, staffToken, staff) = try await Self.world(client, database)
            try await OrdersAPITests.eventually("traffic recorded") {
                let figures = try await client.execute(
                    uri: "/api/v1/business-model", method: .get, headers: bearer(staffToken))
                return (figures.object["platform"] as? [String: Any])?["requests"] as? Int ?? 0 > 0
            }
            let page = try await staff.get("/admin/business-model", language: "en").text
            #expect(!page.contains(#"data-testid="service-no-traffic""#))
            #expect(Int(Self.figure(page, "platform-requests")?.replacingOccurrences(of: ",", with: "") ?? "") ?? 0 > 0)
            #expect(
                page.contains("<title>Requests by day</title>") && page.contains("<title>Active members by day</title>")
            )
            #expect(page.contains(#"class="chart-marker""#) && page.contains(">settings</text>"), "the change of today")
            #expect(page.contains(#"data-testid="interface-measured-since""#), "traffic began after the period's start")
            #expect(page.contains("<title>Channel mix</title>") && page.contains(">API</text>"))
        }
    }

    @Test func aPartnerSeesItsOwnSliceOnlyAndNamesAreEscaped() async throws {
        try await withApp { client, database in
            let (shop, staffToken, staff) = try await Self.world(client, database)
            try await database.execute(
                "UPDATE partners SET name = '<script>alert(\"b\")</script> B' WHERE id = \(shop.b.id)")
            try await registerAndLogIn(client, "dave")
            let attached = try await client.execute(
                uri: "/api/v1/partners/shop-a/members", method: .post, headers: bearer(staffToken),
                body: json(["handle": "dave"]))
            #expect(attached.status == .ok || attached.status == .created, "\(attached.text)")
            let dave = try await CommercePagesTests.signedIn(client, "dave")
            let api = try await client.execute(
                uri: "/api/v1/business-model", method: .get, headers: bearer(shop.a.token))
            let own = try #require(
                ((api.object["revenue"] as? [String: Any])?["partners"] as? [[String: Any]])?.first)

            for uri in ["/partner/business-model", "/partner/business-model?partnerID=\(shop.b.id)"] {
                let page = try await dave.get(uri, language: "en")
                #expect(page.status == .ok, "\(page.text)")
                #expect(
                    page.text.contains(#"<a href="/partner/business-model" aria-current="page">Business model</a>"#))
                #expect(Self.figure(page.text, "visor-scope")?.hasPrefix("Partner “shop-a”") == true)
                #expect(Self.figure(page.text, "profit-\(shop.a.id)") == Self.money(own["profit"], .en))
                #expect(
                    !page.text.contains("alert(") && !page.text.contains("&lt;script") && !page.text.contains("shop-b"))
                #expect(!page.text.contains("profit-\(shop.b.id)\"") && !page.text.contains("party-platform"))
                #expect(!page.text.contains(#"data-testid="panel-interface""#))
                #expect(!page.text.contains(#"data-testid="panel-service""#))
                #expect(page.text.contains(#"data-testid="panel-organizing""#))
                #expect(!page.text.contains("99%"), "shop-b's terms changed; that is not shop-a's business")
                #expect(!page.text.contains("&amp;partnerID="), "its links name no partner: the API slices them")
            }
            #expect(try await dave.get("/admin/business-model").status == .forbidden)
            #expect(try await dave.get("/admin/business-model/what-if").status == .forbidden)
            #expect(try await dave.get("/admin/business-model/settings").status == .forbidden)
            let alice = try await CommercePagesTests.signedIn(client, "alice")
            #expect(try await alice.get("/partner/business-model").status == .forbidden)
            #expect(try await alice.get("/admin/business-model").status == .forbidden)
            let anonymous = try await PagesTests.Browser(client).get("/admin/business-model")
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/login")

            for uri in [
                "/admin/business-model", "/admin/business-model/what-if", "/admin/business-model/settings",
            ] {
                let page = try await staff.get(uri)
                #expect(page.status == .ok && !page.text.contains("<script>alert"), "\(uri) escapes the name")
                #expect(page.text.contains("&lt;script&gt;alert("), "\(uri) shows the name, escaped")
            }
        }
    }

    @Test func badPeriodsComeBackWithTheirMessage() async throws {
        try await withApp { client, database in
            _ = try await DealsAPITests.staffToken(client, database)
            let staff = try await CommercePagesTests.signedIn(client, "moderator")
            for (query, message) in [
                ("from=2026-02-30", "A date is written YYYY-MM-DD and must exist."),
                ("from=2026-03-01&to=2026-02-01", "The period must end after it starts."),
                ("from=2025-01-01&to=2026-03-01", "A period covers at most 366 days."),
                ("partnerID=x", "This value is not accepted."),
            ] {
                let page = try await staff.get("/admin/business-model?\(query)", language: "en")
                #expect(page.status == .unprocessableContent, "\(query)")
                #expect(page.text.contains(#"<p class="error-summary" role="alert">\#(message)</p>"#), "\(page.text)")
                #expect(page.text.contains(#"aria-invalid="true""#) && !page.text.contains("panel-value"))
            }
            let typed = try await staff.get("/admin/business-model?from=2026-02-30&to=2026-03-05")
            #expect(typed.text.contains(#"value="2026-02-30""#) && typed.text.contains("doit exister"))
            let whatIf = try await staff.get("/admin/business-model/what-if?from=2026-02-30", language: "en")
            #expect(whatIf.status == .unprocessableContent && whatIf.text.contains("must exist"))
        }
    }
}
