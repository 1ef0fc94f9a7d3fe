import AgoraDomain
import Foundation
import Testing

@Suite struct TemperatureTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let day: TimeInterval = 86_400

    func voter(daysAgo: Double, reputation: Int = 0) -> Temperature.Voter {
        Temperature.Voter(memberSince: now.addingTimeInterval(-daysAgo * day), reputation: reputation)
    }

    @Test func newMembersWeighLittleAndSeniorityAndReputationAddUpToOneAndAHalf() {
        #expect(Temperature.weight(of: voter(daysAgo: 0), at: now) == 0.25)
        #expect(Temperature.weight(of: voter(daysAgo: 15), at: now) == 0.625)
        #expect(Temperature.weight(of: voter(daysAgo: 30), at: now) == 1)
        #expect(Temperature.weight(of: voter(daysAgo: 400, reputation: 250), at: now) == 1.25)
        #expect(Temperature.weight(of: voter(daysAgo: 400, reputation: 90_000), at: now) == 1.5, "the bonus is capped")
        #expect(Temperature.weight(of: voter(daysAgo: 400, reputation: -50), at: now) == 1, "no malus below zero")
    }

    @Test func twentyFiveEstablishedMembersMakeADealHotAndAHundredNewAccountsDoNot() {
        let established = Temperature.weight(of: voter(daysAgo: 60), at: now)
        let fresh = Temperature.weight(of: voter(daysAgo: 0), at: now)
        let posted = now.addingTimeInterval(-3600)
        let warm = (0..<25).reduce(0.0) { sum, _ in sum + Temperature.move(.hot, weight: established) }
        #expect(Temperature.shown(warm, postedAt: posted, now: now) == .degrees(100, isHot: true))
        let swarm = (0..<99).reduce(0.0) { sum, _ in sum + Temperature.move(.hot, weight: fresh) }
        #expect(Temperature.shown(swarm, postedAt: posted, now: now) == .degrees(99, isHot: false))
        #expect(Temperature.move(.cold, weight: established) == -4)
    }

    @Test func aDealsTemperatureIsHiddenForItsFirstTenMinutes() {
        #expect(Temperature.shown(250, postedAt: now.addingTimeInterval(-599), now: now) == .new)
        #expect(Temperature.shown(250, postedAt: now.addingTimeInterval(-600), now: now) == .degrees(250, isHot: true))
    }
}

@Suite struct HotScoreTests {
    let posted = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func twelveAndAHalfHoursLaterIsWorthTenTimesTheTemperature() {
        let earlier = HotScore.score(temperature: 100, rankedAt: posted)
        let later = HotScore.score(temperature: 10, rankedAt: posted.addingTimeInterval(45_000))
        #expect(abs(earlier - later) < 1e-9)
    }

    @Test func theScoreFollowsTheWrittenFormulaAndColdDealsSink() {
        let seconds = posted.timeIntervalSince(HotScore.epoch)
        #expect(abs(HotScore.score(temperature: 1_000, rankedAt: posted) - (3 + seconds / 45_000)) < 1e-9)
        #expect(abs(HotScore.score(temperature: -100, rankedAt: posted) - (-2 + seconds / 45_000)) < 1e-9)
        #expect(HotScore.score(temperature: 0.5, rankedAt: posted) == HotScore.score(temperature: 0, rankedAt: posted))
        #expect(HotScore.score(temperature: -20, rankedAt: posted) < HotScore.score(temperature: 0, rankedAt: posted))
    }

    @Test func theOrderOfTwoDealsChangesOnlyWhenOneOfThemIsVotedOn() {
        // No "now" in the score: the same deals keep the same order whenever it is read.
        let old = (temperature: 300.0, at: posted)
        let young = (temperature: 20.0, at: posted.addingTimeInterval(20_000))
        let first = HotScore.score(temperature: old.temperature, rankedAt: old.at)
        let second = HotScore.score(temperature: young.temperature, rankedAt: young.at)
        #expect(first > second)
        let warmer = HotScore.score(temperature: young.temperature + 300, rankedAt: young.at)
        #expect(warmer > first, "votes on the younger deal lift it above the older one")
    }
}

@Suite struct VotePolicyTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let me = MemberID(1)
    let author = MemberID(2)

    func refusal(_ direction: VoteDirection = .hot, expired: Bool = false, recent: [VotePolicy.RecentVote] = [])
        -> VotePolicy.Refusal?
    {
        VotePolicy.refusal(
            voter: me, authorID: author, direction: direction, dealExpired: expired, recent: recent, now: now)
    }

    @Test func membersCannotVoteOnTheirOwnDealsNorOnExpiredOnes() {
        #expect(
            VotePolicy.refusal(voter: me, authorID: me, direction: .hot, dealExpired: false, recent: [], now: now)
                == .ownDeal)
        #expect(refusal(expired: true) == .expired)
        #expect(refusal() == nil)
    }

    @Test func sixtyVotesAnHourIsTheLimit() {
        let busy = (0..<60).map {
            VotePolicy.RecentVote(
                at: now.addingTimeInterval(-Double($0) * 50), authorID: MemberID(100 + Int64($0)), direction: .hot)
        }
        #expect(refusal(recent: busy) == .tooFast)
        #expect(refusal(recent: Array(busy.dropLast())) == nil)
        let yesterday = busy.map {
            VotePolicy.RecentVote(at: $0.at.addingTimeInterval(-3600), authorID: $0.authorID, direction: .hot)
        }
        #expect(refusal(recent: yesterday) == nil, "votes older than an hour do not count against the rate")
    }

    @Test func tenColdVotesOnOneAuthorInADayAreTakenAsTargetingThem() {
        let targeted = (0..<10).map {
            VotePolicy.RecentVote(at: now.addingTimeInterval(-Double($0) * 3000), authorID: author, direction: .cold)
        }
        #expect(refusal(.cold, recent: targeted) == .targeting)
        #expect(refusal(.hot, recent: targeted) == nil, "the other way is not the pattern")
        #expect(refusal(.cold, recent: Array(targeted.dropLast())) == nil)
    }
}

@Suite struct DealInputTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func deal(_ changes: [String: String]) throws(ValidationError) -> DealInput {
        var fields = [
            "title": "Lave-linge 8 kg à 349 €", "price": "349", "shipping": "0", "merchant": "Boutique du coin",
            "url": "https://shop.example/lave-linge",
        ]
        fields.merge(changes) { _, new in new }
        return try DealInput(fields: fields, now: now)
    }

    func fault(_ changes: [String: String]) -> String? {
        do {
            _ = try deal(changes)
            return nil
        } catch {
            return "\(error.field) \(error.message)"
        }
    }

    @Test func aDealNeedsATitleAPriceAndAMerchant() throws {
        let valid = try deal([:])
        #expect(valid.kind == .deal && valid.total == Money(minorUnits: 34_900, currency: "EUR"))
        #expect(valid.merchant == .named("Boutique du coin"))
        #expect(try deal(["partner": "maison-verte"]).merchant == .partner(slug: "maison-verte"))
        #expect(fault(["title": "Top"]) == "title error.tooShort")
        #expect(fault(["title": String(repeating: "a", count: 141)]) == "title error.tooLong")
        #expect(fault(["price": ""]) == "price error.required")
        #expect(fault(["price": "3,999"]) == "price error.money.format")
        #expect(fault(["merchant": ""]) == "merchant error.required")
        #expect(fault(["url": "javascript:alert(1)"]) == "url error.url")
        #expect(fault(["title": "Lave-linge\u{202E} 8 kg"]) == "title error.invalidValue")
        #expect(fault(["kind": "bargain"]) == "kind error.invalidValue")
    }

    @Test func vouchersCarryACodeAndFreebiesCostNothing() throws {
        #expect(fault(["kind": "voucher", "price": ""]) == "promoCode error.required")
        #expect(try deal(["kind": "voucher", "price": "", "promoCode": "HIVER10"]).promoCode == "HIVER10")
        #expect(fault(["kind": "voucher", "promoCode": "HIVER 10"]) == "promoCode error.invalidValue")
        #expect(try deal(["kind": "freebie", "price": ""]).price == Money(minorUnits: 0, currency: "EUR"))
        #expect(fault(["kind": "freebie", "price": "5"]) == "price error.deal.freebiePrice")
    }

    @Test func aDealEndsInTheFutureAfterItStartsAndWithinAYear() throws {
        let ending = try deal(["startsAt": "2026-06-01", "endsAt": "2026-06-30T18:00:00Z"])
        #expect(ending.endsAt == ISO8601DateFormatter().date(from: "2026-06-30T18:00:00Z"))
        #expect(fault(["endsAt": "2026-05-01"]) == "endsAt error.deal.endsInPast")
        #expect(fault(["endsAt": "2028-01-01"]) == "endsAt error.deal.endsTooLate")
        #expect(fault(["startsAt": "2026-07-01", "endsAt": "2026-06-30"]) == "endsAt error.deal.endsBeforeStart")
        #expect(fault(["endsAt": "next week"]) == "endsAt error.date.format")
    }
}
