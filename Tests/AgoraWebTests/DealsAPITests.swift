import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@Suite struct DealsAPITests {
    static func deal(_ title: String, _ changes: [String: Any] = [:]) -> ByteBuffer {
        var body: [String: Any] = [
            "title": title, "price": 34_900, "shipping": 0, "merchant": "Boutique du coin",
            "url": "https://shop.example/\(title.filter(\.isLetter))",
        ]
        body.merge(changes) { _, new in new }
        return json(body)
    }

    /// A staff member's token, registering "moderator" the first time.
    static func staffToken(_ client: any TestClientProtocol, _ database: Database) async throws -> String {
        if try await MemberStore(database: database).member(handle: "moderator") == nil {
            _ = try await registerAndLogIn(client, "moderator")
            try await promote("moderator", to: .staff, in: database)
        }
        return try await logIn(client, "moderator")
    }

    /// Posts a deal and, when it waits for approval (a new member's first deals), approves it as staff.
    @discardableResult
    static func publish(
        _ client: any TestClientProtocol, _ database: Database, _ token: String, _ body: ByteBuffer
    ) async throws -> Int {
        let posted = try await client.execute(uri: "/api/v1/deals", method: .post, headers: bearer(token), body: body)
        let deal = try #require(posted.object["deal"] as? [String: Any], "\(posted.text)")
        let id = try #require(deal["id"] as? Int)
        if deal["status"] as? String == "pending" {
            let approved = try await client.execute(
                uri: "/api/v1/moderation/deals/\(id)/decision", method: .post,
                headers: bearer(try await staffToken(client, database)), body: json(["decision": "restore"]))
            #expect(approved.object["status"] as? String == "published", "\(approved.text)")
        }
        return id
    }

    @Test(arguments: Backend.allCases)
    func membersPostDealsAndBadOnesChangeNothing(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            _ = try await PartnerOffersAPITests.partnerToken(client, database, slug: "shop")
            let alice = try await registerAndLogIn(client, "alice")
            let posted = try await client.execute(
                uri: "/api/v1/deals", method: .post, headers: bearer(alice),
                body: Self.deal("Lave-linge 8 kg", ["partner": "shop", "referencePrice": 39_900, "merchant": NSNull()]))
            #expect(posted.status == .created, "\(posted.text)")
            let deal = try #require(posted.object["deal"] as? [String: Any])
            #expect(
                deal["isNew"] as? Bool == true && deal["temperature"] == nil && deal["author"] as? String == "alice")
            #expect((deal["merchant"] as? [String: Any])?["name"] as? String == "shop")
            #expect(deal["reductionPercent"] as? Int == 12, "349 € against the 399 € of the last 30 days")
            #expect((posted.object["possibleDuplicates"] as? [Any])?.isEmpty == true)
            #expect(deal["status"] as? String == "pending", "a new member's first deal waits for staff")
            expectProblem(
                try await client.execute(uri: "/api/v1/deals/\(deal["id"] as? Int ?? 0)", method: .get), .notFound,
                type: "not-found")
            _ = try await client.execute(
                uri: "/api/v1/moderation/deals/\(deal["id"] as? Int ?? 0)/decision", method: .post,
                headers: bearer(try await Self.staffToken(client, database)), body: json(["decision": "restore"]))
            let again = try await client.execute(
                uri: "/api/v1/deals", method: .post, headers: bearer(alice), body: Self.deal("Lave-linge 8 kg"))
            #expect(again.object["possibleDuplicates"] as? [Int] == [deal["id"] as? Int ?? 0], "\(again.text)")

            let before = try await count("deals", in: database)
            for (body, field) in [
                (Self.deal("Top"), "title"), (Self.deal("Sans prix", ["price": NSNull()]), "price"),
                (Self.deal("Partenaire inconnu", ["partner": "nobody"]), "partner"),
                (Self.deal("Code promo", ["kind": "voucher"]), "promoCode"),
                (Self.deal("Déjà fini", ["endsAt": "2020-01-01"]), "endsAt"),
                (Self.deal("Mauvais lien", ["url": "ftp://shop.example"]), "url"),
                (Self.deal("Clé inconnue", ["hot": true]), "hot"),
                (Self.deal("Catégorie inconnue", ["category": "nowhere"]), "category"),
            ] {
                expectProblem(
                    try await client.execute(uri: "/api/v1/deals", method: .post, headers: bearer(alice), body: body),
                    .unprocessableContent, type: "validation", field: field)
            }
            expectProblem(
                try await client.execute(uri: "/api/v1/deals/999999", method: .get), .notFound, type: "not-found")
            #expect(try await count("deals", in: database) == before, "refused deals write nothing")
        }
    }

    @Test(arguments: Backend.allCases)
    func oneVotePerMemberCountsOnceEvenWhenSentTwiceAtOnce(backend: Backend) async throws {
        let clock = TestClock()
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let bruno = try await registerAndLogIn(client, "bruno")
            let id = try await Self.publish(
                client, database, alice, Self.deal("Vélo reconditionné", ["endsAt": "2026-05-30T00:00:00Z"]))
            let vote = "/api/v1/deals/\(id)/vote"
            async let first = client.execute(
                uri: vote, method: .put, headers: bearer(bruno), body: json(["direction": "hot"]))
            async let second = client.execute(
                uri: vote, method: .put, headers: bearer(bruno), body: json(["direction": "hot"]))
            let answers = try await [first, second]
            #expect(answers.allSatisfy { $0.status == .ok }, "\(answers.map(\.text))")
            #expect(try await count("deal_votes", in: database) == 1)
            clock.advance(by: 11 * 60)
            let shown = try await client.execute(uri: "/api/v1/deals/\(id)", method: .get)
            #expect(shown.object["votes"] as? Int == 1 && shown.object["temperature"] as? Int == 1, "\(shown.text)")

            let cold = try await client.execute(
                uri: vote, method: .put, headers: bearer(bruno), body: json(["direction": "cold"]))
            #expect(cold.object["votes"] as? Int == 1 && cold.object["temperature"] as? Int == -1, "\(cold.text)")
            let back = try await client.execute(uri: vote, method: .delete, headers: bearer(bruno))
            #expect(back.object["votes"] as? Int == 0 && back.object["temperature"] as? Int == 0)

            expectProblem(
                try await client.execute(
                    uri: vote, method: .put, headers: bearer(alice), body: json(["direction": "hot"])),
                .unprocessableContent, type: "validation", field: "direction")
            expectProblem(
                try await client.execute(
                    uri: vote, method: .put, headers: bearer(bruno), body: json(["direction": "warm"])),
                .unprocessableContent, type: "validation", field: "direction")
            let partner = try await PartnerOffersAPITests.partnerToken(client, database, slug: "shop")
            expectProblem(
                try await client.execute(
                    uri: vote, method: .put, headers: bearer(partner), body: json(["direction": "hot"])),
                .forbidden, type: "forbidden")

            clock.advance(by: 2 * 86_400)  // past its end, within the session's lifetime
            let expired = try await client.execute(
                uri: vote, method: .put, headers: bearer(bruno), body: json(["direction": "hot"]))
            expectProblem(expired, .unprocessableContent, type: "validation", field: "direction")
            #expect(expired.object["detail"] as? String == "Ce bon plan a expiré : les votes sont clos.")
            #expect(try await count("deal_votes", in: database) == 0)
        }
    }

    @Test(arguments: Backend.allCases)
    func theHotListFollowsTheWrittenFormulaAndPages(backend: Backend) async throws {
        let clock = TestClock()
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let author = try await registerAndLogIn(client, "alice")
            var voters: [String] = []
            for handle in ["bruno", "chloe", "dora"] { voters.append(try await registerAndLogIn(client, handle)) }
            var posted: [(title: String, at: Date, votes: [String])] = []
            for (title, votes) in [
                ("Chaud depuis ce matin", ["hot", "hot", "hot"]), ("Tiède", []), ("Froid", ["cold"]),
            ] {
                let id = try await Self.publish(client, database, author, Self.deal(title))
                for (voter, direction) in zip(voters, votes) {
                    _ = try await client.execute(
                        uri: "/api/v1/deals/\(id)/vote", method: .put, headers: bearer(voter),
                        body: json(["direction": direction]))
                }
                posted.append((title, clock.now, votes))
                clock.advance(by: 2 * 3600)
            }
            // New accounts weigh 0.25: each vote moves 1°.
            let expected = posted.sorted {
                func score(_ deal: (title: String, at: Date, votes: [String])) -> Double {
                    let temperature = Double(deal.votes.map { $0 == "hot" ? 1 : -1 }.reduce(0, +))
                    return HotScore.score(temperature: temperature, rankedAt: deal.at)
                }
                return score($0) > score($1)
            }.map(\.title)
            #expect(expected == ["Chaud depuis ce matin", "Froid", "Tiède"])
            var titles: [String] = []
            var cursor = ""
            repeat {
                let page = try await client.execute(
                    uri: "/api/v1/deals?sort=hot&limit=2" + (cursor.isEmpty ? "" : "&cursor=\(cursor)"), method: .get)
                titles += (page.object["items"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
                cursor = page.object["nextCursor"] as? String ?? ""
            } while !cursor.isEmpty && titles.count < 10
            #expect(titles == expected)
            let newest = try await client.execute(uri: "/api/v1/deals?sort=new", method: .get)
            #expect(
                (newest.object["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == [
                    "Froid", "Tiède", "Chaud depuis ce matin",
                ])
            for (query, field) in [
                ("sort=cold", "sort"), ("limit=0", "limit"), ("cursor=nope", "cursor"), ("period=year", "period"),
                ("category=a%20b", "category"), ("q=%21", "q"),
            ] {
                expectProblem(
                    try await client.execute(uri: "/api/v1/deals?\(query)", method: .get), .unprocessableContent,
                    type: "validation", field: field)
            }
        }
    }

    @Test func dealPagesListADealLetOthersVoteWithoutJavaScriptAndStateTheFormula() async throws {
        let clock = TestClock()
        try await withApp(configure: { $0.clock = clock }) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let id = try await Self.publish(
                client, database, alice, Self.deal("Casque <audio> reconditionné", ["endsAt": "2026-05-30T00:00:00Z"]))
            try await registerAndLogIn(client, "bruno")
            let browser = PagesTests.Browser(client)
            let list = try await browser.get("/deals")
            #expect(list.status == .ok && list.text.contains("Casque &lt;audio&gt; reconditionné"))
            #expect(list.text.contains("nouveau"), "a new deal's temperature is hidden")
            #expect(!(try await browser.get("/deals/\(id)")).text.contains("vote-form"), "visitors see no vote buttons")

            _ = try await browser.get("/login")
            _ = try await browser.post("/login", ["login": "bruno", "password": "password-bruno"])
            let forged = try await browser.post("/deals/\(id)/vote", ["direction": "hot"], csrf: false)
            #expect(forged.status == .forbidden)
            let voted = try await browser.post("/deals/\(id)/vote", ["direction": "hot"])
            #expect(voted.status == .seeOther)
            clock.advance(by: 11 * 60)
            let page = try await browser.get("/deals/\(id)")
            #expect(page.text.contains("vote-form") && page.text.contains(">1°<"), "\(page.text)")
            #expect(try await count("deal_votes", in: database) == 1)

            clock.advance(by: 2 * 86_400)
            let late = try await browser.post("/deals/\(id)/vote", ["direction": "cold"])
            #expect(late.headers[.location] == "/deals/\(id)?error=vote.expired")
            #expect(try await browser.get("/deals/\(id)?error=vote.expired").text.contains("Ce bon plan a expiré"))
            #expect(
                !(try await browser.get("/deals/\(id)?error=<b>x</b>")).text.contains("<b>x"),
                "only message keys are taken from the address")

            let about = try await browser.get("/about/ranking")
            #expect(about.text.contains("log10(max(|t|, 1))") && about.text.contains("45 000 s"))
        }
    }
}
