import Foundation
import Testing

@testable import AgoraDomain

@Suite struct ReviewRulesTests {
    let good = ReviewInput(
        rating: 4, title: "  Bon rapport qualité-prix ", body: "Livré vite, bien emballé, fonctionne parfaitement.",
        pros: " ", cons: "Notice en anglais", experiencedOn: "2026-03-01")

    @Test func aGoodReviewIsTrimmedAndEmptyProsDropped() throws {
        let checked = try ReviewRules.checked(good, today: "2026-03-02")
        #expect(checked.title == "Bon rapport qualité-prix")
        #expect(checked.pros == nil && checked.cons == "Notice en anglais")
    }

    @Test(arguments: [0, 6, -1])
    func ratingsOutsideOneToFiveAreRefused(rating: Int) {
        var input = good
        input.rating = rating
        #expect(throws: ValidationError(field: "rating", "error.review.rating")) {
            try ReviewRules.checked(input, today: "2026-03-02")
        }
    }

    @Test func textLengthsAndDatesAreBounded() {
        var input = good
        input.body = String(repeating: "a", count: 19)
        #expect(throws: ValidationError(field: "body", "error.review.bodyLength")) {
            try ReviewRules.checked(input, today: "2026-03-02")
        }
        input = good
        input.body = String(repeating: "é", count: 5001)
        #expect(throws: ValidationError(field: "body", "error.review.bodyLength")) {
            try ReviewRules.checked(input, today: "2026-03-02")
        }
        for (date, message) in [
            ("2026-02-29", "error.review.date"), ("1/3/2026", "error.review.date"),
            ("2026-03-03", "error.review.dateRange"),
            ("1999-12-31", "error.review.dateRange"),
        ] {
            input = good
            input.experiencedOn = date
            #expect(throws: ValidationError(field: "experiencedOn", message)) {
                try ReviewRules.checked(input, today: "2026-03-02")
            }
        }
        input = good
        input.title = "Bon\u{202E}txet"
        #expect(throws: ValidationError(field: "title", "error.invalidValue")) {
            try ReviewRules.checked(input, today: "2026-03-02")
        }
    }

    @Test func wilsonRanksManyVotesAboveFewPerfectOnes() {
        #expect(WilsonScore.lowerBound(positive: 0, total: 0) == 0)
        let twoOfTwo = WilsonScore.lowerBound(positive: 2, total: 2)
        let ninetyFiveOfHundred = WilsonScore.lowerBound(positive: 95, total: 100)
        #expect(twoOfTwo < ninetyFiveOfHundred)
        #expect(abs(twoOfTwo - 0.3424) < 0.001, "the published value for 2 of 2 at 95 %")
        #expect(abs(ninetyFiveOfHundred - 0.8882) < 0.001)
    }

    @Test func imagesAreKnownByTheirBytesAlone() {
        #expect(ImageFormat(sniffing: [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]) == .jpeg)
        #expect(ImageFormat(sniffing: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(ImageFormat(sniffing: Array("RIFF".utf8) + [1, 2, 3, 4] + Array("WEBP".utf8)) == .webp)
        #expect(ImageFormat(sniffing: Array("RIFF".utf8) + [1, 2, 3, 4] + Array("WAVE".utf8)) == nil)
        #expect(ImageFormat(sniffing: Array("<svg xmlns=".utf8)) == nil)
        #expect(ImageFormat(sniffing: Array("GIF89a".utf8)) == nil)
        #expect(ImageFormat(sniffing: []) == nil)
    }

    @Test func aSubjectWithNothingHasNoIndexAndVolumeSaturates() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        let empty = Notoriety.components(
            of: NotorietyTally(), recentReviews: 0, recentRatingSum: 0, priorMean: nil, now: now)
        #expect(empty.index == nil && empty.bayesianRating == Notoriety.neutralMean)
        var tally = NotorietyTally()
        for _ in 0..<150 { tally.count(rating: 5, publishedAt: now, sign: 1) }
        let many = Notoriety.components(of: tally, recentReviews: 150, recentRatingSum: 750, priorMean: 3, now: now)
        #expect(many.volume == 1)
        #expect(many.trend > 0, "150 new five-star reviews raise the rating")
        tally.count(rating: 5, publishedAt: now, sign: -1)
        #expect(tally.reviews == 149 && tally.histogram[4] == 149)
        #expect(ReviewSubject(key: "product:12") == .product(12))
        #expect(ReviewSubject(key: "partner:x") == nil && ReviewSubject(key: "deal:3") == nil)
    }
}
