import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import AgoraWeb

/// The voice of the customer's pages: staff pick a scope, a partner sees its own from its tabs;
/// the same figures in the reader's language, charts, tables with their CSV, the definitions.
@Suite struct VoiceOfCustomerPagesTests {
    static let period = "from=2026-09-07&to=2026-09-20"

    @Test func staffReadTheFiguresInFrenchAndEnglishWithChartsTablesAndDefinitions() async throws {
        let clock = TestClock(VoiceOfCustomerTests.start)
        try await withApp(configure: { $0.clock = clock }) { client, database in
            let world = try await VoiceOfCustomerTests.scenario(client, database, clock)
            let staff = try await CommercePagesTests.signedIn(client, "equipe")
            let uri = "/admin/voice-of-customer?productID=&partnerID=\(world.sellerID)&categoryID=&\(Self.period)"
            let french = try await staff.get(uri)
            #expect(french.status == .ok, "\(french.text)")
            // French puts a no-break space before "%" (narrow in recent CLDR data).
            let page = french.text.replacingOccurrences(of: "\u{202F}", with: "\u{00A0}")
            #expect(page.contains("<h1>Voix du client</h1>") && page.contains("Partenaire « seller »"))
            #expect(page.contains(#"<dd data-testid="voice-reviews">4</dd>"#))
            #expect(page.contains(#"<dd data-testid="voice-rating">3,00</dd>"#), "a French decimal comma")
            #expect(page.contains("<dd data-testid=\"voice-delights\">25\u{00A0}% (1)</dd>"), "\(page)")
            #expect(page.contains(#"<dd data-testid="voice-partner-replies">50\#u{00A0}% (2 sur 4)</dd>"#))
            #expect(page.contains(#"<dd data-testid="voice-partner-median">4,0 h</dd>"#), "the median of 2 and 6 hours")
            #expect(page.contains(#"<dd data-testid="voice-staff-answers">50\#u{00A0}% (1 sur 2)</dd>"#))
            #expect(page.contains(#"<dd data-testid="voice-staff-median">2,0 j</dd>"#))
            #expect(page.contains("<summary>Comment ces chiffres sont-ils calculés ?</summary>"))
            #expect(page.contains("un avis à 1 ou 2 étoiles"), "the definitions are one click away")
            #expect(page.components(separatedBy: #"role="img""#).count - 1 == 4, "rating, sentiment, shares, terms")
            #expect(page.contains("<title>Note moyenne par semaine</title>") && page.contains("<desc>"))
            #expect(page.contains(#"<option value="\#(world.sellerID)" selected>seller</option>"#))
            #expect(
                page.contains("<th scope=\"col\">Soutiens sur la période</th><th scope=\"col\">Soutiens en tout</th>")
                    && page.contains("</span></td><td>2</td><td>2</td></tr>"),
                "the charger idea, supported twice in the period")
            let csv =
                "/api/v1/voice-of-customer?partnerID=\(world.sellerID)&amp;from=2026-09-07&amp;to=2026-09-20"
                + "&amp;format=csv&amp;table="
            for table in ["weeks", "terms", "ideas"] { #expect(page.contains(csv + table), "\(table) exports") }
            let download = try await staff.get(
                (csv + "terms").replacingOccurrences(of: "&amp;", with: "&"))
            #expect(download.status == .ok && download.text.hasPrefix("term,texts\r\necran,2"), "\(download.text)")

            let english = try await staff.get(uri, language: "en")
            #expect(
                english.text.contains("<h1>Voice of the customer</h1>") && english.text.contains("Partner “seller”"))
            #expect(english.text.contains(#"<dd data-testid="voice-rating">3.00</dd>"#))
            #expect(english.text.contains(#"<dd data-testid="voice-delights">25% (1)</dd>"#))
            #expect(english.text.contains(#"<dd data-testid="voice-partner-replies">50% (2 of 4)</dd>"#))
            #expect(english.text.contains(#"<dd data-testid="voice-staff-median">2.0 days</dd>"#))
            #expect(english.text.contains("<summary>How is this computed?</summary>"))
            #expect(english.text.contains("<title>Average rating by week</title>"))

            let site = try await staff.get("/admin/voice-of-customer?\(Self.period)")
            #expect(site.status == .ok && site.text.contains("Tout le site"))
            #expect(site.text.contains(#"<dd data-testid="voice-reviews">5</dd>"#))
            #expect(french.text.contains(#"href="/admin/voice-of-customer""#), "staff reach it from the navigation")
        }
    }

    @Test func whatMembersWroteIsEscapedInTablesAndCharts() async throws {
        let clock = TestClock(VoiceOfCustomerTests.start)
        try await withApp(configure: { $0.clock = clock }) { client, database in
            let world = try await VoiceOfCustomerTests.scenario(client, database, clock)
            let mallory = try await registerAndLogIn(client, "mallory")
            _ = try await ReviewsAPITests.post(
                client, mallory, product: world.product,
                ReviewsAPITests.review(
                    1,
                    [
                        "title": "<script>alert(1)</script>", "boughtFrom": world.sellerID,
                        "body": "Nul : <script>alert(\"écran\")</script> <img src=x onerror=alert(2)>",
                    ]))
            _ = try await VoiceOfCustomerTests.idea(
                client, mallory, "<script>alert(3)</script> une idée", ["productID": world.product])
            let staff = try await CommercePagesTests.signedIn(client, "equipe")
            let page = try await staff.get(
                "/admin/voice-of-customer?productID=\(world.product)&from=2026-09-07&to=2026-09-27")
            #expect(page.status == .ok)
            #expect(!page.text.contains("<script>alert") && !page.text.contains("<img src=x"), "\(page.text)")
            #expect(page.text.contains("&lt;script&gt;alert(3)&lt;/script&gt; une idée"), "the idea's title, escaped")
            #expect(page.text.contains(#"<dd data-testid="voice-reviews">5</dd>"#), "mallory's and frank's count")
            #expect(page.text.contains(">alert</text>") && page.text.contains(">img</text>"), "folded words only")
        }
    }

    @Test func aPartnerSeesItsOwnFiguresFromItsTabsAndNothingElse() async throws {
        let clock = TestClock(VoiceOfCustomerTests.start)
        try await withApp(configure: { $0.clock = clock }) { client, database in
            let world = try await VoiceOfCustomerTests.scenario(client, database, clock)
            let attached = try await client.execute(
                uri: "/api/v1/partners/seller/members", method: .post, headers: bearer(world.staff),
                body: json(["handle": "dave"]))
            #expect(attached.status == .ok, "\(attached.text)")
            let dave = try await CommercePagesTests.signedIn(client, "dave")
            let own = try await dave.get("/partner/voice-of-customer?\(Self.period)")
            #expect(own.status == .ok, "\(own.text)")
            #expect(own.text.contains(#"<a href="/partner/voice-of-customer" aria-current="page">Voix du client</a>"#))
            #expect(own.text.contains("Partenaire « seller »") && own.text.contains(#"data-testid="voice-reviews">4<"#))
            #expect(own.text.contains(#"<option value="\#(world.product)">Téléphone Éco</option>"#))
            let phone = try await dave.get("/partner/voice-of-customer?productID=\(world.product)&\(Self.period)")
            #expect(phone.text.contains("Produit « Téléphone Éco »") && phone.text.contains(#"voice-reviews">3<"#))
            #expect(phone.text.contains(#"<option value="\#(world.product)" selected>"#))
            let kettle = try await dave.get("/partner/voice-of-customer?productID=\(world.otherProduct)")
            #expect(kettle.status == .forbidden && kettle.text.contains("<html"))
            let bad = try await dave.get("/partner/voice-of-customer?from=2026-09-07&to=2026-01-01")
            #expect(
                bad.status == .unprocessableContent && bad.text.contains("La fin de la période doit suivre son début"))
            let statement = try await dave.get("/partner/statement")
            #expect(statement.text.contains(#"href="/partner/voice-of-customer""#), "a tab of the partner area")
            let byToken = try await client.execute(
                uri: "/partner/voice-of-customer?\(Self.period)", method: .get, headers: bearer(world.other))
            #expect(byToken.status == .ok && byToken.text.contains("Partenaire « other »"))

            let alice = try await CommercePagesTests.signedIn(client, "alice")
            #expect(try await alice.get("/partner/voice-of-customer").status == .forbidden)
            #expect(try await alice.get("/admin/voice-of-customer").status == .forbidden)
            #expect(try await dave.get("/admin/voice-of-customer").status == .forbidden)
            let anonymous = try await PagesTests.Browser(client).get("/admin/voice-of-customer")
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/login")
        }
    }
}
