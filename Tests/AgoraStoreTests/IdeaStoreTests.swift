import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct IdeaStoreTests {
    static let settings = IdeaSettings(supportThreshold: 10, supportWindow: 30 * 86_400, responseDeadline: 7 * 86_400)

    static func members(_ database: Database, _ count: Int, prefix: String) async throws -> [Member] {
        var members: [Member] = []
        for index in 0..<count {
            members.append(
                try await MemberStore(database: database).register(MemberStoreTests.registration("\(prefix)\(index)")))
        }
        return members
    }

    static func staff(_ database: Database, _ handle: String = "staff") async throws -> Member {
        let member = try await MemberStore(database: database).register(MemberStoreTests.registration(handle))
        return try await MemberStore(database: database).setRole(of: member.id, to: .staff)
    }

    static func idea(_ title: String, by author: Member, _ ideas: IdeaStore) async throws -> Idea {
        try await ideas.submit(
            IdeaInput(title: title, description: "Une description assez longue pour passer les règles.", tags: []),
            by: author)
    }

    static func scalar(_ database: Database, _ query: SQLQueryString) async throws -> Int {
        try await database.read { sql in try await sql.raw(query).first()!.decode(column: "n", as: Int.self) }
    }

    @Test(arguments: Backend.allCases)
    func supportsCountOnceWhenSentTwiceAtOnceAndTheThresholdSendsTheIdeaIntoReviewOnce(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let ideas = IdeaStore(database: database, settings: Self.settings)
            let members = try await Self.members(database, 30, prefix: "m")
            let idea = try await Self.idea("Des vélos cargo à louer le week-end", by: members[0], ideas)
            #expect(idea.supports == 1 && idea.status == .open)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for member in members.dropFirst() {
                    for _ in 0..<2 { group.addTask { _ = try await ideas.support(idea.id, true, by: member) } }
                }
                try await group.waitForAll()
            }
            let after = try #require(try await ideas.idea(idea.id))
            #expect(after.supports == 30)
            #expect(
                try await Self.scalar(
                    database, "SELECT COUNT(*) AS n FROM idea_supports WHERE idea_id = \(bind: idea.id)")
                    == 30)
            #expect(after.status == .underReview)
            #expect(after.reviewDeadline == clock.now.addingTimeInterval(Self.settings.responseDeadline))
            let updates = try await ideas.updates(of: idea.id)
            #expect(updates.count == 1 && updates[0].staffHandle == nil && updates[0].to == .underReview)
            // Told once each: the ten supporters at the moment it crossed the threshold.
            #expect(
                try await Self.scalar(database, "SELECT COUNT(*) AS n FROM notifications WHERE kind = 'ideaUpdated'")
                    == 10)
            // Taking back a support twice at once counts once too.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 { group.addTask { _ = try await ideas.support(idea.id, false, by: members[5]) } }
                try await group.waitForAll()
            }
            #expect(try await ideas.idea(idea.id)?.supports == 29)
        }
    }

    @Test(arguments: Backend.allCases)
    func aMergeMovesSupportersAndFollowersWithoutCountingAnyoneTwice(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let ideas = IdeaStore(database: database, settings: .standard)
            let members = try await Self.members(database, 9, prefix: "m")
            let staff = try await Self.staff(database)
            let original = try await Self.idea("Une consigne pour les bocaux en verre", by: members[0], ideas)
            let duplicate = try await Self.idea("Consigner les bocaux en verre du rayon vrac", by: members[1], ideas)
            for member in members[2...5] { _ = try await ideas.support(original.id, true, by: member) }
            for member in members[4...8] { _ = try await ideas.support(duplicate.id, true, by: member) }
            _ = try await ideas.support(duplicate.id, true, by: members[0])
            try await ideas.follow(duplicate.id, true, by: members[7])
            // original: m0 m2 m3 m4 m5; duplicate: m1 m4 m5 m6 m7 m8 m0 → together m0…m8, nine members.
            await #expect(throws: StoreError.forbidden("error.staffOnly")) {
                _ = try await ideas.merge(duplicate.id, into: original.id, answer: nil, by: members[2])
            }
            await #expect(throws: ValidationError(field: "into", "error.idea.mergeIntoItself")) {
                _ = try await ideas.merge(duplicate.id, into: duplicate.id, answer: nil, by: staff)
            }
            // Two staff merging each way at the same instant: one merge happens, the other is refused.
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for (from, into) in [(duplicate.id, original.id), (original.id, duplicate.id)] {
                    group.addTask {
                        do {
                            _ = try await ideas.merge(from, into: into, answer: "Même idée, on regroupe.", by: staff)
                            return true
                        } catch StoreError.conflict("idea-merged") { return false }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let (kept, gone) =
                try await ideas.idea(original.id)?.mergedInto == nil
                ? (original.id, duplicate.id) : (duplicate.id, original.id)
            let merged = try #require(try await ideas.idea(gone))
            let survivor = try #require(try await ideas.idea(kept))
            #expect(merged.mergedInto == kept && merged.supports == 0)
            #expect(survivor.supports == 9)
            #expect(
                try await Self.scalar(
                    database, "SELECT COUNT(DISTINCT member_id) AS n FROM idea_supports WHERE idea_id = \(bind: kept)")
                    == 9)
            #expect(
                try await Self.scalar(database, "SELECT COUNT(*) AS n FROM idea_supports WHERE idea_id = \(bind: gone)")
                    == 0)
            #expect(try await ideas.standing(of: members[7].id, on: kept).follows)
            #expect(try await ideas.updates(of: gone).last?.mergedInto == kept)
            // The merged idea's supporters were told (its staff author of the merge was not).
            #expect(
                try await Self.scalar(database, "SELECT COUNT(*) AS n FROM notifications WHERE kind = 'ideaMerged'")
                    >= 5)
            await #expect(throws: StoreError.conflict("idea-merged")) {
                _ = try await ideas.support(gone, true, by: members[3])
            }
            let page = try await ideas.ideas(.init(), order: .top, limit: 10, after: nil)
            #expect(page.ideas.map(\.id) == [kept])
        }
    }

    @Test(arguments: Backend.allCases)
    func theWindowTheDeadlineAndStaffAnswersFollowTheSettings(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let settings = IdeaSettings(supportThreshold: 3, supportWindow: 86_400, responseDeadline: 2 * 86_400)
            let ideas = IdeaStore(database: database, settings: settings)
            let members = try await Self.members(database, 4, prefix: "m")
            let staff = try await Self.staff(database)
            let late = try await Self.idea("Une idée qui arrive trop tard", by: members[0], ideas)
            clock.advance(by: 86_400 + 1)
            for member in members[1...3] { _ = try await ideas.support(late.id, true, by: member) }
            #expect(try await ideas.idea(late.id)?.status == .open)

            let timely = try await Self.idea("Une idée soutenue à temps", by: members[0], ideas)
            for member in members[1...2] { _ = try await ideas.support(timely.id, true, by: member) }
            #expect(try await ideas.idea(timely.id)?.status == .underReview)
            clock.advance(by: 2 * 86_400 + 1)
            let overdue = try await ideas.ideas(.init(overdueAt: clock.now), order: .new, limit: 10, after: nil)
            #expect(overdue.ideas.map(\.id) == [timely.id] && overdue.ideas[0].isOverdue(at: clock.now))
            // Staff are told once per review, even by two instances at the same instant.
            let told = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 { group.addTask { try await ideas.notifyOverdue() } }
                return try await group.reduce(0, +)
            }
            #expect(told == 1)
            #expect(try await ideas.notifyOverdue() == 0)
            #expect(
                try await Self.scalar(
                    database,
                    "SELECT COUNT(*) AS n FROM notifications WHERE kind = 'ideaOverdue' AND member_id = \(bind: staff.id.rawValue)"
                ) == 1)
            #expect(
                try await Self.scalar(database, "SELECT COUNT(*) AS n FROM notifications WHERE kind = 'ideaOverdue'")
                    == 1)

            // The queue: the nearest deadline first, the overdue idea before a newer one in review; a
            // shorter queue still counts them all.
            let newer = try await Self.idea("Une autre idée soutenue à temps", by: members[1], ideas)
            for member in [members[0], members[2]] { _ = try await ideas.support(newer.id, true, by: member) }
            let queue = try await ideas.underReview(limit: 10)
            #expect(queue.ideas.map(\.id) == [timely.id, newer.id] && queue.total == 2)
            let short = try await ideas.underReview(limit: 1)
            #expect(short.ideas.map(\.id) == [timely.id] && short.total == 2)

            await #expect(throws: StoreError.forbidden("error.staffOnly")) {
                _ = try await ideas.answer(timely.id, "Nous allons le faire.", status: .planned, by: members[1])
            }
            await #expect(throws: ValidationError(field: "answer", "error.tooShort")) {
                _ = try await ideas.answer(timely.id, "Oui.", status: .planned, by: staff)
            }
            await #expect(throws: StoreError.conflict("idea-transition")) {
                _ = try await ideas.answer(timely.id, "Retour en arrière, impossible.", status: .open, by: staff)
            }
            #expect(try await ideas.updates(of: timely.id).count == 1)
            let planned = try await ideas.answer(
                timely.id, "Prévu pour le printemps, merci à tous.", status: .planned, by: staff)
            #expect(planned.status == .planned && planned.decidedAt == clock.now && !planned.isOverdue(at: clock.now))
            #expect(
                try await ideas.ideas(.init(overdueAt: clock.now), order: .new, limit: 10, after: nil).ideas.isEmpty)
            let kept = try await ideas.answer(timely.id, "Les travaux commencent en mars.", status: nil, by: staff)
            #expect(kept.status == .planned)
            let history = try await ideas.updates(of: timely.id)
            #expect(history.map(\.to) == [.underReview, .planned, .planned])
            #expect(history.last?.staffHandle == "staff" && history.last?.answer == "Les travaux commencent en mars.")
            let done = try await ideas.answer(timely.id, "C'est fait, venez voir !", status: .done, by: staff)
            await #expect(throws: StoreError.conflict("idea-closed")) {
                _ = try await ideas.support(done.id, false, by: members[1])
            }
            // Its supporters could not support a done idea: a duplicate is not merged into one either.
            await #expect(throws: StoreError.conflict("idea-closed")) {
                _ = try await ideas.merge(late.id, into: done.id, answer: nil, by: staff)
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func similarIdeasShareSignificantWordsIgnoringAccentsAndStopWords(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let ideas = IdeaStore(database: database)
            let author = try await Self.members(database, 1, prefix: "m")[0]
            let cargo = try await Self.idea("Des vélos cargo à louer le week-end", by: author, ideas)
            let parts = try await Self.idea("Livraison gratuite des pièces détachées", by: author, ideas)
            let both = try await Self.idea("Pièces détachées pour vélos cargo", by: author, ideas)
            #expect(try await ideas.similar(to: "louer un VELO cargo").map(\.id).first == cargo.id)
            #expect(Set(try await ideas.similar(to: "pieces").map(\.id)) == [parts.id, both.id])
            #expect(try await ideas.similar(to: "le la les de des pour une").isEmpty)
            #expect(try await ideas.similar(to: "\"OR * -) NEAR(").isEmpty)
            let search = try await ideas.ideas(.init(words: ["velos", "cargo"]), order: .new, limit: 10, after: nil)
            #expect(search.ideas.map(\.id) == [both.id, cargo.id])
        }
    }
}
