import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@Suite struct IdeasAPITests {
    static func idea(_ title: String, _ changes: [String: Any] = [:]) -> ByteBuffer {
        var body: [String: Any] = [
            "title": title, "description": "Pouvoir louer un vélo cargo le samedi pour les courses.",
            "tags": ["Mobilité", "vélo"],
        ]
        body.merge(changes) { _, new in new }
        return json(body)
    }

    static func submit(_ client: any TestClientProtocol, _ token: String, _ body: ByteBuffer) async throws -> Int {
        let posted = try await client.execute(uri: "/api/v1/ideas", method: .post, headers: bearer(token), body: body)
        #expect(posted.status == .created, "\(posted.text)")
        return try #require(posted.object["id"] as? Int)
    }

    @Test(arguments: Backend.allCases)
    func membersSubmitIdeasAndBadInputChangesNothing(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let partner = try await PartnerOffersAPITests.partnerToken(client, database, slug: "cyclo")
            for (body, field) in [
                (Self.idea("Court"), "title"),
                (Self.idea("Un bon titre", ["description": "trop court"]), "description"),
                (Self.idea("Un bon titre", ["tags": ["a", "b"]]), "tags"),
                (Self.idea("Un bon titre", ["tags": ["un", "deux", "trois", "quatre", "cinq", "six"]]), "tags"),
                (Self.idea("Un bon titre", ["productID": 999]), "productID"),
                (Self.idea("Un bon titre", ["partnerID": 999]), "partnerID"),
                (Self.idea("Un bon titre", ["votes": 3]), "votes"),
                (Self.idea(String(repeating: "x", count: 2_000)), "title"),
                (Self.idea("Un titre avec \u{202E} dedans"), "title"),
            ] {
                expectProblem(
                    try await client.execute(uri: "/api/v1/ideas", method: .post, headers: bearer(alice), body: body),
                    .unprocessableContent, type: "validation", field: field)
            }
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/ideas", method: .post, headers: jsonHeaders, body: Self.idea("Un bon titre")),
                .unauthorized, type: "unauthenticated")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/ideas", method: .post, headers: bearer(partner), body: Self.idea("Un bon titre")),
                .forbidden, type: "forbidden")
            #expect(try await count("ideas", in: database) == 0)
            #expect(try await count("idea_supports", in: database) == 0)

            let partnerID = try await PartnerStore(database: database).partner(slug: "cyclo")!.id.rawValue
            let posted = try await client.execute(
                uri: "/api/v1/ideas", method: .post, headers: bearer(alice),
                body: Self.idea("Des vélos cargo <b>à louer</b>", ["partnerID": partnerID]))
            #expect(posted.status == .created, "\(posted.text)")
            #expect(posted.headers[.location] == "/api/v1/ideas/\(posted.object["id"] as? Int ?? 0)")
            #expect(posted.object["title"] as? String == "Des vélos cargo <b>à louer</b>")
            #expect(posted.object["tags"] as? [String] == ["mobilite", "velo"])
            #expect(posted.object["supports"] as? Int == 1 && posted.object["status"] as? String == "open")
            #expect((posted.object["partner"] as? [String: Any])?["name"] as? String == "cyclo")
            #expect(posted.object["supportedByMe"] as? Bool == true && posted.object["followedByMe"] as? Bool == true)
        }
    }

    @Test(arguments: Backend.allCases)
    func theBoardSortsFiltersSearchesAndPagesWithoutGaps(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let bruno = try await registerAndLogIn(client, "bruno")
            var ids: [Int] = []
            for title in ["Vélos cargo en location", "Consigne des bocaux", "Pièces détachées en vrac", "Atelier vélo"]
            {
                ids.append(try await Self.submit(client, alice, Self.idea(title)))
            }
            _ = try await client.execute(uri: "/api/v1/ideas/\(ids[1])/support", method: .put, headers: bearer(bruno))
            let top = try await client.execute(uri: "/api/v1/ideas?limit=2", method: .get, headers: bearer(bruno))
            let first = try #require(top.object["items"] as? [[String: Any]])
            #expect(first.map { $0["id"] as? Int } == [ids[1], ids[3]])
            #expect(first.map { $0["supportedByMe"] as? Bool } == [true, false])
            let cursor = try #require(top.object["nextCursor"] as? String)
            let next = try await client.execute(
                uri: "/api/v1/ideas?limit=2&cursor=\(cursor)", method: .get)
            #expect((next.object["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [ids[2], ids[0]])
            #expect(next.object["nextCursor"] == nil || next.object["nextCursor"] is NSNull)
            let new = try await client.execute(uri: "/api/v1/ideas?sort=new", method: .get)
            #expect((new.object["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == ids.reversed())
            let searched = try await client.execute(uri: "/api/v1/ideas?q=PIECES%20vrac", method: .get)
            #expect((searched.object["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [ids[2]])
            let tagged = try await client.execute(uri: "/api/v1/ideas?tag=Mobilit%C3%A9&status=open", method: .get)
            #expect((tagged.object["items"] as? [[String: Any]])?.count == 4)
            let similar = try await client.execute(
                uri: "/api/v1/ideas/similar?q=louer%20des%20v%C3%A9los%20cargo", method: .get)
            #expect((similar.object["items"] as? [[String: Any]])?.first?["id"] as? Int == ids[0])
            for (query, field) in [
                ("sort=best", "sort"), ("status=maybe", "status"), ("limit=0", "limit"), ("limit=51", "limit"),
                ("cursor=abc", "cursor"), ("productID=x", "productID"), ("overdue=yes", "overdue"),
            ] {
                expectProblem(
                    try await client.execute(uri: "/api/v1/ideas?\(query)", method: .get), .unprocessableContent,
                    type: "validation", field: field)
            }
            expectProblem(
                try await client.execute(uri: "/api/v1/ideas?overdue=true", method: .get, headers: bearer(alice)),
                .forbidden, type: "forbidden")
            let staff = try await DealsAPITests.staffToken(client, database)
            let overdue = try await client.execute(
                uri: "/api/v1/ideas?overdue=true", method: .get, headers: bearer(staff))
            #expect((overdue.object["items"] as? [[String: Any]])?.isEmpty == true)
            expectProblem(
                try await client.execute(uri: "/api/v1/ideas/999", method: .get), .notFound, type: "not-found")
        }
    }

    @Test(arguments: Backend.allCases)
    func supportsCountOnceAndStaffAnswersReachEverySupporterAndFollower(backend: Backend) async throws {
        try await withApp(backend, configure: { $0.ideas.supportThreshold = 5 }) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let id = try await Self.submit(client, alice, Self.idea("Des vélos cargo à louer"))
            var tokens: [String] = []
            for index in 0..<6 { tokens.append(try await registerAndLogIn(client, "member\(index)")) }
            // Each member sends their support three times at once.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for token in tokens.prefix(3) {
                    for _ in 0..<3 {
                        group.addTask {
                            let answer = try await client.execute(
                                uri: "/api/v1/ideas/\(id)/support", method: .put, headers: bearer(token))
                            #expect(answer.status == .ok, "\(answer.text)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            let shown = try await client.execute(uri: "/api/v1/ideas/\(id)", method: .get)
            #expect(shown.object["supports"] as? Int == 4 && shown.object["status"] as? String == "open")
            _ = try await client.execute(uri: "/api/v1/ideas/\(id)/follow", method: .put, headers: bearer(tokens[5]))
            let fifth = try await client.execute(
                uri: "/api/v1/ideas/\(id)/support", method: .put, headers: bearer(tokens[3]))
            #expect(fifth.object["status"] as? String == "under_review", "\(fifth.text)")
            #expect(fifth.object["reviewDeadline"] is String)

            let staff = try await DealsAPITests.staffToken(client, database)
            let before = try await count("idea_updates", in: database)
            for (body, status, type, field) in [
                (
                    ["answer": "Court."] as [String: Any], HTTPResponse.Status.unprocessableContent, "validation",
                    "answer"
                ),
                (
                    ["answer": "Une réponse assez longue.", "status": "someday"], .unprocessableContent, "validation",
                    "status"
                ),
                (["answer": "Une réponse assez longue.", "status": "open"], .conflict, "idea-transition", nil),
                (["answer": "Une réponse assez longue.", "extra": 1], .unprocessableContent, "validation", "extra"),
            ] {
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/ideas/\(id)/answers", method: .post, headers: bearer(staff), body: json(body)),
                    status, type: type, field: field)
            }
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/ideas/\(id)/answers", method: .post, headers: bearer(alice),
                    body: json(["answer": "Je réponds à ma propre idée.", "status": "planned"])),
                .forbidden, type: "forbidden")
            #expect(try await count("idea_updates", in: database) == before)

            let notified = try await count("notifications", in: database)
            let answered = try await client.execute(
                uri: "/api/v1/ideas/\(id)/answers", method: .post, headers: bearer(staff),
                body: json(["answer": "Prévu au printemps avec deux partenaires.", "status": "planned"]))
            #expect(answered.status == .ok, "\(answered.text)")
            #expect(answered.object["status"] as? String == "planned" && answered.object["decidedAt"] is String)
            let updates = try #require(answered.object["updates"] as? [[String: Any]])
            #expect(updates.map { $0["to"] as? String } == ["under_review", "planned"])
            #expect(updates.last?["staff"] as? String == "moderator")
            // alice, member0…member3 (supporters) and member5 (follower): six notifications.
            #expect(try await count("notifications", in: database) == notified + 6)
            let page = try await client.execute(
                uri: "/api/v1/notifications", method: .get, headers: bearer(tokens[5]))
            let item = try #require((page.object["items"] as? [[String: Any]])?.first)
            #expect((item["text"] as? String ?? "").contains("prévue"), "\(item)")
            #expect(item["link"] as? String == "/ideas/\(id)")

            let comment = try await client.execute(
                uri: "/api/v1/ideas/\(id)/comments", method: .post, headers: bearer(tokens[0]),
                body: json(["body": "Et pour les remorques ?"]))
            #expect(comment.status == .created)
            let commentID = try #require(comment.object["id"] as? Int)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/idea-comments/\(commentID)", method: .delete, headers: bearer(alice)),
                .forbidden, type: "forbidden")
            let deleted = try await client.execute(
                uri: "/api/v1/idea-comments/\(commentID)", method: .delete, headers: bearer(tokens[0]))
            #expect(deleted.status == .noContent)
            let comments = try await client.execute(uri: "/api/v1/ideas/\(id)/comments", method: .get)
            #expect((comments.object["items"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test(arguments: Backend.allCases)
    func staffMergeADuplicateAndItsSupportsCountOnce(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let bruno = try await registerAndLogIn(client, "bruno")
            let chloe = try await registerAndLogIn(client, "chloe")
            let original = try await Self.submit(client, alice, Self.idea("Consigne des bocaux en verre"))
            let duplicate = try await Self.submit(client, bruno, Self.idea("Consigner les bocaux du vrac"))
            for token in [bruno, chloe] {
                _ = try await client.execute(
                    uri: "/api/v1/ideas/\(original)/support", method: .put, headers: bearer(token))
            }
            _ = try await client.execute(
                uri: "/api/v1/ideas/\(duplicate)/support", method: .put, headers: bearer(chloe))
            let staff = try await DealsAPITests.staffToken(client, database)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/ideas/\(duplicate)/merge", method: .post, headers: bearer(alice),
                    body: json(["into": original])),
                .forbidden, type: "forbidden")
            for (body, field) in [
                (["into": duplicate] as [String: Any], "into"), (["into": "x"], "into"), ([:], "into"),
                (["into": original, "answer": "court"], "answer"),
            ] {
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/ideas/\(duplicate)/merge", method: .post, headers: bearer(staff), body: json(body)
                    ),
                    .unprocessableContent, type: "validation", field: field)
            }
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/ideas/\(duplicate)/merge", method: .post, headers: bearer(staff),
                    body: json(["into": 999])),
                .notFound, type: "not-found")
            let merged = try await client.execute(
                uri: "/api/v1/ideas/\(duplicate)/merge", method: .post, headers: bearer(staff),
                body: json(["into": original, "answer": "La même idée que la consigne des bocaux."]))
            #expect(merged.status == .ok, "\(merged.text)")
            // alice, bruno, chloe: three members however many supports they gave.
            #expect(merged.object["id"] as? Int == original && merged.object["supports"] as? Int == 3)
            let duplicatePage = try await client.execute(uri: "/api/v1/ideas/\(duplicate)", method: .get)
            #expect(duplicatePage.object["mergedInto"] as? Int == original)
            #expect(duplicatePage.object["supports"] as? Int == 0)
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/ideas/\(duplicate)/support", method: .put, headers: bearer(alice)),
                .conflict, type: "idea-merged")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/ideas/\(original)/merge", method: .post, headers: bearer(staff),
                    body: json(["into": duplicate])),
                .conflict, type: "idea-merged")
            let board = try await client.execute(uri: "/api/v1/ideas", method: .get)
            #expect((board.object["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [original])
        }
    }
}
