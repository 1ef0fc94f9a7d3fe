import AgoraDomain
import Foundation
import Testing

@Suite struct CommunityRulesTests {
    @Test func mentionsAreHandlesAfterAnAtSignButNotInsideAnEmailAddress() {
        #expect(CommentText.mentions(in: "Merci @Alice et @bruno_2, cf. contact@shop.fr") == ["alice", "bruno_2"])
        #expect(CommentText.mentions(in: "@al trop court, @alice @alice répétée") == ["alice"])
        let many = (1...9).map { "@member\($0)" }.joined(separator: " ")
        #expect(CommentText.mentions(in: many).count == CommentText.maximumMentions)
    }

    @Test func commentTextIsTrimmedBoundedAndFreeOfControlCharacters() throws {
        #expect(try CommentText.checked("  Bien vu !\n") == "Bien vu !")
        #expect(throws: ValidationError(field: "body", "error.required")) { try CommentText.checked("   ") }
        #expect(throws: ValidationError(field: "body", "error.tooLong", "2000")) {
            try CommentText.checked(String(repeating: "a", count: 2001))
        }
        #expect(throws: ValidationError(field: "body", "error.invalidValue")) { try CommentText.checked("a\u{202E}b") }
    }

    @Test func keywordsMatchWordBeginningsIgnoringCaseAndAccents() throws {
        let keyword = try Keyword.words("Vélo électrique")
        #expect(keyword == ["velo", "electrique"])
        #expect(Keyword.leadWord(keyword) == "electrique")
        let deal = TextFolding.words("VÉLOS ÉLECTRIQUES pliants à −30 %")
        #expect(Keyword.matches(keyword, in: deal))
        #expect(!Keyword.matches(try Keyword.words("vélo cargo"), in: deal))
        #expect(Keyword.prefixes(of: deal).contains("electrique"), "the lead word is found by one indexed lookup")
        #expect(throws: ValidationError.self) { try Keyword.words("!!") }
    }

    @Test func forMeRaisesGreenerProductsBySustainabilityWeight() {
        #expect(ForMeRanking.bonus(grade: .aPlus, sustainabilityWeight: 100) == 1)
        #expect(ForMeRanking.bonus(grade: .c, sustainabilityWeight: 100) == 0)
        #expect(ForMeRanking.bonus(grade: .f, sustainabilityWeight: 100) == -1)
        #expect(ForMeRanking.bonus(grade: .aPlus, sustainabilityWeight: 50) == 0.5)
        #expect(ForMeRanking.bonus(grade: .aPlus, sustainabilityWeight: 0) == 0)
        #expect(ForMeRanking.bonus(grade: nil, sustainabilityWeight: 100) == 0)
    }

    @Test func badgesComeAtTheirThresholds() {
        let fresh = Reputation.Standing(reputation: 0, hotDeals: 0, commentLikes: 0)
        #expect(fresh.badges.isEmpty)
        let earned = Reputation.Standing(reputation: 250, hotDeals: 10, commentLikes: 9)
        #expect(earned.badges.map(\.id) == ["firstHotDeal", "dealHunter", "trusted"])
    }

    @Test func newMembersFirstDealsWaitForApproval() {
        #expect(Moderation.needsApproval(role: .member, publishedDeals: 0))
        #expect(Moderation.needsApproval(role: .member, publishedDeals: 1))
        #expect(!Moderation.needsApproval(role: .member, publishedDeals: 2))
        #expect(!Moderation.needsApproval(role: .staff, publishedDeals: 0))
    }

    @Test func aListQueryNamesTheParameterAtFault() throws {
        let view = try DealView(query: ["sort": "top", "period": "month", "category": "velos-electriques"])
        #expect(view.sort == .top && view.period == .month && view.category == "velos-electriques")
        #expect(throws: ValidationError(field: "sort", "error.invalidValue")) { try DealView(query: ["sort": "best"]) }
        #expect(throws: ValidationError(field: "period", "error.invalidValue")) {
            try DealView(query: ["period": "year"])
        }
        #expect(throws: ValidationError(field: "partner", "error.invalidValue")) {
            try DealView(query: ["partner": "a'b"])
        }
    }

    @Test func topicsDeliverAnEventToItsWatchersAndThoseOfItsParent() {
        #expect(EventTopic.delivers("deals/42", to: ["deals"]))
        #expect(EventTopic.delivers("deals/42", to: ["deals/42"]))
        #expect(!EventTopic.delivers("deals/42", to: ["deals/4"]))
        #expect(!EventTopic.delivers("deals/420", to: ["deals/42"]))
        #expect(!EventTopic.delivers(nil, to: ["deals"]))
        #expect(EventTopic.delivers(nil, to: []), "no topics: everything")
        #expect(EventTopic.parse("deals,deals/42,notifications") == ["deals", "deals/42", "notifications"])
        #expect(EventTopic.parse("deals/../x?") == nil && EventTopic.parse("/deals") == nil)
    }
}
