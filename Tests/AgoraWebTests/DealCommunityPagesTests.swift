import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// The deal community's pages, as a browser without JavaScript uses them.
@Suite struct DealCommunityPagesTests {
    static func logIn(_ browser: PagesTests.Browser, _ handle: String) async throws {
        _ = try await browser.get("/login")
        let answer = try await browser.post("/login", ["login": handle, "password": "password-\(handle)"])
        #expect(answer.status == .seeOther)
    }

    @Test func aMemberPostsThroughTheFormStaffApprovesAndOthersCommentLikeAndFollow() async throws {
        try await withApp { client, database in
            try await registerAndLogIn(client, "alice")
            try await registerAndLogIn(client, "bruno")
            _ = try await DealsAPITests.staffToken(client, database)
            let alice = PagesTests.Browser(client)
            try await Self.logIn(alice, "alice")
            #expect(try await alice.get("/deals/new").text.contains("deal-form"))
            let refused = try await alice.post("/deals/new", ["title": "Robo", "price": "49", "merchant": "Darty"])
            #expect(refused.status == .unprocessableContent && refused.text.contains("aria-invalid=\"true\""))
            #expect(try await count("deals", in: database) == 0)
            let posted = try await alice.post(
                "/deals/new",
                [
                    "title": "Robot pâtissier <b>-40 %</b>", "price": "149,90", "shipping": "0",
                    "referencePrice": "249,90", "merchant": "Boutique Lyon", "kind": "deal",
                    "description": "Bol 5 L.\nStock limité.",
                ])
            let location = try #require(posted.headers[.location])
            #expect(location.hasSuffix("notice=dealPending"), "a new member's first deal waits")
            let id = try #require(Int(location.split(separator: "/").last?.split(separator: "?").first ?? ""))
            let pending = try await alice.get(location)
            #expect(pending.text.contains("attend la validation") && pending.text.contains("Robot pâtissier &lt;b&gt;"))
            #expect(try await PagesTests.Browser(client).get("/deals/\(id)").status == .notFound, "hidden from others")

            let staff = PagesTests.Browser(client)
            try await Self.logIn(staff, "moderator")
            let queue = try await staff.get("/moderation")
            #expect(queue.text.contains("moderation-queue") && queue.text.contains("Robot pâtissier"))
            #expect(try await staff.post("/moderation/deals/\(id)", ["decision": "restore"]).status == .seeOther)
            #expect(try await staff.get("/moderation").text.contains("deal.approved"), "the audit log shows it")
            #expect(try await alice.get("/moderation").status == .forbidden)

            let bruno = PagesTests.Browser(client)
            try await Self.logIn(bruno, "bruno")
            let page = try await bruno.get("/deals/\(id)")
            #expect(page.text.contains("og:title") && page.text.contains("twitter:card"))
            #expect(page.text.contains("/deals/\(id)?ref=bruno"), "a share link in the member's name")
            // A refusal comes back through the redirect with the limit it names.
            let tooLong = try await bruno.post("/deals/\(id)/comments", ["body": String(repeating: "a", count: 2001)])
            let back = try #require(tooLong.headers[.location])
            #expect(back == "/deals/\(id)?error=tooLong&errorLimit=2000")
            #expect(try await bruno.get(back).text.contains("Cette valeur dépasse 2000 caractères."))
            #expect(try await bruno.post("/deals/\(id)/comments", ["body": "Merci @alice !"]).status == .seeOther)
            let commented = try await bruno.get("/deals/\(id)")
            #expect(commented.text.contains("Merci @alice !") && commented.text.contains("1 commentaire"))
            let commentID = try await database.read { sql in
                try await sql.raw("SELECT id FROM deal_comments").first()!.decode(column: "id", as: Int64.self)
            }
            _ = try await alice.post("/comments/\(commentID)/like", ["liked": "true"])
            #expect(try await alice.get("/deals/\(id)").text.contains("♥ 1"))
            #expect(try await alice.get("/members/bruno").text.contains(">5<"), "a like earns its author 5 points")
            let aliceHome = try await alice.get("/deals")
            #expect(aliceHome.text.contains("data-testid=\"unread-badge\""))

            _ = try await bruno.post("/follows", ["kind": "keyword", "target": "pâtissier"])
            let follows = try await bruno.get("/follows")
            #expect(follows.text.contains("pâtissier") && follows.text.contains("data-testid=\"follows\""))
            _ = try await bruno.post("/follows/remove", ["kind": "keyword", "target": "patissier"])
            #expect(try await count("follows", in: database) == 0)
            let flagged = try await bruno.post("/deals/\(id)/flag", ["reason": "wrongPrice", "note": "49 € ailleurs"])
            #expect(flagged.headers[.location] == "/deals/\(id)?notice=flagged")
            let again = try await bruno.post("/deals/\(id)/flag", ["reason": "wrongPrice"])
            #expect(again.headers[.location] == "/deals/\(id)?error=flag.already")
        }
    }

    @Test func shareLinksAreAttributedOncePerVisitorAndFeedsAreEscapedAtom() async throws {
        try await withApp { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            try await registerAndLogIn(client, "bruno")
            let id = try await DealsAPITests.publish(
                client, database, alice, DealsAPITests.deal("Théière & tasses <fonte>"))
            let visitor = PagesTests.Browser(client)
            _ = try await visitor.get("/deals/\(id)?ref=bruno")
            _ = try await visitor.get("/deals/\(id)?ref=alice")
            _ = try await PagesTests.Browser(client).get("/deals/\(id)?ref=nobody")
            let clicks = try await DealStore(database: database).shareClicks(DealID(Int64(id)))
            #expect(clicks == ["bruno": 1], "the first link a visitor followed wins; unknown handles count nothing")

            let feed = try await client.execute(uri: "/deals.atom?sort=new&q=THEIERE", method: .get)
            #expect(feed.headers[.contentType] == "application/atom+xml; charset=utf-8")
            #expect(feed.text.contains("<title>Théière &amp; tasses &lt;fonte&gt;</title>"), "\(feed.text)")
            #expect(feed.text.contains("/deals/\(id)"))
            let none = try await client.execute(uri: "/deals.atom?q=cafetiere", method: .get)
            #expect(!none.text.contains("<entry>"))
            #expect(
                try await client.execute(uri: "/deals.atom?sort=worst", method: .get).status == .unprocessableContent)
        }
    }
}
