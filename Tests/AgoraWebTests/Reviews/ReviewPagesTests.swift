import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Reviews as a browser without JavaScript uses them.
@Suite struct ReviewPagesTests {
    @Test func aMemberReviewsThroughTheFormAndThePageShowsTheLawsDisclosureAndTheIndex() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agora-pages-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withApp(configure: { $0.dataDirectory = folder }) { client, database in
            let (_, product) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop")
            try await registerAndLogIn(client, "alice")
            try await registerAndLogIn(client, "bruno")
            let alice = PagesTests.Browser(client)
            try await DealCommunityPagesTests.logIn(alice, "alice")
            let page = try await alice.get("/products/\(product)")
            #expect(page.text.contains("data-testid=\"review-disclosure\""))
            #expect(page.text.contains("Avis contrôlés") && page.text.contains("/about/reviews"))
            #expect(page.text.contains("/reviews/write?subject=product:\(product)"))
            let form = try await alice.get("/reviews/write?subject=product:\(product)")
            #expect(form.status == .ok && form.text.contains("review-form"))
            let refused = try await alice.post(
                "/reviews/write",
                [
                    "subject": "product:\(product)", "rating": "5", "title": "Top", "body": "Court",
                    "experiencedOn": "2026-05-01",
                ])
            #expect(refused.status == .unprocessableContent && refused.text.contains("aria-invalid=\"true\""))
            #expect(refused.text.contains("value=\"Top\""), "what was typed stays")
            #expect(try await count("reviews", in: database) == 0)
            let posted = try await alice.post(
                "/reviews/write",
                [
                    "subject": "product:\(product)", "rating": "5", "title": "Excellent <script>",
                    "body": "Très bon produit, vraiment solide, je le recommande sans hésiter.",
                    "experiencedOn": "2026-05-01", "boughtFrom": "",
                ])
            let location = try #require(posted.headers[.location])
            let shown = try await alice.get(location)
            #expect(shown.status == .seeOther)
            let productPage = try await alice.get(
                try #require(shown.headers[.location]).components(separatedBy: "#")[0])
            #expect(productPage.text.contains("Excellent &lt;script&gt;"), "output is escaped")
            #expect(productPage.text.contains("data-testid=\"notoriety-index\""))
            #expect(productPage.text.contains("expérience du 1 mai 2026"), "the date of the experience, in French")
            #expect(productPage.text.contains("Modifier mon avis"))

            let bruno = PagesTests.Browser(client)
            try await DealCommunityPagesTests.logIn(bruno, "bruno")
            let reviewID = try #require(Int(location.split(separator: "/").last ?? ""))
            #expect(try await bruno.post("/reviews/\(reviewID)/vote", ["helpful": "1"]).status == .seeOther)
            #expect(try await bruno.post("/products/\(product)/like", ["liked": "1"]).status == .seeOther)
            let flagged = try await bruno.post("/reviews/\(reviewID)/flag", ["reason": "fake", "note": "vu ailleurs"])
            #expect(flagged.headers[.location]?.contains("notice=flagged") == true)
            #expect(try await count("review_votes", in: database) == 1)
            #expect(try await count("likes", in: database) == 1)
            #expect(try await bruno.get("/me/likes").text.contains("/products/\(product)"))
            let delights = try await bruno.get("/members/alice/delights")
            #expect(delights.text.contains("Excellent &lt;script&gt;"))

            // A photo through the edit page's multipart form; a text file is refused by its bytes.
            let boundary = "agora-test-boundary"
            func multipart(_ bytes: [UInt8], filename: String) -> ByteBuffer {
                var body = Array(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(alice.csrf)\r\n".utf8)
                body += Array(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"\(filename)\"\r\nContent-Type: image/png\r\n\r\n"
                        .utf8)
                body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
                return ByteBuffer(bytes: body)
            }
            let headers: HTTPFields = [
                .contentType: "multipart/form-data; boundary=\(boundary)",
                .cookie: alice.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "),
            ]
            let text = try await client.execute(
                uri: "/reviews/\(reviewID)/photos", method: .post, headers: headers,
                body: multipart(Array("not an image".utf8), filename: "photo.png"))
            #expect(text.headers[.location]?.contains("photoError=format") == true)
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
            let uploaded = try await client.execute(
                uri: "/reviews/\(reviewID)/photos", method: .post, headers: headers,
                body: multipart(png, filename: "x.png"))
            #expect(uploaded.status == .seeOther && uploaded.headers[.location]?.contains("photoError") == false)
            #expect(try await count("review_photos", in: database) == 1)
            var forged = headers
            forged[.cookie] = "agora_session=\(alice.cookies["agora_session"] ?? "")"
            let withoutToken = try await client.execute(
                uri: "/reviews/\(reviewID)/photos", method: .post, headers: forged,
                body: multipart(png, filename: "x.png"))
            #expect(withoutToken.status == .forbidden, "a multipart form needs the CSRF token too")

            for path in ["/about/reviews", "/about/notoriety", "/rankings", "/rankings?kind=brand"] {
                let about = try await alice.get(path, language: "en")
                #expect(about.status == .ok, "\(path)")
            }
            #expect(try await alice.get("/about/notoriety").text.contains("data-testid=\"formula\""))
            #expect(try await alice.get("/rankings").text.contains("/products/\(product)"))
        }
    }

    @Test func aPartnerPageShowsItsReviewsAndItsMemberAnswers() async throws {
        try await withApp { client, database in
            let (_, _) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop")
            let alice = try await registerAndLogIn(client, "alice")
            let posted = try await client.execute(
                uri: "/api/v1/partners/shop/reviews", method: .post, headers: bearer(alice),
                body: ReviewsAPITests.review(2, ["title": "Livraison en retard"]))
            let id = try #require(posted.object["id"] as? Int)
            try await registerAndLogIn(client, "vendeur")
            let staff = try await DealsAPITests.staffToken(client, database)
            let partnerID = try await ReviewsAPITests.partnerID("shop", database)
            let attached = try await client.execute(
                uri: "/api/v1/partners/shop/members", method: .post, headers: bearer(staff),
                body: json(["handle": "vendeur"]))
            #expect(attached.status == .ok || attached.status == .created, "\(attached.text) \(partnerID)")
            let seller = PagesTests.Browser(client)
            try await DealCommunityPagesTests.logIn(seller, "vendeur")
            let page = try await seller.get("/partners/shop")
            #expect(page.status == .ok && page.text.contains("Livraison en retard"))
            #expect(page.text.contains("/reviews/\(id)/reply"), "the partner concerned sees the reply form")
            let replied = try await seller.post("/reviews/\(id)/reply", ["body": "Toutes nos excuses, un geste suit."])
            #expect(replied.status == .seeOther)
            #expect(try await seller.get("/partners/shop").text.contains("Toutes nos excuses"))
            #expect(try await PagesTests.Browser(client).get("/partners/nobody").status == .notFound)
        }
    }
}
