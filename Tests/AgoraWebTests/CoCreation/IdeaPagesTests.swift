import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import AgoraWeb

/// The idea board as a browser without JavaScript uses it: the board, the submit form, an idea's
/// page with its support, answers and merge, and the staff's review queue.
@Suite struct IdeaPagesTests {
    /// Posts an idea through the API as the member of `token`; answers its id.
    static func idea(
        _ client: any TestClientProtocol, _ token: String, _ title: String,
        description: String = "Pouvoir louer un vélo cargo le samedi pour les courses.", tags: [String] = []
    ) async throws -> Int {
        let posted = try await client.execute(
            uri: "/api/v1/ideas", method: .post, headers: bearer(token),
            body: json(["title": title, "description": description, "tags": tags]))
        #expect(posted.status == .created, "\(posted.text)")
        return try #require(posted.object["id"] as? Int, "\(posted.text)")
    }

    /// Staff answer an idea through the API, moving it to `status`.
    static func answer(_ client: any TestClientProtocol, _ staff: String, _ id: Int, _ status: String) async throws {
        let answered = try await client.execute(
            uri: "/api/v1/ideas/\(id)/answers", method: .post, headers: bearer(staff),
            body: json(["answer": "Merci, nous y travaillons.", "status": status]))
        #expect(answered.status == .ok, "\(answered.text)")
    }

    static func status(of id: Int, in database: Database) async throws -> IdeaStatus? {
        try await IdeaStore(database: database).idea(Int64(id))?.status
    }

    @Test func theBoardExplainsItsRulesListsIdeasAndFiltersThem() async throws {
        try await withApp(configure: {
            $0.ideas = IdeaSettings(supportThreshold: 25, supportWindow: 45 * 86_400, responseDeadline: 9 * 86_400)
        }) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let cargo = try await Self.idea(client, alice, "Des vélos cargo à louer", tags: ["vélo"])
            let repair = try await Self.idea(
                client, alice, "Un atelier de réparation mensuel",
                description: "Apprendre à réparer son grille-pain avec des bénévoles.")
            try await Self.answer(client, try await DealsAPITests.staffToken(client, database), repair, "planned")

            let board = try await PagesTests.Browser(client).get("/ideas")
            #expect(board.status == .ok)
            #expect(board.text.contains("/ideas/\(cargo)") && board.text.contains("/ideas/\(repair)"))
            #expect(
                board.text.contains("25 soutiens dans les 45 jours") && board.text.contains("dans les 9 jours"),
                "the explanation uses the deployment's numbers: \(board.text)")
            #expect(board.text.contains("status-planned") && board.text.contains("prévue"))
            #expect(board.text.contains("1 soutien") && board.text.contains(#"href="/login""#))

            let planned = try await PagesTests.Browser(client).get("/ideas?status=planned")
            #expect(planned.text.contains("/ideas/\(repair)") && !planned.text.contains("/ideas/\(cargo)\""))
            #expect(planned.text.contains(#"<option value="planned" selected>"#))
            let tagged = try await PagesTests.Browser(client).get("/ideas?tag=velo")
            #expect(tagged.text.contains("/ideas/\(cargo)\"") && !tagged.text.contains("/ideas/\(repair)\""))
            let searched = try await PagesTests.Browser(client).get("/ideas?q=grille%20pain")
            #expect(searched.text.contains("/ideas/\(repair)\"") && !searched.text.contains("/ideas/\(cargo)\""))
            let newest = try await PagesTests.Browser(client).get("/ideas?sort=new")
            let first = try #require(newest.text.range(of: "/ideas/\(repair)\""))
            #expect(first.lowerBound < newest.text.range(of: "/ideas/\(cargo)\"")!.lowerBound, "newest first")
        }
    }

    @Test func theBoardPagesWithAMoreLink() async throws {
        try await withApp { client, _ in
            let alice = try await registerAndLogIn(client, "alice")
            for number in 1...21 { _ = try await Self.idea(client, alice, "Idée numéro \(number) pour Agora") }
            let first = try await PagesTests.Browser(client).get("/ideas?sort=new")
            let more = try #require(first.text.firstMatch(of: /href="(\/ideas\?sort=new&amp;cursor=[^"]+)" rel="next"/))
            let second = try await PagesTests.Browser(client).get(
                String(more.output.1).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.text.contains("Idée numéro 1 pour Agora") && !second.text.contains("Idée numéro 21"))
            #expect(!second.text.contains(#"rel="next""#))
        }
    }

    @Test func submittingThroughTheFormCreatesAnIdeaAndABadOneChangesNothing() async throws {
        try await withApp { client, database in
            let alice = try await CommercePagesTests.signedIn(client, "alice")
            let form = try await alice.get("/ideas/new")
            #expect(form.status == .ok && form.text.contains(#"id="idea-form""#))
            #expect(form.text.contains(#"<script src="/static/ideas.js" defer></script>"#))
            #expect(try await client.execute(uri: "/static/ideas.js", method: .get).status == .ok)
            #expect(try await PagesTests.Browser(client).get("/ideas/new").headers[.location] == "/login")

            let fields = [
                "title": "Des bornes de réparation", "description": "Des outils en libre-service devant les magasins.",
                "tags": "vélo, Ville",
            ]
            let forged = try await alice.post("/ideas", fields, csrf: false)
            #expect(forged.status == .forbidden)
            var short = fields
            short["title"] = "Bornes"
            let refused = try await alice.post("/ideas", short)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"id="idea-title-error""#) && refused.text.contains("Trop court."))
            #expect(refused.text.contains("Des outils en libre-service devant les magasins."), "what was typed is kept")
            #expect(try await count("ideas", in: database) == 0)

            let posted = try await alice.post("/ideas", fields)
            #expect(posted.status == .seeOther, "\(posted.text)")
            let id = try CommercePagesTests.id(in: posted.headers[.location], after: "/ideas/")
            let page = try await alice.get("/ideas/\(id)")
            #expect(page.text.contains("Des bornes de réparation") && page.text.contains("#velo"))
            #expect(page.text.contains("#ville") && page.text.contains("1 soutien"))
            #expect(page.text.contains(#"aria-pressed="true""#), "the author supports their idea from the start")
        }
    }

    @Test func checkingForSimilarIdeasShowsAnExistingOneAndSavesNothing() async throws {
        try await withApp { client, database in
            let bruno = try await registerAndLogIn(client, "bruno")
            let parking = try await Self.idea(
                client, bruno, "Des parkings vélo sécurisés", description: "Des abris fermés près des gares.")
            let alice = try await CommercePagesTests.signedIn(client, "alice")
            let checked = try await alice.post(
                "/ideas", ["intent": "check", "title": "Parking pour vélos", "description": "Près de la gare"])
            #expect(checked.status == .ok && checked.text.contains(#"data-testid="similar-ideas""#))
            #expect(checked.text.contains("/ideas/\(parking)") && checked.text.contains("Des parkings vélo sécurisés"))
            #expect(checked.text.contains(#"value="Parking pour vélos""#), "the form comes back filled in")
            #expect(try await count("ideas", in: database) == 1)

            let linked = try await alice.get("/ideas/new?title=parking%20velo")
            #expect(linked.text.contains("/ideas/\(parking)"))
            let unrelated = try await alice.post(
                "/ideas", ["intent": "check", "title": "Chocolat chaud", "description": "Gourmandise"])
            #expect(unrelated.text.contains("Aucune idée proche trouvée."))
        }
    }

    @Test func theProductPageLinksToTheFormWhichNamesTheProduct() async throws {
        try await withApp { client, database in
            let (_, product) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop")
            let alice = try await CommercePagesTests.signedIn(client, "alice")
            let page = try await alice.get("/products/\(product)")
            #expect(page.text.contains("/ideas/new?productID=\(product)"))
            let form = try await alice.get("/ideas/new?productID=\(product)")
            #expect(form.text.contains(#"data-testid="idea-about""#))
            #expect(form.text.contains(#"name="productID" value="\#(product)""#))
            let posted = try await alice.post(
                "/ideas",
                [
                    "title": "Une version plus légère", "description": "Le même appareil, mais 200 g de moins.",
                    "productID": String(product),
                ])
            let id = try CommercePagesTests.id(in: posted.headers[.location], after: "/ideas/")
            #expect(try await alice.get("/ideas/\(id)").text.contains(#"href="/products/\#(product)""#))
            #expect(try await alice.get("/ideas/new?productID=999999").text.contains("idea-about") == false)
        }
    }

    @Test func supportingFromThePageCountsOnceAndCommentsComeAndGo() async throws {
        try await withApp { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let id = try await Self.idea(client, alice, "Des vélos cargo à louer")
            let bruno = try await CommercePagesTests.signedIn(client, "bruno")
            for _ in 1...2 {
                let supported = try await bruno.post("/ideas/\(id)/support", ["supported": "1"])
                #expect(supported.status == .seeOther && supported.headers[.location] == "/ideas/\(id)#support")
            }
            #expect(try await IdeaStore(database: database).idea(Int64(id))?.supports == 2)
            let page = try await bruno.get("/ideas/\(id)")
            #expect(page.text.contains(#"data-testid="idea-supports">2 soutiens"#))
            #expect(page.text.contains(#"<input type="hidden" name="supported" value="0">"#))

            let fromBoard = try await bruno.post(
                "/ideas/\(id)/support", ["supported": "0", "returnTo": "/ideas?sort=new#idea-\(id)"])
            #expect(fromBoard.headers[.location] == "/ideas?sort=new#idea-\(id)")
            #expect(try await IdeaStore(database: database).idea(Int64(id))?.supports == 1)
            let offsite = try await bruno.post(
                "/ideas/\(id)/support", ["supported": "1", "returnTo": "//evil.example/ideas"])
            #expect(offsite.headers[.location] == "/ideas/\(id)#support")

            let followed = try await bruno.post("/ideas/\(id)/follow", ["following": "1"])
            #expect(followed.status == .seeOther)
            let member = try #require(try await MemberStore(database: database).member(handle: "bruno"))
            #expect(try await IdeaStore(database: database).standing(of: member.id, on: Int64(id)).follows)

            let commented = try await bruno.post("/ideas/\(id)/comments", ["body": "Oui, avec une remorque !"])
            #expect(commented.status == .seeOther)
            #expect(try await bruno.get("/ideas/\(id)").text.contains("Oui, avec une remorque !"))
            let empty = try await bruno.post("/ideas/\(id)/comments", ["body": "  "])
            #expect(empty.status == .unprocessableContent && empty.text.contains("Ce champ est obligatoire."))
            let comment = try #require(try await IdeaStore(database: database).comments(on: Int64(id)).first)
            let deleted = try await bruno.post("/idea-comments/\(comment.id)/delete", ["idea": String(id)])
            #expect(deleted.headers[.location] == "/ideas/\(id)#comments")
            #expect(!(try await bruno.get("/ideas/\(id)").text.contains("Oui, avec une remorque !")))
        }
    }

    @Test func aStaffAnswerThroughTheFormChangesTheStatusAndJoinsTheHistory() async throws {
        try await withApp { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let id = try await Self.idea(client, alice, "Des vélos cargo à louer")
            _ = try await DealsAPITests.staffToken(client, database)
            let staff = try await CommercePagesTests.signedIn(client, "moderator")
            let form = try await staff.get("/ideas/\(id)")
            #expect(form.text.contains(#"id="idea-answer-form""#) && form.text.contains("Garder le statut (ouverte)"))

            let short = try await staff.post("/ideas/\(id)/answer", ["answer": "Oui", "status": "planned"])
            #expect(short.status == .unprocessableContent && short.text.contains(#"data-testid="answer-error""#))
            #expect(try await Self.status(of: id, in: database) == .open)

            let answered = try await staff.post(
                "/ideas/\(id)/answer", ["answer": "Nous lançons un essai\ndès cet été.", "status": "planned"])
            #expect(answered.status == .seeOther && answered.headers[.location] == "/ideas/\(id)#history")
            #expect(try await Self.status(of: id, in: database) == .planned)
            let page = try await PagesTests.Browser(client).get("/ideas/\(id)")
            #expect(page.text.contains(#"data-testid="idea-status">prévue"#))
            #expect(page.text.contains("Réponse officielle de @moderator") && page.text.contains("ouverte → "))
            #expect(page.text.contains("Nous lançons un essai\ndès cet été."))

            let next = try await staff.get("/ideas/\(id)")
            #expect(
                !next.text.contains(#"<option value="open""#) && !next.text.contains(#"<option value="under_review""#))
            #expect(next.text.contains(#"<option value="in_progress""#), "only the statuses it may move to")
            let backwards = try await staff.post(
                "/ideas/\(id)/answer", ["answer": "Retour en arrière, finalement.", "status": "open"])
            #expect(backwards.status == .conflict && backwards.text.contains("ne peut pas passer"))
        }
    }

    @Test func membersWhoAreNotStaffCannotSeeTheQueueNorAnswer() async throws {
        try await withApp { client, database in
            let token = try await registerAndLogIn(client, "alice")
            let id = try await Self.idea(client, token, "Des vélos cargo à louer")
            let alice = try await CommercePagesTests.signedIn(client, "alice")
            let queue = try await alice.get("/admin/ideas")
            #expect(queue.status == .forbidden && queue.text.contains("<html"))
            let answer = try await alice.post(
                "/ideas/\(id)/answer", ["answer": "Je décide moi-même.", "status": "done"])
            #expect(answer.status == .forbidden)
            let merge = try await alice.post("/ideas/\(id)/merge", ["into": "1"])
            #expect(merge.status == .forbidden)
            #expect(try await Self.status(of: id, in: database) == .open)
            #expect(try await IdeaStore(database: database).updates(of: Int64(id)).isEmpty)
            #expect(!(try await alice.get("/ideas/\(id)").text.contains("idea-answer-form")))
            #expect(try await PagesTests.Browser(client).get("/admin/ideas").headers[.location] == "/login")
        }
    }

    @Test func theQueueShowsOverdueIdeasFirstWithTheirDaysLate() async throws {
        let clock = TestClock()
        try await withApp(configure: {
            $0.clock = clock
            $0.ideas = IdeaSettings(supportThreshold: 2, supportWindow: 30 * 86_400, responseDeadline: 7 * 86_400)
        }) { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let bruno = try await registerAndLogIn(client, "bruno")
            let late = try await Self.idea(client, alice, "Des vélos cargo à louer")
            let supported = try await client.execute(
                uri: "/api/v1/ideas/\(late)/support", method: .put, headers: bearer(bruno))
            #expect(supported.status == .ok, "\(supported.text)")
            #expect(try await Self.status(of: late, in: database) == .underReview)
            clock.advance(by: 8 * 86_400)
            let recent = try await Self.idea(client, bruno, "Un atelier de réparation mensuel")
            _ = try await client.execute(uri: "/api/v1/ideas/\(recent)/support", method: .put, headers: bearer(alice))
            _ = try await DealsAPITests.staffToken(client, database)
            let staff = try await CommercePagesTests.signedIn(client, "moderator")

            let queue = try await staff.get("/admin/ideas")
            #expect(queue.status == .ok)
            let overdue = try #require(queue.text.range(of: #"data-testid="overdue-ideas""#))
            let inTime = try #require(queue.text.range(of: #"data-testid="in-review-ideas""#))
            let lateAt = try #require(queue.text.range(of: "/ideas/\(late)#staff"))
            let recentAt = try #require(queue.text.range(of: "/ideas/\(recent)#staff"))
            #expect(overdue.lowerBound < lateAt.lowerBound && lateAt.lowerBound < inTime.lowerBound)
            #expect(inTime.lowerBound < recentAt.lowerBound)
            #expect(queue.text.contains("en retard d&#39;un jour"))
            #expect(queue.text.contains("7 jours restants"))
            let page = try await staff.get("/ideas/\(late)")
            #expect(
                page.text.contains(#"data-testid="idea-overdue""#) && page.text.contains(#"data-testid="review-due""#))
            #expect(page.text.contains("Passée à l&#39;étude"))
            let member = try await CommercePagesTests.signedIn(client, "alice")
            #expect(!(try await member.get("/ideas/\(late)").text.contains("idea-overdue")), "the marker is for staff")

            // The hourly pass tells staff, once, with a link to the answer form.
            #expect(try await IdeaStore(database: database).notifyOverdue() == 1)
            #expect(try await IdeaStore(database: database).notifyOverdue() == 0)
            let told = try await staff.get("/notifications")
            #expect(
                told.text.contains("L&#39;idée « Des vélos cargo à louer » a dépassé son délai de réponse")
                    && told.text.contains("/ideas/\(late)#staff"), "\(told.text)")
            #expect(!(try await member.get("/notifications").text.contains("délai de réponse")), "staff only")
        }
    }

    @Test func aMergedIdeaPointsToTheOriginalAndTakesNoMoreSupport() async throws {
        try await withApp { client, database in
            let alice = try await registerAndLogIn(client, "alice")
            let original = try await Self.idea(client, alice, "Des vélos cargo à louer")
            let duplicate = try await Self.idea(client, alice, "Louer des vélos cargo")
            _ = try await DealsAPITests.staffToken(client, database)
            let staff = try await CommercePagesTests.signedIn(client, "moderator")
            let itself = try await staff.post("/ideas/\(duplicate)/merge", ["into": String(duplicate)])
            #expect(itself.status == .unprocessableContent && itself.text.contains(#"data-testid="merge-error""#))
            let nowhere = try await staff.post("/ideas/\(duplicate)/merge", ["into": "#9999"])
            #expect(nowhere.status == .unprocessableContent && nowhere.text.contains("Introuvable."))

            let merged = try await staff.post(
                "/ideas/\(duplicate)/merge", ["into": "#\(original)", "note": "Même idée, même discussion."])
            #expect(merged.status == .seeOther && merged.headers[.location] == "/ideas/\(original)")

            let bruno = try await CommercePagesTests.signedIn(client, "bruno")
            let page = try await bruno.get("/ideas/\(duplicate)")
            #expect(page.text.contains(#"data-testid="merged-banner""#))
            #expect(page.text.contains(#"<a href="/ideas/\#(original)">#\#(original)</a>"#))
            #expect(!page.text.contains(#"data-testid="support""#) && !page.text.contains("idea-comment-form"))
            #expect(page.text.contains("Fusionnée par @moderator") && page.text.contains("Même idée, même discussion."))
            let refused = try await bruno.post("/ideas/\(duplicate)/support", ["supported": "1"])
            #expect(refused.status == .conflict && refused.text.contains("fusionnée avec une autre"))
            #expect(!(try await bruno.get("/ideas").text.contains("/ideas/\(duplicate)\"")), "the board leaves it out")
        }
    }

    @Test func pagesSpeakFrenchAndEnglish() async throws {
        try await withApp { client, _ in
            let alice = try await registerAndLogIn(client, "alice")
            let id = try await Self.idea(client, alice, "Des vélos cargo à louer")
            let browser = PagesTests.Browser(client)
            let french = try await browser.get("/ideas/\(id)")
            #expect(french.text.contains(#"<html lang="fr">"#) && french.text.contains("ouverte"))
            #expect(french.text.contains(#"<a href="/ideas">Idées</a>"#), "the navigation links to the board")
            let english = try await browser.get("/ideas", language: "en-GB,en;q=0.9")
            #expect(english.text.contains(#"<html lang="en">"#) && english.text.contains("The idea board"))
            #expect(english.text.contains("10 supports within 60 days") && english.text.contains("within 14 days"))
            let englishIdea = try await browser.get("/ideas/\(id)", language: "en")
            #expect(
                englishIdea.text.contains(#"data-testid="idea-status">open"#) && englishIdea.text.contains("1 support"))
        }
    }

    @Test func markupInATitleIsEscaped() async throws {
        try await withApp { client, _ in
            let alice = try await CommercePagesTests.signedIn(client, "alice")
            let posted = try await alice.post(
                "/ideas",
                [
                    "title": "Un <script>alert(1)</script> titre",
                    "description": "Une description <b>en gras</b>\net une autre ligne.",
                ])
            let id = try CommercePagesTests.id(in: posted.headers[.location], after: "/ideas/")
            for page in [try await alice.get("/ideas"), try await alice.get("/ideas/\(id)")] {
                #expect(page.text.contains("Un &lt;script&gt;alert(1)&lt;/script&gt; titre"))
                #expect(!page.text.contains("<script>alert(1)"))
            }
            let idea = try await alice.get("/ideas/\(id)")
            #expect(idea.text.contains("&lt;b&gt;en gras&lt;/b&gt;\net une autre ligne."))
        }
    }
}
