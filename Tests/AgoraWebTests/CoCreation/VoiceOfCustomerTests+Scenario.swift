import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

/// The few partners, products, reviews, ideas and comments the voice of the customer is read from.
extension VoiceOfCustomerTests {
    /// What `scenario` made: tokens, ids, and the reviews by their author's handle.
    struct Scenario {
        let seller: String
        let other: String
        let staff: String
        let alice: String
        let product: Int
        let otherProduct: Int
        let sellerID: Int
        let otherID: Int
        let highTech: Int
        let ideas: [Int]
        let reviews: [String: Int]
    }

    /// "seller" offers a phone (category high-tech > telephones), "other" a kettle. In the first
    /// week the phone gets 5 and 2 stars (the seller replies to the 2 after 2 hours), an idea about
    /// it (answered by staff 48 hours later) with a negative comment, an idea about the seller; the
    /// kettle 1 star. In the second week the phone gets 1 star (replied after 6 hours) and the
    /// seller 4 stars. A last review falls the day after the period.
    static func scenario(_ client: any TestClientProtocol, _ database: Database, _ clock: TestClock) async throws
        -> Scenario
    {
        let seller = try await PartnerOffersAPITests.partnerToken(client, database, slug: "seller")
        let other = try await PartnerOffersAPITests.partnerToken(client, database, slug: "other")
        let staff = try await logIn(client, "equipe")
        for (slug, parent) in [("high-tech", nil), ("telephones", "high-tech")] as [(String, String?)] {
            var body: [String: Any] = ["slug": slug, "nameFR": slug, "nameEN": slug]
            body["parent"] = parent
            let created = try await client.execute(
                uri: "/api/v1/categories", method: .post, headers: bearer(staff), body: json(body))
            #expect(created.status == .created, "\(created.text)")
        }
        let product = try await feed(client, database, seller, sku: "phone", gtin: "4006381333931", "telephones")
        let otherProduct = try await feed(client, database, other, sku: "kettle", gtin: "50123452", nil)
        let (sellerID, otherID) = (
            try await ReviewsAPITests.partnerID("seller", database),
            try await ReviewsAPITests.partnerID("other", database)
        )
        var members: [String: String] = [:]
        for handle in ["alice", "bob", "carol", "dave", "erin", "frank"] {
            members[handle] = try await registerAndLogIn(client, handle)
        }
        var reviews: [String: Int] = [:]
        func review(_ handle: String, _ rating: Int, _ changes: [String: Any] = [:], product: Int = product)
            async throws
        {
            var changes = changes
            changes["boughtFrom"] = product == otherProduct ? otherID : sellerID
            reviews[handle] = try await ReviewsAPITests.post(
                client, members[handle]!, product: product, ReviewsAPITests.review(rating, changes))
        }
        func reply(_ handle: String) async throws {
            let replied = try await client.execute(
                uri: "/api/v1/reviews/\(reviews[handle]!)/reply", method: .put, headers: bearer(seller),
                body: json(["body": "Merci, nous vous contactons pour un échange."]))
            #expect(replied.status == .ok, "\(replied.text)")
        }

        try await review("alice", 5)
        clock.advance(by: hour)
        try await review(
            "bob", 2,
            [
                "title": "Écran rayé", "body": "L'écran est arrivé rayé et la batterie ne tient pas la journée.",
                "cons": "Batterie faible",
            ])
        let chargerIdea = try await idea(
            client, members["alice"]!, "=SOMME(A1) un chargeur plus solide", ["productID": product])
        let sellerIdea = try await idea(client, members["alice"]!, "Livrer aussi le samedi", ["partnerID": sellerID])
        _ = try await idea(client, members["erin"]!, "Une bouilloire plus silencieuse", ["productID": otherProduct])
        _ = try await client.execute(
            uri: "/api/v1/ideas/\(chargerIdea)/support", method: .put, headers: bearer(members["bob"]!))
        let commented = try await client.execute(
            uri: "/api/v1/ideas/\(chargerIdea)/comments", method: .post, headers: bearer(members["bob"]!),
            body: json(["body": "Le chargeur chauffe, l'écran aussi : c'est décevant et nul."]))
        #expect(commented.status == .created, "\(commented.text)")
        clock.advance(by: 2 * hour)
        try await reply("bob")
        try await review(
            "erin", 1, ["body": "La bouilloire fuit depuis le premier jour, vraiment."], product: otherProduct)
        clock.advance(by: 46 * hour)
        try await IdeaPagesTests.answer(client, staff, chargerIdea, "planned")

        clock.advance(by: Self.start.addingTimeInterval(7 * 86_400 + 2 * hour).timeIntervalSince(clock.now))
        try await review(
            "carol", 1,
            [
                "title": "Cracked screen", "body": "The screen cracked within a week and the battery died.",
                "cons": "Battery",
            ])
        let partnerReview = try await client.execute(
            uri: "/api/v1/partners/seller/reviews", method: .post, headers: bearer(members["dave"]!),
            body: ReviewsAPITests.review(4))
        reviews["dave"] = try #require(partnerReview.object["id"] as? Int, "\(partnerReview.text)")
        clock.advance(by: 6 * hour)
        try await reply("carol")
        clock.advance(by: Self.start.addingTimeInterval(15 * 86_400).timeIntervalSince(clock.now))
        try await review("frank", 5)
        let highTech = try await database.read { sql in
            try await sql.raw("SELECT id FROM categories WHERE slug = 'high-tech'").first()!.decode(
                column: "id", as: Int.self)
        }
        return Scenario(
            seller: seller, other: other, staff: staff, alice: members["alice"]!, product: product,
            otherProduct: otherProduct, sellerID: sellerID, otherID: otherID, highTech: highTech,
            ideas: [chargerIdea, sellerIdea], reviews: reviews)
    }

    /// Publishes one offer of the partner of `token`; answers its product's id.
    static func feed(
        _ client: any TestClientProtocol, _ database: Database, _ token: String, sku: String, gtin: String,
        _ category: String?
    ) async throws -> Int {
        var offer = PartnerOffersAPITests.offer(sku, gtin: gtin)
        offer["category"] = category
        let fed = try await client.execute(
            uri: "/api/v1/partner/offers", method: .put, headers: bearer(token), body: json(["offers": [offer]]))
        #expect(fed.status == .ok, "\(fed.text)")
        return try await database.read { sql in
            try await sql.raw("SELECT product_id FROM offers WHERE sku = \(bind: sku)").first()!.decode(
                column: "product_id", as: Int.self)
        }
    }

    static func idea(_ client: any TestClientProtocol, _ token: String, _ title: String, _ about: [String: Any])
        async throws -> Int
    {
        let body = about.merging(["title": title, "description": "Une idée décrite en plus de vingt lettres."]) {
            $1
        }
        let posted = try await client.execute(
            uri: "/api/v1/ideas", method: .post, headers: bearer(token), body: json(body))
        #expect(posted.status == .created, "\(posted.text)")
        return try #require(posted.object["id"] as? Int, "\(posted.text)")
    }

    /// The stored sentiment of each review, and of the idea comments.
    static func sentiments(_ database: Database) async throws -> (reviews: [Int: Double], comments: [Double]) {
        try await database.read { sql in
            var reviews: [Int: Double] = [:]
            for row in try await sql.raw("SELECT id, sentiment FROM reviews").all() {
                reviews[try row.decode(column: "id", as: Int.self)] = try row.decode(
                    column: "sentiment", as: Double?.self)
            }
            let comments = try await sql.raw("SELECT sentiment FROM idea_comments").all().compactMap {
                try $0.decode(column: "sentiment", as: Double?.self)
            }
            return (reviews, comments)
        }
    }
}
