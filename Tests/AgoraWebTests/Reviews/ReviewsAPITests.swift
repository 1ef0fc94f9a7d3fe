import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@Suite struct ReviewsAPITests {
    /// A partner selling one product (made from its feed); answers the partner's token and the product's id.
    static func sellingPartner(
        _ client: any TestClientProtocol, _ database: Database, slug: String, gtin: String = "4006381333931"
    ) async throws -> (token: String, productID: Int) {
        let token = try await PartnerOffersAPITests.partnerToken(client, database, slug: slug)
        let fed = try await client.execute(
            uri: "/api/v1/partner/offers", method: .put, headers: bearer(token),
            body: json(["offers": [PartnerOffersAPITests.offer("\(slug)-1", gtin: gtin)]]))
        #expect(fed.status == .ok, "\(fed.text)")
        let productID = try await database.read { sql in
            try await sql.raw("SELECT product_id FROM offers WHERE sku = \(bind: "\(slug)-1")").first()!.decode(
                column: "product_id", as: Int.self)
        }
        return (token, productID)
    }

    static func review(_ rating: Int = 4, _ changes: [String: Any] = [:]) -> ByteBuffer {
        var body: [String: Any] = [
            "rating": rating, "title": "Solide et bien fini",
            "body": "Je l'utilise tous les jours depuis trois mois, la batterie tient deux jours.",
            "pros": "Autonomie", "cons": "Un peu lourd", "experiencedOn": "2026-05-01",
        ]
        body.merge(changes) { _, new in new }
        return json(body)
    }

    static func post(
        _ client: any TestClientProtocol, _ token: String, product: Int, _ body: ByteBuffer = review()
    ) async throws -> Int {
        let posted = try await client.execute(
            uri: "/api/v1/products/\(product)/reviews", method: .post, headers: bearer(token), body: body)
        #expect(posted.status == .created, "\(posted.text)")
        return try #require(posted.object["id"] as? Int, "\(posted.text)")
    }

    @Test(arguments: Backend.allCases)
    func aMemberReviewsOnceAndBadReviewsChangeNothing(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let (_, product) = try await Self.sellingPartner(client, database, slug: "shop")
            let alice = try await registerAndLogIn(client, "alice")
            let uri = "/api/v1/products/\(product)/reviews"
            for (body, field) in [
                (Self.review(6), "rating"), (Self.review(4, ["body": "Trop court."]), "body"),
                (Self.review(4, ["title": ""]), "title"),
                (Self.review(4, ["experiencedOn": "2026-02-30"]), "experiencedOn"),
                (Self.review(4, ["experiencedOn": "2099-01-01"]), "experiencedOn"),
                (Self.review(4, ["stars": 5]), "stars"), (Self.review(4, ["boughtFrom": 999]), "boughtFrom"),
                (Self.review(4, ["body": String(repeating: "long ", count: 1001)]), "body"),
            ] {
                expectProblem(
                    try await client.execute(uri: uri, method: .post, headers: bearer(alice), body: body),
                    .unprocessableContent, type: "validation", field: field)
            }
            expectProblem(
                try await client.execute(uri: uri, method: .post, headers: jsonHeaders, body: Self.review()),
                .unauthorized, type: "unauthenticated")
            var english = bearer(alice)
            english[.acceptLanguage] = "en"
            let long = try await client.execute(
                uri: uri, method: .post, headers: english,
                body: Self.review(4, ["pros": String(repeating: "a", count: 1001)]))
            #expect(long.object["detail"] as? String == "This value is longer than 1000 characters.", "\(long.text)")
            let longer = try await client.execute(
                uri: uri, method: .post, headers: english,
                body: Self.review(4, ["pros": String(repeating: "a", count: 4001)]))
            #expect(
                longer.object["detail"] as? String == "This value is longer than 1000 characters.",
                "refused before the rule, the refusal still names the rule's maximum: \(longer.text)")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/products/999999/reviews", method: .post, headers: bearer(alice), body: Self.review()),
                .notFound, type: "not-found")
            #expect(try await count("reviews", in: database) == 0)
            #expect(try await count("notoriety", in: database) == 0, "nothing was counted for refused reviews")

            let id = try await Self.post(client, alice, product: product)
            expectProblem(
                try await client.execute(uri: uri, method: .post, headers: bearer(alice), body: Self.review(2)),
                .conflict, type: "conflict", field: "subject")
            #expect(try await count("reviews", in: database) == 1)

            let list = try await client.execute(uri: uri, method: .get)
            let items = try #require(list.object["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? Int } == [id])
            #expect(items.first?["experiencedOn"] as? String == "2026-05-01")
            #expect(items.first?["publishedAt"] != nil)
            let disclosure = try #require(list.object["disclosure"] as? [String: Any])
            #expect(disclosure["defaultOrder"] as? String == "helpful")
            #expect((disclosure["orders"] as? [String])?.contains("newest") == true)
            let notoriety = try await client.execute(uri: "/api/v1/products/\(product)/notoriety", method: .get)
            #expect(notoriety.object["reviews"] as? Int == 1)
            #expect((notoriety.object["histogram"] as? [String: Int])?["4"] == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func onlyTheAuthorEditsAndEveryVersionIsKept(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let (_, product) = try await Self.sellingPartner(client, database, slug: "shop")
            let alice = try await registerAndLogIn(client, "alice")
            let bob = try await registerAndLogIn(client, "bob")
            let id = try await Self.post(client, alice, product: product, Self.review(5))
            let changed = Self.review(
                2,
                [
                    "title": "Déçu après six mois",
                    "body": "L'écran s'est fendu sans choc, le service client ne répond pas.",
                ])
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/reviews/\(id)", method: .put, headers: bearer(bob), body: changed),
                .forbidden, type: "forbidden")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/reviews/\(id)", method: .put, headers: bearer(alice), body: Self.review(0)),
                .unprocessableContent, type: "validation", field: "rating")
            #expect(try await count("review_revisions", in: database) == 0)

            let edited = try await client.execute(
                uri: "/api/v1/reviews/\(id)", method: .put, headers: bearer(alice), body: changed)
            #expect(edited.status == .ok, "\(edited.text)")
            #expect(edited.object["rating"] as? Int == 2 && edited.object["editedAt"] != nil)
            expectProblem(
                try await client.execute(uri: "/api/v1/reviews/\(id)/history", method: .get, headers: bearer(bob)),
                .forbidden, type: "forbidden")
            let history = try await client.execute(
                uri: "/api/v1/reviews/\(id)/history", method: .get, headers: bearer(alice))
            let versions = try #require(history.object["versions"] as? [[String: Any]])
            #expect(versions.map { $0["rating"] as? Int } == [5])
            #expect(versions.first?["title"] as? String == "Solide et bien fini")
            let histogram =
                try await client.execute(uri: "/api/v1/products/\(product)/notoriety", method: .get)
                .object["histogram"] as? [String: Int]
            #expect(histogram?["5"] == 0 && histogram?["2"] == 1, "the edit moved the rating in the histogram")
        }
    }

    @Test(arguments: Backend.allCases)
    func onlyThePartnerConcernedReplies(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let (seller, product) = try await Self.sellingPartner(client, database, slug: "seller")
            let (other, _) = try await Self.sellingPartner(client, database, slug: "other", gtin: "73513537")
            let alice = try await registerAndLogIn(client, "alice")
            let onProduct = try await Self.post(
                client, alice, product: product,
                Self.review(3, ["boughtFrom": try await Self.partnerID("seller", database)]))
            let reply = json(["body": "Merci, nous vous contactons pour un échange."])
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/reviews/\(onProduct)/reply", method: .put, headers: bearer(other), body: reply),
                .forbidden, type: "forbidden")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/reviews/\(onProduct)/reply", method: .put, headers: bearer(alice), body: reply),
                .forbidden, type: "forbidden")
            let answered = try await client.execute(
                uri: "/api/v1/reviews/\(onProduct)/reply", method: .put, headers: bearer(seller), body: reply)
            #expect(answered.status == .ok, "\(answered.text)")
            #expect((answered.object["reply"] as? [String: Any])?["partner"] as? String == "seller")

            let onPartner = try await client.execute(
                uri: "/api/v1/partners/other/reviews", method: .post, headers: bearer(alice), body: Self.review(1))
            let partnerReview = try #require(onPartner.object["id"] as? Int, "\(onPartner.text)")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/reviews/\(partnerReview)/reply", method: .put, headers: bearer(seller), body: reply),
                .forbidden, type: "forbidden")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/reviews/\(partnerReview)/reply", method: .put, headers: bearer(other),
                    body: json(["body": "  "])),
                .unprocessableContent, type: "validation", field: "body")
            let replied = try await client.execute(
                uri: "/api/v1/reviews/\(partnerReview)/reply", method: .put, headers: bearer(other), body: reply)
            #expect(replied.status == .ok, "\(replied.text)")
            let notifications = try await client.execute(
                uri: "/api/v1/notifications", method: .get, headers: bearer(alice))
            #expect(notifications.text.contains("reviewReply"), "\(notifications.text)")
        }
    }

    static func partnerID(_ slug: String, _ database: Database) async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT id FROM partners WHERE slug = \(bind: slug)").first()!.decode(
                column: "id", as: Int.self)
        }
    }

    @Test(arguments: Backend.allCases)
    func helpfulVotesCountOnceEachEvenAtOnceAndRankByWilson(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let (_, product) = try await Self.sellingPartner(client, database, slug: "shop")
            let alice = try await registerAndLogIn(client, "alice")
            let bob = try await registerAndLogIn(client, "bob")
            let first = try await Self.post(client, alice, product: product)
            let second = try await Self.post(client, bob, product: product, Self.review(5))
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/reviews/\(first)/vote", method: .put, headers: bearer(alice),
                    body: json(["helpful": true])),
                .forbidden, type: "forbidden")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/reviews/\(first)/vote", method: .put, headers: bearer(bob),
                    body: json(["helpful": "yes"])),
                .unprocessableContent, type: "validation", field: "helpful")
            var voters: [String] = []
            for index in 0..<6 { voters.append(try await registerAndLogIn(client, "voter\(index)")) }
            // Everyone finds the second review helpful at once, twice each: six votes, no more, no fewer.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for voter in voters + voters {
                    group.addTask {
                        let answer = try await client.execute(
                            uri: "/api/v1/reviews/\(second)/vote", method: .put, headers: bearer(voter),
                            body: json(["helpful": true]))
                        #expect(answer.status == .ok, "\(answer.text)")
                    }
                }
                try await group.waitForAll()
            }
            _ = try await client.execute(
                uri: "/api/v1/reviews/\(first)/vote", method: .put, headers: bearer(voters[0]),
                body: json(["helpful": false]))
            let review = try await client.execute(uri: "/api/v1/reviews/\(second)", method: .get)
            #expect(review.object["helpful"] as? Int == 6 && review.object["unhelpful"] as? Int == 0)
            #expect(try await count("review_votes", in: database) == 7)
            let expected = WilsonScore.lowerBound(positive: 6, total: 6)
            #expect(abs((review.object["helpfulness"] as? Double ?? 0) - expected) < 1e-9)

            let helpful = try await client.execute(uri: "/api/v1/products/\(product)/reviews", method: .get)
            #expect((helpful.object["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [second, first])
            let lowest = try await client.execute(uri: "/api/v1/products/\(product)/reviews?order=lowest", method: .get)
            #expect((lowest.object["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [first, second])
            let paged = try await client.execute(
                uri: "/api/v1/products/\(product)/reviews?order=newest&limit=1", method: .get)
            let cursor = try #require(paged.object["next"] as? String)
            let rest = try await client.execute(
                uri: "/api/v1/products/\(product)/reviews?order=newest&limit=1&cursor=\(cursor)", method: .get)
            #expect((rest.object["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [first])
            expectProblem(
                try await client.execute(uri: "/api/v1/products/\(product)/reviews?order=best", method: .get),
                .unprocessableContent, type: "validation", field: "order")
        }
    }

    @Test(arguments: Backend.allCases)
    func photosAreCheckedByTheirBytesAndServedWithTheirType(backend: Backend) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agora-photos-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withApp(backend, configure: { $0.dataDirectory = folder }) { client, database in
            let (_, product) = try await Self.sellingPartner(client, database, slug: "shop")
            let alice = try await registerAndLogIn(client, "alice")
            let bob = try await registerAndLogIn(client, "bob")
            let id = try await Self.post(client, alice, product: product)
            let uri = "/api/v1/reviews/\(id)/photos"
            let html = ByteBuffer(string: "<html><script>alert(1)</script></html>")
            let lying: HTTPFields = [.authorization: "Bearer \(alice)", .contentType: "image/png"]
            expectProblem(
                try await client.execute(uri: uri, method: .post, headers: lying, body: html),
                .unprocessableContent, type: "validation", field: "photo")
            let png = ByteBuffer(
                bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100))
            expectProblem(
                try await client.execute(
                    uri: uri, method: .post, headers: [.authorization: "Bearer \(bob)"], body: png),
                .notFound, type: "not-found")
            let tooBig = ByteBuffer(bytes: [0xFF, 0xD8, 0xFF] + Array(repeating: 0, count: ImageFormat.maximumBytes))
            expectProblem(
                try await client.execute(
                    uri: uri, method: .post, headers: [.authorization: "Bearer \(alice)"], body: tooBig),
                .contentTooLarge, type: "too-large")
            #expect(try await count("review_photos", in: database) == 0)

            let added = try await client.execute(
                uri: uri, method: .post, headers: [.authorization: "Bearer \(alice)", .contentType: "text/plain"],
                body: png)
            #expect(added.status == .created, "\(added.text)")
            let url = try #require(added.object["url"] as? String)
            let served = try await client.execute(uri: url, method: .get)
            #expect(served.status == .ok && served.headers[.contentType] == "image/png")
            #expect(served.headers[.xContentTypeOptions] == "nosniff")
            #expect(Array(buffer: served.body) == Array(buffer: png))
            for index in 1..<4 {
                let webp = ByteBuffer(bytes: Array("RIFF".utf8) + [0, 0, 0, UInt8(index)] + Array("WEBP".utf8))
                let more = try await client.execute(
                    uri: uri, method: .post, headers: [.authorization: "Bearer \(alice)"], body: webp)
                #expect(more.status == .created, "\(more.text)")
            }
            expectProblem(
                try await client.execute(
                    uri: uri, method: .post, headers: [.authorization: "Bearer \(alice)"], body: png),
                .unprocessableContent, type: "validation", field: "photo")
            #expect(try await count("review_photos", in: database) == 4)
            let photoID = try #require(added.object["id"] as? Int)
            let removed = try await client.execute(
                uri: "\(uri)/\(photoID)", method: .delete, headers: [.authorization: "Bearer \(alice)"])
            #expect(removed.status == .noContent)
            #expect(try await client.execute(uri: url, method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/media/photos/..%2Fagora.sqlite", method: .get).status == .notFound)
        }
    }

    @Test(arguments: Backend.allCases)
    func harmfulFlagsHideAReviewUntilStaffDecide(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let (_, product) = try await Self.sellingPartner(client, database, slug: "shop")
            let alice = try await registerAndLogIn(client, "alice")
            let bob = try await registerAndLogIn(client, "bob")
            let id = try await Self.post(client, alice, product: product)
            let flags = "/api/v1/reviews/\(id)/flags"
            expectProblem(
                try await client.execute(
                    uri: flags, method: .post, headers: bearer(bob), body: json(["reason": "ugly"])),
                .unprocessableContent, type: "validation", field: "reason")
            let fake = try await client.execute(
                uri: flags, method: .post, headers: bearer(bob),
                body: json(["reason": "fake", "note": "copié ailleurs"]))
            #expect(fake.status == .accepted)
            #expect(
                try await client.execute(uri: "/api/v1/reviews/\(id)", method: .get).status == .ok, "fake: still shown")
            expectProblem(
                try await client.execute(
                    uri: flags, method: .post, headers: bearer(bob), body: json(["reason": "fake"])),
                .conflict, type: "conflict", field: "reason")
            _ = try await client.execute(
                uri: flags, method: .post, headers: bearer(bob), body: json(["reason": "personalData"]))
            #expect(try await client.execute(uri: "/api/v1/reviews/\(id)", method: .get).status == .notFound)
            let hidden = try await client.execute(uri: "/api/v1/products/\(product)/notoriety", method: .get)
            #expect(hidden.object["reviews"] as? Int == 0, "a hidden review does not count")
            expectProblem(
                try await client.execute(uri: "/api/v1/moderation/reviews", method: .get, headers: bearer(bob)),
                .forbidden, type: "forbidden")
            let staff = try await DealsAPITests.staffToken(client, database)
            let queue = try await client.execute(
                uri: "/api/v1/moderation/reviews", method: .get, headers: bearer(staff))
            let entry = try #require((queue.object["items"] as? [[String: Any]])?.first)
            #expect((entry["flags"] as? [String: Int]) == ["fake": 1, "personalData": 1])
            let kept = try await client.execute(
                uri: "/api/v1/moderation/reviews/\(id)/decision", method: .post, headers: bearer(staff),
                body: json(["decision": "restore", "note": "pas de donnée personnelle"]))
            #expect(kept.status == .ok && kept.object["status"] as? String == "published", "\(kept.text)")
            let shown = try await client.execute(uri: "/api/v1/products/\(product)/notoriety", method: .get)
            #expect(shown.object["reviews"] as? Int == 1)
            // Kept by staff: the same member cannot flag it again for the same reason, and a new
            // harmful flag no longer hides it (it waits in the queue).
            expectProblem(
                try await client.execute(
                    uri: flags, method: .post, headers: bearer(bob), body: json(["reason": "personalData"])),
                .conflict, type: "conflict", field: "reason")
            let carol = try await registerAndLogIn(client, "carol")
            _ = try await client.execute(
                uri: flags, method: .post, headers: bearer(carol), body: json(["reason": "offensive"]))
            #expect(try await client.execute(uri: "/api/v1/reviews/\(id)", method: .get).status == .ok)
            let audit = try await client.execute(uri: "/api/v1/moderation/audit", method: .get, headers: bearer(staff))
            #expect(audit.text.contains("review.restore"), "\(audit.text)")
            let verified = try await client.execute(
                uri: "/api/v1/reviews/\(id)/verified", method: .put, headers: bearer(staff))
            #expect(verified.object["verifiedPurchase"] as? String == "staff")
            expectProblem(
                try await client.execute(uri: "/api/v1/reviews/\(id)/verified", method: .put, headers: bearer(alice)),
                .forbidden, type: "forbidden")
        }
    }

    @Test func starsThatContradictTheTextGoToStaff() async throws {
        try await withApp { client, database in
            let (_, product) = try await Self.sellingPartner(client, database, slug: "shop")
            let alice = try await registerAndLogIn(client, "alice")
            let bruno = try await registerAndLogIn(client, "bruno")
            let angry = Self.review(
                5,
                [
                    "title": "Horrible", "body": "Vraiment nul, horrible et inutile. Le pire achat, je déteste.",
                    "pros": "", "cons": "",
                ])
            let contradicted = try await Self.post(client, alice, product: product, angry)
            _ = try await Self.post(client, bruno, product: product, Self.review(5, ["title": "Excellent"]))
            let staff = try await DealsAPITests.staffToken(client, database)
            let queue = try await client.execute(
                uri: "/api/v1/moderation/reviews", method: .get, headers: bearer(staff))
            let items = try #require(queue.object["items"] as? [[String: Any]])
            #expect(items.map { ($0["review"] as? [String: Any])?["id"] as? Int } == [contradicted], "\(queue.text)")
            #expect(items.first?["starsAndTextDisagree"] as? Bool == true)
            let review = try await client.execute(uri: "/api/v1/reviews/\(contradicted)", method: .get)
            #expect((review.object["sentiment"] as? Double ?? 0) <= -0.5)
        }
    }
}
