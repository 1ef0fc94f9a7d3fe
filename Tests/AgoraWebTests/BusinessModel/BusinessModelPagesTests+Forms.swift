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

/// The what-if and the settings forms, as a browser posts them.
extension BusinessModelPagesTests {
    /// The fields of a page's form (`<input name= value=>`), as the browser would send them back.
    static func fields(_ page: String, form id: String) -> [String: String] {
        guard let start = page.range(of: "id=\"\(id)\"") else { return [:] }
        let form = page[start.upperBound...]
        let body = form[..<(form.range(of: "</form>")?.lowerBound ?? form.endIndex)]
        var fields: [String: String] = [:]
        for match in body.matches(of: #/<input[^>]*? name="([^"]+)"[^>]*? value="([^"]*)"/#) {
            fields[String(match.1)] = String(match.2)
        }
        fields["_csrf"] = nil
        return fields
    }

    /// A page with the no-break spaces French puts in numbers ("20 %", "1 234,00 €") as plain spaces.
    static func plain(_ page: String) -> String {
        page.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    @Test(arguments: Backend.allCases)
    func theWhatIfShowsTheRecomputedFiguresAndChangesNothing(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let (shop, staffToken, staff) = try await Self.world(client, database)
            let form = try await staff.get("/admin/business-model/what-if", language: "en")
            #expect(form.status == .ok, "\(form.text)")
            var fields = Self.fields(form.text, form: "what-if-form")
            #expect(fields["reward_share_bps"] == "20" && fields["processing_cost_bps"] == "1.2", "\(fields)")
            #expect(
                fields["p\(shop.b.id).cost_of_goods_bps"] == "99" && fields["p\(shop.b.id).cost_per_order"] == "5.00")
            #expect(fields["from"]?.count == 10 && fields["to"]?.count == 10)
            let termsA = try #require(
                try await BusinessModelStore(database: database).partnerTerms().first {
                    $0.partner.rawValue == shop.a.id
                })
            let before = try await Self.stored(database)

            fields["processing_cost_fixed"] = "0"
            fields["processing_cost_bps"] = "0 %"
            fields["fixed_costs_per_month"] = "30"
            fields["p\(shop.a.id).commission_bps"] = "15"
            let tried = try await staff.post("/admin/business-model/what-if", fields)
            #expect(tried.status == .ok, "\(tried.text)")
            let api = try await client.execute(
                uri: "/api/v1/business-model/what-if", method: .post, headers: bearer(staffToken),
                body: json([
                    "from": fields["from"]!, "to": fields["to"]!,
                    "settings": ["processing_cost_fixed": 0, "processing_cost_bps": 0, "fixed_costs_per_month": 3_000],
                    "partners": [
                        [
                            "partnerID": shop.a.id, "commissionBps": 1_500,
                            "costOfGoodsBps": termsA.terms.costOfGoodsBps,
                            "costPerOrder": termsA.terms.costPerOrder,
                        ]
                    ],
                ]))
            let whatIf = try #require(api.object["whatIf"] as? [String: Any], "\(api.text)")
            let actual = try #require(api.object["actual"] as? [String: Any])
            func profit(_ revenue: [String: Any], _ party: Int?) -> Any? {
                guard let party else { return (revenue["platform"] as? [String: Any])?["profit"] }
                return (revenue["partners"] as? [[String: Any]])?.first { $0["partnerID"] as? Int == party }?["profit"]
            }
            // The browser sends no language: the answer is in French, money as the French write it.
            let page = tried.text
            #expect(page.contains(#"data-testid="what-if-result""#))
            #expect(Self.figure(page, "actual-profit-platform") == Self.money(profit(actual, nil), .fr))
            #expect(Self.figure(page, "what-if-profit-platform") == Self.money(profit(whatIf, nil), .fr))
            #expect(Self.figure(page, "actual-profit-\(shop.a.id)") == Self.money(profit(actual, shop.a.id), .fr))
            #expect(Self.figure(page, "what-if-profit-\(shop.a.id)") == Self.money(profit(whatIf, shop.a.id), .fr))
            #expect(
                profit(whatIf, shop.a.id) as? Int != profit(actual, shop.a.id) as? Int, "a 15 % commission costs more")
            #expect(Self.plain(page).contains("<td>−30,00 €</td>"), "the tried fixed costs, for the 30 days")
            #expect(page.contains(#"data-testid="actual-flag-\#(shop.b.id)""#), "shop-b loses money either way")
            #expect(page.contains(#"name="p\#(shop.a.id).commission_bps" value="15""#), "the form keeps what was tried")
            #expect(try await Self.stored(database) == before, "a what-if writes nothing")

            for (field, typed, message) in [
                ("reward_share_bps", "101", "Choisissez une valeur de 0 % à 100 %."),
                ("p\(shop.a.id).commission_bps", "51", "Choisissez une valeur de 0 % à 50 %."),
                ("p\(shop.a.id).commission_bps", "abc", "Écrivez un pourcentage comme 8,5 (deux décimales au plus)."),
                ("fixed_costs_per_month", "-3", "Un montant s&#39;écrit comme 12,50 (deux décimales au plus)."),
                ("from", "2026-02-30", "Une date s&#39;écrit AAAA-MM-JJ et doit exister."),
            ] {
                var bad = fields
                bad[field] = typed
                let refused = try await staff.post("/admin/business-model/what-if", bad)
                #expect(refused.status == .unprocessableContent, "\(field) \(typed)")
                #expect(Self.plain(refused.text).contains(#"<p class="error-summary" role="alert">\#(message)</p>"#))
                #expect(refused.text.contains(#"value="\#(typed)""#) && !refused.text.contains("what-if-result"))
            }
            #expect(try await Self.stored(database) == before)
            let alice = try await CommercePagesTests.signedIn(client, "alice")
            #expect(try await alice.post("/admin/business-model/what-if", fields).status == .forbidden)
        }
    }

    @Test(arguments: Backend.allCases)
    func settingsFormsChangeValuesWithAnAuditEntryAndRefuseOutOfRange(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let (shop, _, staff) = try await Self.world(client, database)
            let page = try await staff.get("/admin/business-model/settings", language: "en")
            #expect(page.status == .ok, "\(page.text)")
            #expect(page.text.contains("A change applies to orders placed from then on"))
            #expect(page.text.contains("@moderator") && page.text.contains("0% → 99%"), "the last 90 days of changes")
            let platform = Self.fields(page.text, form: "platform-settings-form")
            #expect(platform.count == PlatformSettings.Key.allCases.count, "\(platform)")
            let terms = Self.fields(page.text, form: "terms-\(shop.a.id)")
            #expect(Set(terms.keys) == ["commission_bps", "cost_of_goods_bps", "cost_per_order"], "\(terms)")
            let before = try await Self.stored(database)

            for (field, typed, message) in [
                ("processing_cost_bps", "25", "Choisissez une valeur de 0 % à 20 %."),
                ("acknowledgement_target_hours", "a day", "Écrivez un nombre entier."),
                ("return_window_days", "7", "Choisissez une valeur de 14 jours à 365 jours."),
            ] {
                var bad = platform
                bad["reward_share_bps"] = "25"
                bad[field] = typed
                let refused = try await staff.post("/admin/business-model/settings", bad)
                #expect(refused.status == .unprocessableContent, "\(field)")
                #expect(Self.plain(refused.text).contains(#"<p class="error-summary" role="alert">\#(message)</p>"#))
                #expect(refused.text.contains(#"value="\#(typed)""#) && refused.text.contains(#"aria-invalid="true""#))
            }
            var badTerms = terms
            badTerms["commission_bps"] = "60"
            let refused = try await staff.post("/admin/business-model/partners/\(shop.a.id)/terms", badTerms)
            #expect(refused.status == .unprocessableContent)
            #expect(Self.plain(refused.text).contains("Choisissez une valeur de 0 % à 50 %."))
            #expect(refused.text.contains(#"value="60""#))
            #expect(try await staff.post("/admin/business-model/partners/999/terms", terms).status == .notFound)
            #expect(try await staff.post("/admin/business-model/settings", platform, csrf: false).status == .forbidden)
            let alice = try await CommercePagesTests.signedIn(client, "alice")
            #expect(try await alice.get("/admin/business-model/settings").status == .forbidden)
            #expect(try await alice.post("/admin/business-model/settings", platform).status == .forbidden)
            #expect(
                try await alice.post("/admin/business-model/partners/\(shop.a.id)/terms", terms).status == .forbidden)
            #expect(try await Self.stored(database) == before, "nothing refused was written")

            var changed = platform
            changed["reward_share_bps"] = "25"
            let saved = try await staff.post("/admin/business-model/settings", changed)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/admin/business-model/settings?saved=platform#platform-settings")
            let audit = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT audit_log.note, members.handle FROM audit_log JOIN members ON members.id = audit_log.actor_id
                    WHERE audit_log.action LIKE 'business-model.%' ORDER BY audit_log.id
                    """
                ).all().map {
                    "\(try $0.decode(column: "handle", as: String.self)) \(try $0.decode(column: "note", as: String.self))"
                }
            }
            #expect(audit.last == "moderator 2000 → 2500", "one entry, for the one value that changed: \(audit)")
            #expect(try await count("audit_log", in: database) == (Int(before.last!.dropFirst(6)) ?? 0) + 1)
            let after = try await staff.get("/admin/business-model/settings?saved=platform", language: "en")
            #expect(Self.figure(after.text, "flash") == "Settings saved. They apply to orders placed from now on.")
            #expect(after.text.contains("20% → 25%") && after.text.contains(#"name="reward_share_bps" value="25""#))

            let termsSaved = try await staff.post(
                "/admin/business-model/partners/\(shop.a.id)/terms",
                ["commission_bps": "12,5", "cost_of_goods_bps": "40", "cost_per_order": "2,50"])
            #expect(
                termsSaved.headers[.location] == "/admin/business-model/settings?saved=\(shop.a.id)#terms-\(shop.a.id)")
            let entry = try #require(
                try await BusinessModelStore(database: database).partnerTerms().first {
                    $0.partner.rawValue == shop.a.id
                })
            #expect(entry.terms == PartnerTerms(commissionBps: 1_250, costOfGoodsBps: 4_000, costPerOrder: 250))
            let flash = try await staff.get("/admin/business-model/settings?saved=\(shop.a.id)", language: "en")
            #expect(
                Self.figure(flash.text, "flash") == "Terms of shop-a saved. They apply to orders placed from now on.")
            #expect(flash.text.contains("12.5%") && flash.text.contains("€2.50"), "the changes, in the reader's units")
        }
    }
}
