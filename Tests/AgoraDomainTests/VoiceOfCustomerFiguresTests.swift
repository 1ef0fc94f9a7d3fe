import AgoraDomain
import Foundation
import Testing

@Suite struct VoiceOfCustomerFiguresTests {
    typealias Period = ReportPeriod

    /// Midnight UTC of `2026-09-07`-style days.
    static func day(_ text: String) -> Date { try! Date(text + "T00:00:00Z", strategy: .iso8601) }

    @Test func thePeriodIsWholeUTCDaysWithTheLastNinetyByDefault() throws {
        let now = try Date("2026-11-27T15:30:00Z", strategy: .iso8601)
        let standard = try Period.checked(from: nil, to: nil, now: now, standardDays: 90)
        #expect(standard.to == Self.day("2026-11-28"), "today is included")
        #expect(standard.from == Self.day("2026-08-30"), "90 days before")
        let typed = try Period.checked(from: "2026-09-01", to: "2026-11-30", now: now, standardDays: 90)
        #expect(typed.from == Self.day("2026-09-01") && typed.to == Self.day("2026-12-01"))
        #expect(typed.contains(Self.day("2026-11-30").addingTimeInterval(86_399)) && !typed.contains(typed.to))
        #expect(
            try Period.checked(from: "2026-01-01", to: nil, now: now, standardDays: 90).to == Self.day("2026-04-01"))
        #expect(
            try Period.checked(from: "2024-01-01", to: "2024-12-31", now: now, standardDays: 90).from
                == Self.day("2024-01-01"))
    }

    @Test(
        arguments: [
            ("2026-02-30", "2026-03-10", "from"), ("2026-9-01", nil, "from"), ("demain", nil, "from"),
            ("２０２６-09-01", nil, "from"), (nil, "2026-13-01", "to"), ("2026-09-03", "2026-09-01", "to"),
            ("2026-09-02", "2026-09-01", "to"), ("2025-01-01", "2026-01-03", "to"),
        ] as [(String?, String?, String)])
    func badPeriodsAreRefusedOnTheirField(from: String?, to: String?, field: String) {
        #expect(throws: ValidationError.self) { try Period.checked(from: from, to: to, now: Date(), standardDays: 90) }
        do {
            _ = try Period.checked(from: from, to: to, now: Date(), standardDays: 90)
        } catch {
            #expect(error.field == field, "\(from ?? "-") \(to ?? "-"): \(error)")
        }
    }

    @Test func weeksStartOnMondayAndCoverThePeriod() {
        // 2026-09-01 is a Tuesday; 2026-09-07 a Monday.
        #expect(Period.weekStart(of: Self.day("2026-09-01").addingTimeInterval(3_600)) == Self.day("2026-08-31"))
        #expect(Period.weekStart(of: Self.day("2026-09-07")) == Self.day("2026-09-07"))
        #expect(Period.weekStart(of: Self.day("2026-09-13").addingTimeInterval(86_399)) == Self.day("2026-09-07"))
        #expect(
            Period.weekStart(of: Date(timeIntervalSince1970: -86_400 * 4)) == Self.day("1969-12-22"),
            "a Sunday before 1970")
        let period = try! Period(from: Self.day("2026-09-01"), to: Self.day("2026-09-15"))
        #expect(period.weekStarts == ["2026-08-31", "2026-09-07", "2026-09-14"].map(Self.day))
        #expect(Period.isoDay(Self.day("2026-09-07").addingTimeInterval(80_000)) == "2026-09-07")
    }

    @Test func theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        #expect(Statistics.median([Double]()) == nil)
        #expect(Statistics.median([7.0]) == 7)
        #expect(Statistics.median([9.0, 1, 5]) == 5)
        #expect(Statistics.median([4.0, 1, 10, 2]) == 3)
        // Amounts in minor units stay whole: the mean of 299 and 400 cents is rounded down.
        #expect(Statistics.median([Int64]()) == nil)
        #expect(Statistics.median([Int64(400), 100, 299, 999]) == 349)
        #expect(Statistics.median([Int64(5), 1, 9]) == 5)
    }

    @Test func figuresFollowTheirDefinitions() {
        let period = try! Period(from: Self.day("2026-09-01"), to: Self.day("2026-09-15"))
        let hour: TimeInterval = 3_600
        func review(
            _ day: String, _ rating: Int, _ sentiment: Double?, repliedAfter: TimeInterval? = nil, _ text: String? = nil
        )
            -> VoiceOfCustomer.ReviewFacts
        {
            let at = Self.day(day).addingTimeInterval(10 * hour)
            return .init(
                at: at, rating: rating, sentiment: sentiment, repliedAt: repliedAfter.map { at + $0 },
                criticalText: text)
        }
        let voice = VoiceOfCustomer(
            scope: .product(1), scopeName: "Vélo", period: period,
            reviews: [
                review("2026-09-01", 5, 0.8, repliedAfter: 2 * hour),
                review("2026-09-02", 2, -0.4, repliedAfter: 10 * hour, "Batterie faible"),
                review("2026-09-08", 1, nil, "Batterie morte, écran noir"),
                review("2026-09-09", 4, 0.2),
                review("2026-08-31", 1, -1, "hors période"),
            ],
            comments: [
                .init(at: Self.day("2026-09-03"), sentiment: -0.6, text: "L'écran reste noir"),
                .init(at: Self.day("2026-09-10"), sentiment: 0.4, text: "Bonne idée"),
                .init(at: Self.day("2026-09-11"), sentiment: nil, text: "pas encore lu"),
            ],
            ideas: [
                .init(submittedAt: Self.day("2026-09-01"), firstAnswerAt: Self.day("2026-09-02")),
                .init(submittedAt: Self.day("2026-09-05"), firstAnswerAt: nil),
                .init(submittedAt: Self.day("2026-09-06"), firstAnswerAt: Self.day("2026-09-09")),
                .init(submittedAt: Self.day("2026-09-20"), firstAnswerAt: Self.day("2026-09-21")),
            ],
            topIdeas: [])
        #expect(voice.reviews == 4, "the review of 31 August is outside the period")
        #expect(voice.averageRating == 3)
        // Reviews 0.8, −0.4, 0.2 and comments −0.6, 0.4: the unscored are left out.
        #expect(abs(voice.averageSentiment! - 0.08) < 1e-9)
        #expect(voice.weeks.map(\.reviews) == [2, 2, 0])
        #expect(voice.weeks.map(\.averageRating) == [3.5, 2.5, nil])
        #expect(voice.weeks.map(\.comments) == [1, 1, 0])
        #expect(abs(voice.weeks[0].averageSentiment! - (-0.2 / 3)) < 1e-9)
        #expect(abs(voice.weeks[1].averageSentiment! - 0.3) < 1e-9)
        #expect(voice.weeks[2].averageSentiment == nil)
        #expect(voice.delights == .init(count: 1, total: 4) && voice.delights.share == 0.25)
        #expect(voice.disappointments == .init(count: 2, total: 4) && voice.disappointments.share == 0.5)
        #expect(voice.criticalTexts == 3)
        #expect(voice.terms.prefix(2) == [.init(word: "batterie", texts: 2), .init(word: "ecran", texts: 2)])
        #expect(voice.partnerReplies.answered == .init(count: 2, total: 4))
        #expect(voice.partnerReplies.median == 6 * hour)
        #expect(voice.staffAnswers.answered == .init(count: 2, total: 3))
        #expect(voice.staffAnswers.median == 2 * 24 * hour)
    }

    @Test func withNothingToMeasureThereIsNoShareAverageOrMedian() {
        let period = try! Period(from: Self.day("2026-09-01"), to: Self.day("2026-09-02"))
        let voice = VoiceOfCustomer(
            scope: .site, scopeName: nil, period: period, reviews: [], comments: [], ideas: [], topIdeas: [])
        #expect(voice.averageRating == nil && voice.averageSentiment == nil)
        #expect(voice.delights.share == nil && voice.partnerReplies.median == nil && voice.staffAnswers.median == nil)
        #expect(voice.weeks.count == 1 && voice.weeks[0].reviews == 0 && voice.terms.isEmpty)
    }
}
