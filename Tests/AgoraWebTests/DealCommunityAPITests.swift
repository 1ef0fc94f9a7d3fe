import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

/// The deal community through the API, on both databases: lists, edits, comments, follows,
/// moderation and reputation.
@Suite struct DealCommunityAPITests {
    static func titles(_ response: TestResponse) -> [String] {
        (response.object["items"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
    }

    /// Every title of a list, page by page with `limit`, following the cursors.
    static func allTitles(_ client: any TestClientProtocol, _ query: String, limit: Int, token: String? = nil)
        async throws -> [String]
    {
        var titles: [String] = []
        var cursor = ""
        repeat {
            let page = try await client.execute(
                uri: "/api/v1/deals?\(query)&limit=\(limit)" + (cursor.isEmpty ? "" : "&cursor=\(cursor)"),
                method: .get, headers: token.map(bearer) ?? [:])
            #expect(page.status == .ok, "\(page.text)")
            titles += Self.titles(page)
            cursor = page.object["nextCursor"] as? String ?? ""
        } while !cursor.isEmpty && titles.count < 100
        return titles
    }

    static func category(_ client: any TestClientProtocol, _ database: Database, _ slug: String, parent: String? = nil)
        async throws
    {
        var body: [String: Any] = ["slug": slug, "nameFR": slug, "nameEN": slug]
        if let parent { body["parent"] = parent }
        let created = try await client.execute(
            uri: "/api/v1/categories", method: .post,
            headers: bearer(try await DealsAPITests.staffToken(client, database)), body: json(body))
        #expect(created.status == .created, "\(created.text)")
    }

    @Test(arguments: Backend.allCases)
    func everyViewOrdersAsItSaysAndPagesWithoutGapsOrRepeats(backend: Backend) async throws {
        let clock = TestClock()
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            try await Self.category(client, database, "mobilite")
            try await Self.category(client, database, "velos", parent: "mobilite")
            _ = try await PartnerOffersAPITests.partnerToken(client, database, slug: "cyclo")
            let alice = try await registerAndLogIn(client, "alice")
            let voters = [
                try await registerAndLogIn(client, "bruno"), try await registerAndLogIn(client, "chloe"),
            ]
            // Posted an hour apart: old, middle, recent; the old one ends soonest, the recent has no end.
            var ids: [String: Int] = [:]
            for (title, extra) in [
                (
                    "Vieux vélo cargo",
                    ["category": "velos", "partner": "cyclo", "merchant": NSNull(), "endsAt": "2026-05-29T12:00:00Z"]
                ),
                ("Casque moyen", ["category": "mobilite", "endsAt": "2026-06-10T00:00:00Z"]),
                ("Gourde récente", [:] as [String: Any]),
            ] as [(String, [String: Any])] {
                ids[title] = try await DealsAPITests.publish(client, database, alice, DealsAPITests.deal(title, extra))
                clock.advance(by: 3600)
            }
            for voter in voters {
                _ = try await client.execute(
                    uri: "/api/v1/deals/\(ids["Casque moyen"]!)/vote", method: .put, headers: bearer(voter),
                    body: json(["direction": "hot"]))
            }
            _ = try await client.execute(
                uri: "/api/v1/deals/\(ids["Vieux vélo cargo"]!)/comments", method: .post, headers: bearer(voters[0]),
                body: json(["body": "Je l'ai, il est top."]))

            for limit in [1, 2, 50] {
                #expect(
                    try await Self.allTitles(client, "sort=top&period=day", limit: limit) == [
                        "Casque moyen", "Gourde récente", "Vieux vélo cargo",
                    ], "warmest first, the rest newest first at equal temperature")
                #expect(
                    try await Self.allTitles(client, "sort=expiring", limit: limit) == [
                        "Vieux vélo cargo", "Casque moyen",
                    ])
                #expect(
                    try await Self.allTitles(client, "sort=discussed&period=week", limit: limit).first
                        == "Vieux vélo cargo")
                #expect(
                    try await Self.allTitles(client, "sort=new&category=mobilite", limit: limit) == [
                        "Casque moyen", "Vieux vélo cargo",
                    ], "a category includes its sub-categories")
            }
            #expect(try await Self.allTitles(client, "sort=hot&partner=cyclo", limit: 5) == ["Vieux vélo cargo"])
            #expect(try await Self.allTitles(client, "sort=new&q=VELO", limit: 5) == ["Vieux vélo cargo"])
            clock.advance(by: 2 * 86_400)
            #expect(
                try await Self.allTitles(client, "sort=top&period=day", limit: 5).isEmpty,
                "nothing was posted in the last day")
            #expect(
                try await Self.allTitles(client, "sort=expiring", limit: 5) == ["Casque moyen"], "ended deals leave")
            expectProblem(
                try await client.execute(uri: "/api/v1/deals?forMe=true", method: .get), .unauthorized,
                type: "unauthenticated")
        }
    }

    @Test(arguments: Backend.allCases)
    func forMeKeepsWhatTheMemberFollowsAndRanksGreenerProductsByTheirSetting(backend: Backend) async throws {
        let clock = TestClock()
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let partner = try await PartnerOffersAPITests.partnerToken(client, database, slug: "shop")
            var green = PartnerOffersAPITests.offer("G1", gtin: "4006381333931")
            green["name"] = "Lampe solaire"
            green["environmentalScore"] = 95
            var grey = PartnerOffersAPITests.offer("G2", gtin: "73513537")
            grey["name"] = "Lampe halogène"
            grey["environmentalScore"] = 5
            let feed = try await client.execute(
                uri: "/api/v1/partner/offers", method: .put, headers: bearer(partner),
                body: json(["offers": [green, grey]]))
            #expect(feed.status == .ok, "\(feed.text)")
            let greenID = try await CatalogPagesTests.productID("Lampe solaire", database)
            let greyID = try await CatalogPagesTests.productID("Lampe halogène", database)
            let alice = try await registerAndLogIn(client, "alice")
            let dora = try await registerAndLogIn(client, "dora")
            try await DealsAPITests.publish(
                client, database, alice, DealsAPITests.deal("Lampe solaire en promo", ["productID": greenID]))
            clock.advance(by: 2 * 3600)
            try await DealsAPITests.publish(
                client, database, alice, DealsAPITests.deal("Lampe halogène bradée", ["productID": greyID]))
            try await DealsAPITests.publish(client, database, alice, DealsAPITests.deal("Bouilloire sans rapport"))

            #expect(
                try await Self.allTitles(client, "forMe=true", limit: 5, token: dora).isEmpty, "follows nothing yet")
            let follow = try await client.execute(
                uri: "/api/v1/follows", method: .post, headers: bearer(dora),
                body: json(["kind": "keyword", "target": "LAMPE"]))
            #expect(follow.status == .created, "\(follow.text)")
            _ = try await client.execute(
                uri: "/api/v1/me", method: .patch, headers: bearer(dora), body: json(["sustainabilityWeight": 0]))
            #expect(
                try await Self.allTitles(client, "forMe=true", limit: 1, token: dora) == [
                    "Lampe halogène bradée", "Lampe solaire en promo",
                ], "at 0, the hot order: newest first")
            _ = try await client.execute(
                uri: "/api/v1/me", method: .patch, headers: bearer(dora), body: json(["sustainabilityWeight": 100]))
            #expect(
                try await Self.allTitles(client, "forMe=true", limit: 1, token: dora) == [
                    "Lampe solaire en promo", "Lampe halogène bradée",
                ], "at 100, the A+ product passes the F one posted two hours later")
        }
    }

    @Test(arguments: Backend.allCases)
    func authorsEditAndBumpTheirDealsAndNobodyElseDoes(backend: Backend) async throws {
        let clock = TestClock()
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let bruno = try await registerAndLogIn(client, "bruno")
            let first = try await DealsAPITests.publish(client, database, alice, DealsAPITests.deal("Premier bon plan"))
            clock.advance(by: 3600)
            try await DealsAPITests.publish(client, database, alice, DealsAPITests.deal("Second bon plan"))
            #expect(try await Self.allTitles(client, "sort=hot", limit: 5) == ["Second bon plan", "Premier bon plan"])

            let edit = DealsAPITests.deal("Premier bon plan, prix corrigé", ["price": 29_900, "bump": true])
            let tooSoon = try await client.execute(
                uri: "/api/v1/deals/\(first)", method: .put, headers: bearer(alice), body: edit)
            expectProblem(tooSoon, .unprocessableContent, type: "validation", field: "bump")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/deals/\(first)", method: .put, headers: bearer(bruno), body: edit),
                .forbidden, type: "forbidden")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/deals/\(first)", method: .put, headers: bearer(alice),
                    body: DealsAPITests.deal("Cour", ["price": 1])),
                .unprocessableContent, type: "validation", field: "title")
            let unchanged = try await client.execute(uri: "/api/v1/deals/\(first)", method: .get)
            #expect(unchanged.object["title"] as? String == "Premier bon plan", "refused edits change nothing")

            // bruno has one approved deal: his edit goes back to staff before anyone sees it.
            let brunos = try await DealsAPITests.publish(client, database, bruno, DealsAPITests.deal("Deal de bruno"))
            let rewritten = try await client.execute(
                uri: "/api/v1/deals/\(brunos)", method: .put, headers: bearer(bruno),
                body: DealsAPITests.deal("Tout autre chose", ["url": "https://elsewhere.example/x"]))
            #expect(rewritten.object["status"] as? String == "pending", "\(rewritten.text)")
            expectProblem(
                try await client.execute(uri: "/api/v1/deals/\(brunos)", method: .get), .notFound, type: "not-found")

            clock.advance(by: 24 * 3600)
            let bumped = try await client.execute(
                uri: "/api/v1/deals/\(first)", method: .put, headers: bearer(alice), body: edit)
            #expect(bumped.status == .ok, "\(bumped.text)")
            #expect(bumped.object["title"] as? String == "Premier bon plan, prix corrigé")
            #expect((bumped.object["price"] as? [String: Any])?["amount"] as? Int == 29_900, "\(bumped.text)")
            #expect(
                try await Self.allTitles(client, "sort=hot", limit: 5) == [
                    "Premier bon plan, prix corrigé", "Second bon plan",
                ],
                "the bump ranks it from now")
        }
    }

    @Test(arguments: Backend.allCases)
    func commentsRepliesMentionsAndLikesCountOnceUnderConcurrency(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let bruno = try await registerAndLogIn(client, "bruno")
            let chloe = try await registerAndLogIn(client, "chloe")
            let id = try await DealsAPITests.publish(client, database, alice, DealsAPITests.deal("Aspirateur sans sac"))
            let comments = "/api/v1/deals/\(id)/comments"
            let top = try await client.execute(
                uri: comments, method: .post, headers: bearer(bruno), body: json(["body": "Bon prix, merci @chloe !"]))
            #expect(top.status == .created, "\(top.text)")
            let topID = try #require(top.object["id"] as? Int)
            let reply = try await client.execute(
                uri: comments, method: .post, headers: bearer(chloe), body: json(["body": "Oui", "parentID": topID]))
            let replyID = try #require(reply.object["id"] as? Int)
            let nested = try await client.execute(
                uri: comments, method: .post, headers: bearer(alice),
                body: json(["body": "Merci", "parentID": replyID]))
            #expect(nested.object["parentID"] as? Int == topID, "a reply to a reply answers the top comment")

            let notes = try await client.execute(uri: "/api/v1/notifications", method: .get, headers: bearer(chloe))
            let texts = (notes.object["items"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(texts.contains { $0.contains("@bruno") && $0.contains("mentionné") }, "\(notes.text)")
            let aliceNotes = try await client.execute(
                uri: "/api/v1/notifications", method: .get, headers: bearer(alice))
            #expect(
                aliceNotes.object["unreadCount"] as? Int == 3,
                "the deal's author hears of its approval, and of bruno's and chloe's comments")

            let like = "/api/v1/comments/\(topID)/like"
            async let one = client.execute(uri: like, method: .put, headers: bearer(chloe))
            async let two = client.execute(uri: like, method: .put, headers: bearer(chloe))
            let likes = try await [one, two]
            #expect(likes.allSatisfy { $0.status == .ok }, "\(likes.map(\.text))")
            #expect(try await count("comment_likes", in: database) == 1)
            let profile = try await client.execute(uri: "/api/v1/members/bruno", method: .get)
            #expect(profile.object["reputation"] as? Int == Reputation.pointsPerCommentLike, "\(profile.text)")
            expectProblem(
                try await client.execute(uri: like, method: .put, headers: bearer(bruno)), .unprocessableContent,
                type: "validation", field: "comment")
            let unliked = try await client.execute(uri: like, method: .delete, headers: bearer(chloe))
            #expect(unliked.object["likes"] as? Int == 0)
            #expect(
                try await client.execute(uri: "/api/v1/members/bruno", method: .get).object["reputation"] as? Int == 0)

            let before = try await count("deal_comments", in: database)
            for (body, field) in [
                (json(["body": "   "]), "body"), (json(["body": String(repeating: "x", count: 2001)]), "body"),
                (json(["body": "ok", "parentID": 999_999]), "parentID"), (json(["body": "ok", "extra": 1]), "extra"),
            ] {
                expectProblem(
                    try await client.execute(uri: comments, method: .post, headers: bearer(bruno), body: body),
                    .unprocessableContent, type: "validation", field: field)
            }
            #expect(try await count("deal_comments", in: database) == before)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/comments/\(topID)", method: .patch, headers: bearer(chloe),
                    body: json(["body": "pirate"])),
                .forbidden, type: "forbidden")
            expectProblem(
                try await client.execute(uri: "/api/v1/comments/\(topID)", method: .delete, headers: bearer(alice)),
                .forbidden, type: "forbidden")
            let edited = try await client.execute(
                uri: "/api/v1/comments/\(topID)", method: .patch, headers: bearer(bruno),
                body: json(["body": "Corrigé"]))
            #expect(edited.object["body"] as? String == "Corrigé" && edited.object["editedAt"] != nil)
            #expect(
                try await client.execute(uri: "/api/v1/comments/\(topID)", method: .delete, headers: bearer(bruno))
                    .status
                    == .noContent)
            let list = try await client.execute(uri: comments, method: .get)
            let items = list.object["items"] as? [[String: Any]] ?? []
            #expect(items.count == 3 && items[0]["body"] == nil, "a deleted comment keeps its place for its replies")
            #expect(try await client.execute(uri: "/api/v1/deals/\(id)", method: .get).object["comments"] as? Int == 2)
        }
    }

    @Test(arguments: Backend.allCases)
    func followersHearOfAMatchingDealAtOnceWhateverTheAccents(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            try await Self.category(client, database, "maison")
            try await Self.category(client, database, "cuisine", parent: "maison")
            let alice = try await registerAndLogIn(client, "alice")
            let bruno = try await registerAndLogIn(client, "bruno")
            let chloe = try await registerAndLogIn(client, "chloe")
            for (token, kind, target) in [
                (bruno, "keyword", "cafetiere ITALIENNE"), (chloe, "category", "maison"), (chloe, "member", "alice"),
            ] {
                let followed = try await client.execute(
                    uri: "/api/v1/follows", method: .post, headers: bearer(token),
                    body: json(["kind": kind, "target": target]))
                #expect(followed.status == .created, "\(followed.text)")
            }
            try await DealsAPITests.publish(
                client, database, alice,
                DealsAPITests.deal("Cafetières Italiennes en inox", ["category": "cuisine"]))
            try await DealsAPITests.publish(
                client, database, alice, DealsAPITests.deal("Cafetière à filtre", ["category": "cuisine"]))
            func unread(_ token: String) async throws -> [String] {
                let page = try await client.execute(
                    uri: "/api/v1/notifications?unread=true", method: .get, headers: bearer(token))
                return (page.object["items"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            }
            let brunoHeard = try await unread(bruno)
            #expect(brunoHeard.count == 1 && brunoHeard[0].contains("Cafetières Italiennes"), "\(brunoHeard)")
            #expect(try await unread(chloe).count == 2, "one notification per deal, though two follows match")
            #expect(
                try await unread(alice).filter { $0.contains("Nouveau bon plan") }.isEmpty, "never about one's own deal"
            )

            let before = try await count("follows", in: database)
            for (kind, target, field) in [
                ("keyword", "!!", "target"), ("category", "nowhere", "target"), ("planet", "mars", "kind"),
                ("member", "nobody", "target"), ("product", "abc", "target"),
            ] {
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/follows", method: .post, headers: bearer(bruno),
                        body: json(["kind": kind, "target": target])),
                    .unprocessableContent, type: "validation", field: field)
            }
            #expect(try await count("follows", in: database) == before)
            let list = try await client.execute(uri: "/api/v1/follows", method: .get, headers: bearer(bruno))
            let key = try #require((list.object["items"] as? [[String: Any]])?.first?["target"] as? String)
            #expect(key == "cafetiere italienne")
            #expect(
                try await client.execute(
                    uri: "/api/v1/follows/keyword/cafetiere%20italienne", method: .delete, headers: bearer(bruno)
                ).status == .noContent)
            #expect(try await count("follows", in: database) == before - 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func expiredReportsExpireADealAndStaffModerateWithAnAuditTrail(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            var members: [String] = []
            for handle in ["bruno", "chloe", "dora", "emile"] {
                members.append(try await registerAndLogIn(client, handle))
            }
            let id = try await DealsAPITests.publish(client, database, alice, DealsAPITests.deal("Friteuse sans huile"))
            let flags = "/api/v1/deals/\(id)/flags"
            for member in members.prefix(3) {
                let flagged = try await client.execute(
                    uri: flags, method: .post, headers: bearer(member), body: json(["reason": "expired"]))
                #expect(flagged.status == .created, "\(flagged.text)")
            }
            expectProblem(
                try await client.execute(
                    uri: flags, method: .post, headers: bearer(members[0]), body: json(["reason": "expired"])),
                .conflict, type: "conflict")
            let expired = try await client.execute(uri: "/api/v1/deals/\(id)", method: .get)
            #expect(expired.object["expired"] as? Bool == true && expired.object["expiryReports"] as? Int == 3)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/deals/\(id)/vote", method: .put, headers: bearer(members[3]),
                    body: json(["direction": "hot"])),
                .unprocessableContent, type: "validation", field: "direction")
            let revived = try await client.execute(
                uri: "/api/v1/deals/\(id)/revive", method: .post, headers: bearer(members[3]),
                body: json(["note": "Encore en rayon ce matin"]))
            #expect(revived.object["expired"] as? Bool == false, "\(revived.text)")

            for (body, field) in [
                (json(["reason": "boring"]), "reason"),
                (json(["reason": "spam", "note": String(repeating: "n", count: 501)]), "note"),
            ] {
                expectProblem(
                    try await client.execute(uri: flags, method: .post, headers: bearer(members[3]), body: body),
                    .unprocessableContent, type: "validation", field: field)
            }
            _ = try await client.execute(
                uri: flags, method: .post, headers: bearer(members[3]), body: json(["reason": "spam", "note": "pub"]))
            expectProblem(
                try await client.execute(uri: "/api/v1/moderation/queue", method: .get, headers: bearer(alice)),
                .forbidden, type: "forbidden")
            let staff = try await DealsAPITests.staffToken(client, database)
            let queue = try await client.execute(uri: "/api/v1/moderation/queue", method: .get, headers: bearer(staff))
            let entry = try #require((queue.object["items"] as? [[String: Any]])?.first, "\(queue.text)")
            #expect(entry["dealID"] as? Int == id && (entry["flags"] as? [String: Int])?["spam"] == 1)

            let decision = "/api/v1/moderation/deals/\(id)/decision"
            expectProblem(
                try await client.execute(
                    uri: decision, method: .post, headers: bearer(staff), body: json(["decision": "ban"])),
                .unprocessableContent, type: "validation", field: "decision")
            let removed = try await client.execute(
                uri: decision, method: .post, headers: bearer(staff),
                body: json(["decision": "remove", "note": "spam"]))
            #expect(removed.object["status"] as? String == "removed")
            expectProblem(
                try await client.execute(uri: "/api/v1/deals/\(id)", method: .get), .notFound, type: "not-found")
            #expect(
                try await client.execute(uri: "/api/v1/deals/\(id)", method: .get, headers: bearer(alice)).status
                    == .ok,
                "its author still sees it")
            #expect(try await Self.allTitles(client, "sort=new", limit: 5).isEmpty)
            _ = try await client.execute(
                uri: decision, method: .post, headers: bearer(staff), body: json(["decision": "restore"]))
            #expect(try await Self.allTitles(client, "sort=new", limit: 5) == ["Friteuse sans huile"])
            let audit = try await client.execute(uri: "/api/v1/moderation/audit", method: .get, headers: bearer(staff))
            let actions = (audit.object["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(
                actions == ["deal.restored", "deal.removed", "deal.revived", "deal.expired", "deal.approved"],
                "\(audit.text)")
        }
    }

    @Test(arguments: Backend.allCases)
    func aDealThatGetsHotEarnsItsAuthorPointsAndABadgeOnce(backend: Backend) async throws {
        let clock = TestClock()
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            // Voters of a month and more weigh 1: 25 of them make 100°.
            var voters: [String] = []
            for index in 0..<26 { voters.append(try await registerAndLogIn(client, "voter\(index)")) }
            clock.advance(by: 31 * 86_400)
            for index in 0..<26 { voters[index] = try await logIn(client, "voter\(index)") }
            let alice2 = try await logIn(client, "alice")
            _ = alice
            let id = try await DealsAPITests.publish(client, database, alice2, DealsAPITests.deal("Robot cuiseur"))
            for voter in voters.prefix(25) {
                _ = try await client.execute(
                    uri: "/api/v1/deals/\(id)/vote", method: .put, headers: bearer(voter),
                    body: json(["direction": "hot"]))
            }
            clock.advance(by: 11 * 60)
            let hot = try await client.execute(uri: "/api/v1/deals/\(id)", method: .get)
            #expect(hot.object["temperature"] as? Int == 100 && hot.object["isHot"] as? Bool == true, "\(hot.text)")
            // Cooling down and warming up again gives nothing more.
            _ = try await client.execute(uri: "/api/v1/deals/\(id)/vote", method: .delete, headers: bearer(voters[0]))
            _ = try await client.execute(
                uri: "/api/v1/deals/\(id)/vote", method: .put, headers: bearer(voters[25]),
                body: json(["direction": "hot"]))
            let profile = try await client.execute(uri: "/api/v1/members/alice", method: .get)
            #expect(profile.object["reputation"] as? Int == Reputation.pointsForHotDeal, "\(profile.text)")
            #expect(profile.object["badges"] as? [String] == ["firstHotDeal"])
            // Staff take the deal down: its points go; restored, they come back.
            let staff = try await DealsAPITests.staffToken(client, database)
            for (decision, points) in [("remove", 0), ("restore", Reputation.pointsForHotDeal)] {
                _ = try await client.execute(
                    uri: "/api/v1/moderation/deals/\(id)/decision", method: .post, headers: bearer(staff),
                    body: json(["decision": decision]))
                let now = try await client.execute(uri: "/api/v1/members/alice", method: .get)
                #expect(now.object["reputation"] as? Int == points, "after \(decision): \(now.text)")
            }
            expectProblem(
                try await client.execute(uri: "/api/v1/members/nobody", method: .get), .notFound, type: "not-found")
        }
    }
}

@Suite struct DealCommunityBadInputTests {
    /// Every community route, given what it must refuse: the problem names the field (or the
    /// rule), and neither a row nor an event is written.
    @Test(arguments: Backend.allCases)
    func everyRouteRefusesBadInputAndWritesNothing(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let bruno = try await registerAndLogIn(client, "bruno")
            let partner = try await PartnerOffersAPITests.partnerToken(client, database, slug: "shop")
            let id = try await DealsAPITests.publish(client, database, alice, DealsAPITests.deal("Lampe de bureau"))
            let comment = try await client.execute(
                uri: "/api/v1/deals/\(id)/comments", method: .post, headers: bearer(bruno), body: json(["body": "Top"]))
            let commentID = try #require(comment.object["id"] as? Int)
            let staff = try await DealsAPITests.staffToken(client, database)
            let tables = [
                "deals", "deal_votes", "deal_comments", "comment_likes", "follows", "flags", "audit_log", "events",
            ]
            var before: [String: Int] = [:]
            for table in tables { before[table] = try await count(table, in: database) }

            typealias Case = (
                method: HTTPRequest.Method, uri: String, token: String?, body: ByteBuffer?, status: HTTPResponse.Status,
                type: String, field: String?
            )
            let cases: [Case] = [
                (.post, "/api/v1/deals", nil, DealsAPITests.deal("Sans compte"), .unauthorized, "unauthenticated", nil),
                (
                    .post, "/api/v1/deals", partner, DealsAPITests.deal("Par un partenaire"), .forbidden, "forbidden",
                    nil
                ),
                (.post, "/api/v1/deals", bruno, ByteBuffer(string: "{"), .badRequest, "malformed-body", nil),
                (.put, "/api/v1/deals/\(id)", bruno, DealsAPITests.deal("Pas le mien"), .forbidden, "forbidden", nil),
                (
                    .put, "/api/v1/deals/\(id)", alice, DealsAPITests.deal("Lampe", ["bump": "oui"]),
                    .unprocessableContent, "validation", "bump"
                ),
                (.put, "/api/v1/deals/999999", alice, DealsAPITests.deal("Inconnu"), .notFound, "not-found", nil),
                (
                    .put, "/api/v1/deals/\(id)/vote", bruno, json(["direction": "tiède"]), .unprocessableContent,
                    "validation", "direction"
                ),
                (
                    .post, "/api/v1/deals/\(id)/flags", bruno, json(["reason": "spam", "extra": 1]),
                    .unprocessableContent, "validation", "extra"
                ),
                (
                    .post, "/api/v1/deals/\(id)/revive", bruno, json(["note": "ok"]), .unprocessableContent,
                    "validation", "deal"
                ),
                (
                    .post, "/api/v1/deals/\(id)/comments", nil, json(["body": "Anonyme"]), .unauthorized,
                    "unauthenticated", nil
                ),
                (
                    .patch, "/api/v1/comments/\(commentID)", bruno, json(["body": ""]), .unprocessableContent,
                    "validation", "body"
                ),
                (.patch, "/api/v1/comments/999999", bruno, json(["body": "ok"]), .notFound, "not-found", nil),
                (.put, "/api/v1/comments/999999/like", alice, nil, .notFound, "not-found", nil),
                (
                    .post, "/api/v1/comments/\(commentID)/flags", alice, json(["reason": "expired"]),
                    .unprocessableContent, "validation", "reason"
                ),
                (
                    .post, "/api/v1/follows", bruno, json(["kind": "keyword"]), .unprocessableContent, "validation",
                    "target"
                ),
                (
                    .post, "/api/v1/follows", bruno,
                    json(["kind": "keyword", "target": String(repeating: "a", count: 61)]), .unprocessableContent,
                    "validation", "target"
                ),
                (.delete, "/api/v1/follows/keyword/nothing", bruno, nil, .notFound, "not-found", nil),
                (
                    .post, "/api/v1/moderation/deals/\(id)/decision", bruno, json(["decision": "remove"]), .forbidden,
                    "forbidden", nil
                ),
                (
                    .post, "/api/v1/moderation/deals/\(id)/decision", staff,
                    json(["decision": "remove", "note": String(repeating: "n", count: 501)]), .unprocessableContent,
                    "validation", "note"
                ),
                (
                    .post, "/api/v1/moderation/comments/999999/decision", staff, json(["decision": "remove"]),
                    .notFound, "not-found", nil
                ),
                (.get, "/api/v1/moderation/audit?before=x", staff, nil, .unprocessableContent, "validation", "before"),
                (.get, "/api/v1/deals?partner=a%20b", nil, nil, .unprocessableContent, "validation", "partner"),
            ]
            for item in cases {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let token = item.token { headers[.authorization] = "Bearer \(token)" }
                let answer = try await client.execute(
                    uri: item.uri, method: item.method, headers: headers, body: item.body)
                expectProblem(answer, item.status, type: item.type, field: item.field)
            }
            for table in tables {
                #expect(try await count(table, in: database) == before[table], "\(table) is unchanged")
            }
        }
    }
}
