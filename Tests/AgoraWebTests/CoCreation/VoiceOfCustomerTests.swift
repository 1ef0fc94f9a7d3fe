import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

/// The voice of the customer through the API: figures recomputed by hand from a few reviews,
/// comments and ideas; who may see which scope; bad input; the CSV tables.
@Suite struct VoiceOfCustomerTests {
    /// Two weeks from Monday 7 September 2026: the period every test reads.
    static let period = "from=2026-09-07&to=2026-09-20"
    static let start = try! Date("2026-09-07T08:00:00Z", strategy: .iso8601)
    static let hour: TimeInterval = 3_600

    static func get(_ client: any TestClientProtocol, _ token: String?, _ query: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/voice-of-customer?\(query)", method: .get, headers: token.map(bearer) ?? [:])
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    @Test(arguments: Backend.allCases)
    func aPartnersFiguresAreTheOnesRecomputedByHand(backend: Backend) async throws {
        let clock = TestClock(Self.start)
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let world = try await Self.scenario(client, database, clock)
            let answer = try await Self.get(client, world.seller, "partnerID=\(world.sellerID)&\(Self.period)")
            #expect(answer.status == .ok, "\(answer.text)")
            let voice = answer.object
            #expect(voice["from"] as? String == "2026-09-07" && voice["to"] as? String == "2026-09-20")
            let scope = try #require(voice["scope"] as? [String: Any])
            #expect(scope["kind"] as? String == "partner" && scope["name"] as? String == "seller")
            // alice 5, bob 2 (week 1); carol 1 and dave's review of the seller 4 (week 2); not erin's
            // kettle (another partner's), nor frank's (the day after the period).
            #expect(voice["reviews"] as? Int == 4)
            #expect(voice["averageRating"] as? Double == 3)
            let weeks = try #require(voice["weeks"] as? [[String: Any]])
            #expect(weeks.map { $0["weekStart"] as? String } == ["2026-09-07", "2026-09-14"])
            #expect(weeks.map { $0["reviews"] as? Int } == [2, 2])
            #expect(weeks.map { $0["averageRating"] as? Double } == [3.5, 2.5])
            #expect(weeks.map { $0["comments"] as? Int } == [1, 0])
            let stored = try await Self.sentiments(database)
            let comment = try #require(stored.comments.first)
            #expect(comment < 0, "the comment reads as negative")
            let firstWeek = [stored.reviews[world.reviews["alice"]!]!, stored.reviews[world.reviews["bob"]!]!, comment]
            let secondWeek = [stored.reviews[world.reviews["carol"]!]!, stored.reviews[world.reviews["dave"]!]!]
            #expect(abs((weeks[0]["averageSentiment"] as? Double ?? 9) - Self.mean(firstWeek)) < 1e-9)
            #expect(abs((weeks[1]["averageSentiment"] as? Double ?? 9) - Self.mean(secondWeek)) < 1e-9)
            #expect(abs((voice["averageSentiment"] as? Double ?? 9) - Self.mean(firstWeek + secondWeek)) < 1e-9)

            let delights = try #require(voice["delights"] as? [String: Any])
            #expect(
                delights["count"] as? Int == 1 && delights["total"] as? Int == 4 && delights["share"] as? Double == 0.25
            )
            let disappointments = try #require(voice["disappointments"] as? [String: Any])
            #expect(disappointments["count"] as? Int == 2 && disappointments["share"] as? Double == 0.5)
            let replies = try #require(voice["answeredByPartners"] as? [String: Any])
            #expect(
                replies["answered"] as? Int == 2 && replies["total"] as? Int == 4 && replies["share"] as? Double == 0.5)
            #expect(replies["medianSeconds"] as? Int == 4 * 3_600, "the median of 2 and 6 hours")
            let answers = try #require(voice["answeredByStaff"] as? [String: Any])
            #expect(answers["answered"] as? Int == 1 && answers["total"] as? Int == 2)
            #expect(answers["medianSeconds"] as? Int == 48 * 3_600)

            // bob's review (FR), carol's (EN) and bob's negative comment: 16 terms, "écran" in two texts
            // and the others in one, so the 15 kept are cut in alphabetical order ("week" is left out).
            #expect(voice["criticalTexts"] as? Int == 3)
            let terms = try #require(voice["terms"] as? [[String: Any]])
            #expect(terms.first?["term"] as? String == "ecran" && terms.first?["texts"] as? Int == 2)
            #expect(
                Set(terms.compactMap { $0["term"] as? String }) == [
                    "ecran", "raye", "arrive", "batterie", "tient", "journee", "faible", "cracked", "screen", "nul",
                    "battery", "died", "chargeur", "chauffe", "decevant",
                ], "\(terms)")
            let ideas = try #require(voice["topIdeas"] as? [[String: Any]])
            #expect(ideas.map { $0["id"] as? Int } == world.ideas, "the charger idea has 2 supports, the other 1")
            #expect(ideas.map { $0["supports"] as? Int } == [2, 1])
            #expect(ideas.map { $0["supportsInPeriod"] as? Int } == [2, 1], "every support was given in the period")
        }
    }

    @Test(arguments: Backend.allCases)
    func staffSeeAnyScopeAndACategoryHoldsItsSubCategories(backend: Backend) async throws {
        let clock = TestClock(Self.start)
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let world = try await Self.scenario(client, database, clock)
            let product = try await Self.get(client, world.staff, "productID=\(world.product)&\(Self.period)")
            #expect(product.object["reviews"] as? Int == 3, "the phone's reviews, not the seller's own")
            #expect(abs((product.object["averageRating"] as? Double ?? 0) - 8.0 / 3) < 1e-9)
            #expect((product.object["topIdeas"] as? [[String: Any]])?.map { $0["id"] as? Int } == [world.ideas[0]])
            let category = try await Self.get(client, world.staff, "categoryID=\(world.highTech)&\(Self.period)")
            #expect(category.status == .ok, "\(category.text)")
            #expect(category.object["reviews"] as? Int == 3, "the phone is in a sub-category of high-tech")
            #expect((category.object["scope"] as? [String: Any])?["name"] as? String == "high-tech")
            let site = try await Self.get(client, world.staff, Self.period)
            #expect(
                site.object["reviews"] as? Int == 5
                    && (site.object["scope"] as? [String: Any])?["kind"] as? String == "site")
            let later = try await Self.get(
                client, world.staff, "productID=\(world.product)&from=2026-09-21&to=2026-09-27")
            #expect(later.object["reviews"] as? Int == 1, "frank's review, the day after the first period")
            let standard = try await Self.get(client, world.staff, "productID=\(world.product)")
            #expect(standard.object["to"] as? String == "2026-09-22", "up to today included, by default")
            #expect(standard.object["from"] as? String == "2026-06-25" && standard.object["reviews"] as? Int == 4)

            // A support given after the first period puts the seller's idea first in the next one; the
            // charger idea, supported twice before, follows with none in that period.
            let zoe = try await registerAndLogIn(client, "zoe")
            let supported = try await client.execute(
                uri: "/api/v1/ideas/\(world.ideas[1])/support", method: .put, headers: bearer(zoe))
            #expect(supported.status == .ok, "\(supported.text)")
            let next = try await Self.get(client, world.staff, "from=2026-09-21&to=2026-09-27")
            let top = try #require(next.object["topIdeas"] as? [[String: Any]], "\(next.text)")
            #expect(top.prefix(2).map { $0["id"] as? Int } == [world.ideas[1], world.ideas[0]], "\(top)")
            #expect(top.prefix(2).map { $0["supportsInPeriod"] as? Int } == [1, 0])
            #expect(top.prefix(2).map { $0["supports"] as? Int } == [2, 2])
        }
    }

    @Test(arguments: Backend.allCases)
    func aPartnerNeverSeesAnotherPartnersFigures(backend: Backend) async throws {
        let clock = TestClock(Self.start)
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let world = try await Self.scenario(client, database, clock)
            for query in [
                "partnerID=\(world.sellerID)", "productID=\(world.product)", "categoryID=\(world.highTech)",
                "productID=999999",
            ] {
                expectProblem(try await Self.get(client, world.other, query), .forbidden, type: "forbidden")
            }
            #expect(try await Self.get(client, world.other, "partnerID=\(world.otherID)").status == .ok)
            let kettle = try await Self.get(client, world.other, "productID=\(world.otherProduct)&\(Self.period)")
            #expect(kettle.object["reviews"] as? Int == 1, "\(kettle.text)")
            expectProblem(
                try await Self.get(client, world.alice, "partnerID=\(world.sellerID)"), .forbidden, type: "forbidden")
            expectProblem(
                try await Self.get(client, nil, "partnerID=\(world.sellerID)"), .unauthorized, type: "unauthenticated")

            // A member working for the seller sees what the seller's token sees, and no more.
            let attached = try await client.execute(
                uri: "/api/v1/partners/seller/members", method: .post, headers: bearer(world.staff),
                body: json(["handle": "dave"]))
            #expect(attached.status == .ok, "\(attached.text)")
            let dave = try await logIn(client, "dave")
            let own = try await Self.get(client, dave, "partnerID=\(world.sellerID)&\(Self.period)")
            #expect(own.status == .ok && own.object["reviews"] as? Int == 4, "\(own.text)")
            expectProblem(
                try await Self.get(client, dave, "productID=\(world.otherProduct)"), .forbidden, type: "forbidden")
            expectProblem(
                try await Self.get(client, dave, ""), .unprocessableContent, type: "validation", field: "scope")
        }
    }

    @Test(arguments: Backend.allCases)
    func badInputIsAProblemOnTheFieldAtFault(backend: Backend) async throws {
        let clock = TestClock(Self.start)
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let seller = try await PartnerOffersAPITests.partnerToken(client, database, slug: "seller")
            let staff = try await logIn(client, "equipe")
            let product = try await Self.feed(client, database, seller, sku: "phone", gtin: "4006381333931", nil)
            let sellerID = try await ReviewsAPITests.partnerID("seller", database)
            for (token, query, field) in [
                (staff, "productID=\(product)&partnerID=\(sellerID)", "scope"),
                (seller, "partnerID=\(sellerID)&categoryID=1", "scope"),
                (seller, "", "scope"),
                (staff, "productID=abc", "productID"), (staff, "partnerID=-3", "partnerID"),
                (staff, "productID=999999", "productID"), (staff, "partnerID=999999", "partnerID"),
                (staff, "categoryID=999999", "categoryID"),
                (staff, "from=2026-02-30", "from"), (staff, "from=07/09/2026", "from"), (staff, "to=2026-9-1", "to"),
                (staff, "from=2026-09-10&to=2026-09-09", "to"), (staff, "from=2026-09-10&to=2026-09-01", "to"),
                (staff, "from=2025-01-01&to=2026-01-03", "to"),
                (staff, "format=xml", "format"), (staff, "format=csv", "table"),
                (staff, "format=csv&table=all", "table"),
            ] {
                expectProblem(
                    try await Self.get(client, token, query), .unprocessableContent, type: "validation", field: field)
            }
            let longest = try await Self.get(client, staff, "from=2024-01-01&to=2024-12-31")
            #expect(longest.status == .ok && (longest.object["weeks"] as? [Any])?.count == 53, "366 days are allowed")
            let english = try await client.execute(
                uri: "/api/v1/voice-of-customer?from=nope", method: .get,
                headers: [.authorization: "Bearer \(staff)", .acceptLanguage: "en"])
            #expect(english.object["detail"] as? String == "A date is written YYYY-MM-DD and must exist.")
        }
    }

    @Test(arguments: Backend.allCases)
    func everyTableExportsToCSV(backend: Backend) async throws {
        let clock = TestClock(Self.start)
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let world = try await Self.scenario(client, database, clock)
            let base = "partnerID=\(world.sellerID)&\(Self.period)&format=csv&table="
            let weeks = try await Self.get(client, world.seller, base + "weeks")
            #expect(weeks.status == .ok)
            #expect(weeks.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(
                weeks.headers[.contentDisposition]
                    == "attachment; filename=\"agora-voice-partner-\(world.sellerID)-2026-09-07-2026-09-20-weeks.csv\"")
            let json = try await Self.get(client, world.seller, "partnerID=\(world.sellerID)&\(Self.period)")
            let sentiments = (json.object["weeks"] as? [[String: Any]] ?? []).map {
                Int((($0["averageSentiment"] as? Double ?? 0) * 1000).rounded())
            }
            let lines = weeks.text.split(separator: "\r\n").map(String.init)
            #expect(
                lines == [
                    "week_start,reviews,average_rating,idea_comments,average_sentiment_per_mille",
                    "2026-09-07,2,3.50,1,\(sentiments[0])", "2026-09-14,2,2.50,0,\(sentiments[1])",
                ], "\(weeks.text)")
            let terms = try await Self.get(client, world.seller, base + "terms")
            #expect(terms.text.hasPrefix("term,texts\r\necran,2\r\narrive,1\r\n"), "\(terms.text)")
            let ideas = try await Self.get(client, world.seller, base + "ideas")
            let ideaLines = ideas.text.split(separator: "\r\n").map(String.init)
            #expect(ideaLines.first == "id,title,status,supports_in_period,supports,submitted_at")
            #expect(
                ideaLines.dropFirst().first == "\(world.ideas[0]),'=SOMME(A1) un chargeur plus solide,planned,2,2,"
                    + "2026-09-07T09:00:00Z", "a formula is neutralised: \(ideas.text)")
            expectProblem(
                try await Self.get(client, world.other, base + "weeks"), .forbidden, type: "forbidden")
        }
    }
}
