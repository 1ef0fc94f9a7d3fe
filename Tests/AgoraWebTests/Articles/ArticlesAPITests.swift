import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@Suite struct ArticlesAPITests {
    static func article(_ title: String, _ changes: [String: Any] = [:]) -> ByteBuffer {
        var body: [String: Any] = [
            "title": title, "body": "## Réparer\n\nUn **bon** guide, avec <script>alert(1)</script> en texte.",
            "link": "https://example.org/guide", "tags": ["Réparation", "vélo"],
        ]
        body.merge(changes) { _, new in new }
        return json(body)
    }

    @Test(arguments: Backend.allCases)
    func staffPartnersAndTrustedMembersPublishAndBadArticlesChangeNothing(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let newcomer = try await registerAndLogIn(client, "newcomer")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/articles", method: .post, headers: bearer(newcomer), body: Self.article("Mon guide")),
                .forbidden, type: "forbidden")
            let staff = try await DealsAPITests.staffToken(client, database)
            for (body, field) in [
                (Self.article("Abc"), "title"), (Self.article("Mon guide", ["body": "court"]), "body"),
                (Self.article("Mon guide", ["link": "javascript:alert(1)"]), "link"),
                (Self.article("Mon guide", ["tags": ["aa", "bb", "cc", "dd", "ee", "ff"]]), "tags"),
                (Self.article("Mon guide", ["author": "x"]), "author"),
            ] {
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/articles", method: .post, headers: bearer(staff), body: body),
                    .unprocessableContent, type: "validation", field: field)
            }
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/articles", method: .post, headers: jsonHeaders, body: Self.article("Mon guide")),
                .unauthorized, type: "unauthenticated")
            #expect(try await count("articles", in: database) == 0)

            let posted = try await client.execute(
                uri: "/api/v1/articles", method: .post, headers: bearer(staff),
                body: Self.article("Le guide de l'équipe"))
            #expect(posted.status == .created, "\(posted.text)")
            let html = try #require(posted.object["html"] as? String)
            #expect(
                html.contains("<strong>bon</strong>") && html.contains("&lt;script&gt;") && !html.contains("<script>"))
            #expect(posted.object["tags"] as? [String] == ["reparation", "velo"])
            let partner = try await PartnerOffersAPITests.partnerToken(client, database, slug: "atelier")
            let fromPartner = try await client.execute(
                uri: "/api/v1/articles", method: .post, headers: bearer(partner),
                body: Self.article("Nos conseils d'atelier"))
            #expect(fromPartner.status == .created && fromPartner.object["partner"] as? String == "atelier")
            try await database.execute("UPDATE members SET reputation = 150 WHERE handle = 'newcomer'")
            let trusted = try await client.execute(
                uri: "/api/v1/articles", method: .post, headers: bearer(newcomer),
                body: Self.article("Mon expérience", ["tags": ["vélo"]]))
            #expect(trusted.status == .created, "\(trusted.text)")
            let id = try #require(trusted.object["id"] as? Int)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/articles/\(id)", method: .put, headers: bearer(staff), body: Self.article("Réécrit")),
                .forbidden, type: "forbidden")
            let edited = try await client.execute(
                uri: "/api/v1/articles/\(id)", method: .put, headers: bearer(newcomer),
                body: Self.article("Mon expérience, suite"))
            #expect(edited.object["title"] as? String == "Mon expérience, suite" && edited.object["editedAt"] != nil)

            let byTag = try await client.execute(uri: "/api/v1/articles?tag=Vélo&sort=new", method: .get)
            #expect((byTag.object["items"] as? [[String: Any]])?.count == 3)
            let atelier = try await client.execute(uri: "/api/v1/articles?tag=atelier", method: .get)
            #expect((atelier.object["items"] as? [[String: Any]])?.isEmpty == true)
            expectProblem(
                try await client.execute(uri: "/api/v1/articles?sort=best", method: .get),
                .unprocessableContent, type: "validation", field: "sort")
        }
    }

    @Test(arguments: Backend.allCases)
    func likesCountOnceAtOnceAndCommentsRaiseAnArticleInTheHotOrder(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let staff = try await DealsAPITests.staffToken(client, database)
            var ids: [Int] = []
            for title in ["Premier article", "Second article"] {
                let posted = try await client.execute(
                    uri: "/api/v1/articles", method: .post, headers: bearer(staff), body: Self.article(title))
                ids.append(try #require(posted.object["id"] as? Int))
            }
            var readers: [String] = []
            for index in 0..<4 { readers.append(try await registerAndLogIn(client, "reader\(index)")) }
            let (likedID, allReaders) = (ids[0], readers)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for reader in allReaders + allReaders {
                    group.addTask {
                        let liked = try await client.execute(
                            uri: "/api/v1/articles/\(likedID)/like", method: .put, headers: bearer(reader))
                        #expect(liked.status == .ok, "\(liked.text)")
                    }
                }
                try await group.waitForAll()
            }
            let first = try await client.execute(uri: "/api/v1/articles/\(ids[0])", method: .get)
            #expect(first.object["likes"] as? Int == 4)
            let hot = try await client.execute(uri: "/api/v1/articles", method: .get)
            #expect((hot.object["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [ids[0], ids[1]])
            let new = try await client.execute(uri: "/api/v1/articles?sort=new", method: .get)
            #expect((new.object["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [ids[1], ids[0]])

            expectProblem(
                try await client.execute(
                    uri: "/api/v1/articles/\(ids[1])/comments", method: .post, headers: bearer(readers[0]),
                    body: json(["body": " "])),
                .unprocessableContent, type: "validation", field: "body")
            let commented = try await client.execute(
                uri: "/api/v1/articles/\(ids[1])/comments", method: .post, headers: bearer(readers[0]),
                body: json(["body": "Très utile, merci !"]))
            #expect(commented.status == .created)
            let commentID = try #require(commented.object["id"] as? Int)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/article-comments/\(commentID)", method: .delete, headers: bearer(readers[1])),
                .forbidden, type: "forbidden")
            let mine = try await client.execute(uri: "/api/v1/me/likes", method: .get, headers: bearer(readers[0]))
            #expect((mine.object["items"] as? [[String: Any]])?.first?["path"] as? String == "/articles/\(ids[0])")

            let removed = try await client.execute(
                uri: "/api/v1/moderation/articles/\(ids[0])/decision", method: .post, headers: bearer(staff),
                body: json(["decision": "remove"]))
            #expect(removed.object["status"] as? String == "removed")
            #expect(try await client.execute(uri: "/api/v1/articles/\(ids[0])", method: .get).status == .notFound)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/articles/\(ids[0])/like", method: .put, headers: bearer(readers[0])),
                .notFound, type: "not-found")
            #expect(try await count("likes", in: database) == 4, "a refused like wrote nothing")
        }
    }

    @Test func theFeedPagesWorkWithoutJavaScript() async throws {
        try await withApp { client, database in
            let staff = try await DealsAPITests.staffToken(client, database)
            let posted = try await client.execute(
                uri: "/api/v1/articles", method: .post, headers: bearer(staff),
                body: Self.article("Le guide de l'équipe"))
            let id = try #require(posted.object["id"] as? Int)
            try await registerAndLogIn(client, "alice")
            let alice = PagesTests.Browser(client)
            try await DealCommunityPagesTests.logIn(alice, "alice")
            let feed = try await alice.get("/articles")
            #expect(feed.text.contains("/articles/\(id)") && feed.text.contains("data-live-new-articles"))
            let page = try await alice.get("/articles/\(id)")
            #expect(page.text.contains("<strong>bon</strong>") && !page.text.contains("<script>alert"))
            #expect(try await alice.post("/articles/\(id)/like", ["liked": "1"]).status == .seeOther)
            #expect(
                try await alice.post("/articles/\(id)/comments", ["body": "Merci pour ce guide"]).status == .seeOther)
            let after = try await alice.get("/articles/\(id)")
            #expect(after.text.contains("Merci pour ce guide") && after.text.contains("♥ 1"))
            let refused = try await alice.post("/articles/new", ["title": "Mon article", "body": "Trop court"])
            #expect(refused.status == .unprocessableContent && refused.text.contains("value=\"Mon article\""))
            let notTrusted = try await alice.post(
                "/articles/new", ["title": "Mon article", "body": "Un texte assez long pour un article."])
            #expect(notTrusted.status == .forbidden, "alice has no reputation yet")
            #expect(try await alice.get("/articles?tag=velo").text.contains("/articles/\(id)"))
        }
    }
}
