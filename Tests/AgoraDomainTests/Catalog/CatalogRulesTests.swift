import AgoraDomain
import Foundation
import Testing

@Suite struct MoneyTests {
    @Test(
        arguments: [("12", 1200), ("12.5", 1250), ("12,50", 1250), ("0.07", 7), ("1999.99", 199_999)]
            as [(String, Int64)])
    func decimalAmountsBecomeMinorUnits(text: String, expected: Int64) throws {
        #expect(
            try Money.parse(decimal: text, currency: "eur", field: "price")
                == Money(minorUnits: expected, currency: "EUR"))
    }

    @Test(arguments: ["", "-1", "1.234", "abc", "1e3", "12.", ".5", "1 000"])
    func malformedAmountsAreRefused(text: String) {
        #expect(throws: ValidationError.self) { try Money.parse(decimal: text, currency: "EUR", field: "price") }
    }

    @Test func amountsReadAsEachLanguageWritesThem() {
        let amount = Money(minorUnits: 123_456, currency: "EUR")
        #expect(amount.formatted(.fr) == "1\u{202F}234,56\u{00A0}€")
        #expect(amount.formatted(.en) == "€1,234.56")
        #expect(Money(minorUnits: 5, currency: "EUR").formatted(.en) == "€0.05")
    }
}

@Suite struct GTINTests {
    @Test(arguments: ["4006381333931", "73513537", "00012345600012", "012345678905", "4006-3813-3393-1"])
    func validNumbersAreAcceptedAndPaddedTo14(text: String) throws {
        #expect(try GTIN(text).digits.count == 14)
    }

    @Test func theSameProductMatchesWhateverTheForm() throws {
        #expect(try GTIN("4006381333931") == GTIN("04006381333931"))
    }

    @Test func aWrongCheckDigitIsCaught() {
        #expect(throws: ValidationError(field: "gtin", "error.gtin.checkDigit")) { try GTIN("4006381333932") }
        #expect(throws: ValidationError(field: "gtin", "error.gtin.format")) { try GTIN("40063813339") }
        #expect(throws: ValidationError(field: "gtin", "error.gtin.format")) { try GTIN("40063813339A1") }
    }
}

@Suite struct SustainabilityTests {
    @Test func scoresMapToGradesAndBetterGradesCompareGreater() {
        #expect(EnvironmentalGrade(score: 95) == .aPlus)
        #expect(EnvironmentalGrade(score: 75) == .a)
        #expect(EnvironmentalGrade(score: 74) == .b)
        #expect(EnvironmentalGrade(score: 3) == .f)
        #expect(EnvironmentalGrade.a > .c && EnvironmentalGrade.aPlus > .a)
        #expect(EnvironmentalGrade.allCases.allSatisfy { EnvironmentalGrade(score: $0.minimumScore) == $0 })
    }

    @Test func countryCodesAreTheAssignedOnes() throws {
        #expect(try CountryCode(" fr ").code == "FR")
        #expect(throws: ValidationError.self) { try CountryCode("XX") }
        #expect(throws: ValidationError.self) { try CountryCode("FRA") }
    }

    @Test(arguments: [
        ("Éco-conçu", "eco-concu"), ("TÉLÉPHONE", "telephone"), ("Œuf cœur", "oeuf coeur"), ("Straße", "strasse"),
    ])
    func searchFoldsCaseAndAccents(text: String, folded: String) {
        #expect(TextFolding.fold(text) == folded)
    }

    @Test func searchWordsSplitOnEverythingButLettersAndDigits() {
        #expect(TextFolding.words("Lave-linge Éco 8kg, classe A!") == ["lave", "linge", "eco", "8kg", "classe", "a"])
    }
}

@Suite struct ReferencePriceTests {
    let day: TimeInterval = 24 * 3600
    let start = Date(timeIntervalSince1970: 1_780_000_000)
    func euros(_ value: Int64) -> Money { Money(minorUnits: value * 100, currency: "EUR") }

    @Test func theReferenceIsTheLowestOfThe30DaysBeforeTheReduction() {
        // 100 € for 40 days, briefly 90 € on day 20, back to 110 € on day 25, then 80 € from day 40.
        let history = [
            PricePoint(at: start, total: euros(100)),
            PricePoint(at: start.addingTimeInterval(20 * day), total: euros(90)),
            PricePoint(at: start.addingTimeInterval(25 * day), total: euros(110)),
            PricePoint(at: start.addingTimeInterval(40 * day), total: euros(80)),
        ]
        let now = start.addingTimeInterval(41 * day)
        let reference = ReferencePrice.reference(in: history, at: now)
        #expect(reference == euros(90), "the 90 € of day 20 is within 30 days of day 40, so it is the basis, not 110 €")
        #expect(ReferencePrice.reductionPercent(current: euros(80), reference: reference) == 11)
    }

    @Test func aPriceOlderThan30DaysIsNotTheBasis() {
        let history = [
            PricePoint(at: start, total: euros(50)),
            PricePoint(at: start.addingTimeInterval(1 * day), total: euros(100)),
            PricePoint(at: start.addingTimeInterval(40 * day), total: euros(80)),
        ]
        let reference = ReferencePrice.reference(in: history, at: start.addingTimeInterval(40 * day))
        #expect(reference == euros(100))
        #expect(ReferencePrice.reductionPercent(current: euros(80), reference: reference) == 20)
    }

    @Test func aCutOfLongAgoIsNoLongerAnnouncedAsAReduction() {
        let history = [
            PricePoint(at: start, total: euros(100)),
            PricePoint(at: start.addingTimeInterval(10 * day), total: euros(80)),
        ]
        #expect(ReferencePrice.reference(in: history, at: start.addingTimeInterval(39 * day)) == euros(100))
        #expect(
            ReferencePrice.reference(in: history, at: start.addingTimeInterval(41 * day)) == nil,
            "80 € has been the price for over 30 days")
    }

    @Test func noReductionIsAnnouncedWithoutHistoryOrWhenThePriceRose() {
        #expect(ReferencePrice.reference(in: [PricePoint(at: start, total: euros(10))], at: start) == nil)
        #expect(ReferencePrice.reductionPercent(current: euros(10), reference: nil) == nil)
        #expect(ReferencePrice.reductionPercent(current: euros(12), reference: euros(10)) == nil)
        #expect(
            ReferencePrice.reductionPercent(current: Money(minorUnits: 9_999, currency: "EUR"), reference: euros(100))
                == nil,
            "0.01 % rounds down to nothing to announce")
        #expect(
            ReferencePrice.reductionPercent(current: Money(minorUnits: 6_667, currency: "EUR"), reference: euros(100))
                == 33,
            "33.33 % is announced as 33, never rounded up")
    }

    @Test func theLowestOfTheLast30DaysIncludesThePriceInEffectWhenTheyBegan() {
        let history = [
            PricePoint(at: start, total: euros(70)),
            PricePoint(at: start.addingTimeInterval(35 * day), total: euros(90)),
        ]
        let now = start.addingTimeInterval(40 * day)
        #expect(ReferencePrice.lowest(in: history, from: now.addingTimeInterval(-30 * day), to: now) == euros(70))
    }
}

@Suite struct GeoTests {
    let paris = try! Coordinates(latitude: 48.8566, longitude: 2.3522)
    let lyon = try! Coordinates(latitude: 45.7640, longitude: 4.8357)

    @Test func distancesMatchKnownFigures() {
        #expect(abs(Geo.distanceKm(paris, lyon) - 391.5) < 1.5, "Paris–Lyon is about 392 km as the crow flies")
        #expect(Geo.distanceKm(paris, paris) == 0)
    }

    @Test func theBoundingBoxHoldsEveryPointWithinTheRadius() throws {
        let box = Geo.boundingBox(around: paris, radiusKm: 50)
        for bearing in stride(from: 0.0, to: 360, by: 15) {
            // A point 49.9 km away in each direction (small-distance approximation is enough here).
            let θ = bearing * .pi / 180
            let point = try Coordinates(
                latitude: paris.latitude + 49.9 / 111.2 * cos(θ),
                longitude: paris.longitude + 49.9 / (111.2 * cos(paris.latitude * .pi / 180)) * sin(θ))
            #expect(Geo.distanceKm(paris, point) < 50.2)
            #expect(box.contains(point), "bearing \(bearing)")
        }
        #expect(!box.contains(lyon))
    }

    @Test func nearThePolesOrTheAntimeridianTheBoxSpansEveryLongitude() throws {
        #expect(
            Geo.boundingBox(around: try Coordinates(latitude: 89.9, longitude: 0), radiusKm: 50).minLongitude == -180)
        #expect(
            Geo.boundingBox(around: try Coordinates(latitude: 0, longitude: 179.9), radiusKm: 50).maxLongitude == 180)
    }
}

@Suite struct RankingTests {
    typealias Candidate = BestForMe.Candidate<Int>
    func candidate(_ id: Int, _ euros: Int64, _ score: Int?) -> Candidate {
        Candidate(id: id, total: Money(minorUnits: euros * 100, currency: "EUR"), environmentalScore: score)
    }

    @Test func weightZeroIsCheapestFirstAndWeightHundredIsGreenestFirst() {
        let candidates = [candidate(1, 300, 90), candidate(2, 100, 20), candidate(3, 200, 60), candidate(4, 150, nil)]
        #expect(BestForMe.rank(candidates, weight: 0).map(\.id) == [2, 4, 3, 1])
        #expect(BestForMe.rank(candidates, weight: 100).map(\.id) == [1, 3, 2, 4])
        #expect(BestForMe.rank(candidates, weight: 60).first?.id == 3, "a fair price with a good score wins in between")
        #expect(
            BestForMe.rank(candidates, weight: 50).first?.id == 2, "at 50 the cheapest still leads (0.60 against 0.55)")
    }

    @Test func aGreenerAlternativeMustBeClearlyGreenerAndNotMuchDearer() {
        let product = candidate(1, 100, 40)
        let candidates = [candidate(2, 114, 80), candidate(3, 120, 95), candidate(4, 90, 45), candidate(5, 110, 80)]
        #expect(
            GreenerAlternative.pick(for: product, among: candidates)?.id == 5,
            "80 at 110 € beats 80 at 114 €; 95 at 120 € is too dear")
        #expect(
            GreenerAlternative.pick(for: product, among: [candidate(4, 90, 45)]) == nil,
            "5 points greener is not worth it")
    }
}

@Suite struct PriceAlertRuleTests {
    func euros(_ value: Int64) -> Money { Money(minorUnits: value * 100, currency: "EUR") }

    @Test func anAlertFiresOnceAndRearmsWhenThePriceGoesBackUp() {
        let rule = PriceAlertRule(target: euros(100), current: euros(120))
        #expect(rule.evaluate(newLowest: euros(110), armed: true) == .nothing)
        #expect(rule.evaluate(newLowest: euros(100), armed: true) == .fire)
        #expect(rule.evaluate(newLowest: euros(95), armed: false) == .nothing, "already fired: no second notification")
        #expect(rule.evaluate(newLowest: euros(101), armed: false) == .rearm)
    }

    @Test func withoutATargetAnyDropFires() {
        let rule = PriceAlertRule(target: nil, current: euros(120))
        #expect(rule.evaluate(newLowest: euros(120), armed: true) == .nothing)
        #expect(rule.evaluate(newLowest: Money(minorUnits: 11_999, currency: "EUR"), armed: true) == .fire)
    }
}

@Suite struct ProductComparisonTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let day: TimeInterval = 24 * 3600
    func euros(_ value: Int64) -> Money { Money(minorUnits: value * 100, currency: "EUR") }

    func offer(_ id: Int64, price: Int64, shipping: Int64 = 0, stock: Int = 1, history: [(Double, Int64)])
        -> ComparedOffer
    {
        ComparedOffer(
            offerID: id, partnerSlug: "p\(id)", partnerName: "P\(id)", price: euros(price), shipping: euros(shipping),
            stock: stock,
            condition: .new, url: "https://p\(id).example",
            history: history.map { PricePoint(at: now.addingTimeInterval(-$0.0 * day), total: euros($0.1)) })
    }

    @Test func offersSortByTotalAndTheCheapestInStockIsBest() {
        let comparison = ProductComparison(
            offers: [
                offer(1, price: 95, shipping: 10, history: [(5, 105)]), offer(2, price: 100, history: [(5, 100)]),
                offer(3, price: 90, stock: 0, history: [(5, 90)]),
            ], now: now)
        #expect(comparison.lines.map(\.offer.offerID) == [3, 2, 1], "by price plus shipping")
        #expect(comparison.lines.filter(\.isBest).map(\.offer.offerID) == [2], "the cheapest that can be bought")
    }

    @Test func reductionsAndTheThirtyDayLowAreHonest() {
        // Offer 1: 120 € for long, 100 € for three days 20 days ago, 110 € since yesterday.
        let comparison = ProductComparison(
            offers: [offer(1, price: 110, history: [(60, 120), (20, 100), (17, 120), (1, 110)])], now: now)
        let line = comparison.lines[0]
        #expect(line.referencePrice == euros(100), "the 100 € of 20 days ago is the basis, not the 120 € 'was' price")
        #expect(line.reductionPercent == nil, "110 € is no reduction from 100 €")
        #expect(comparison.lowestLast30Days == euros(100))
        #expect(comparison.dailyLowest.count == 61, "one point a day since a price first existed, 60 days ago")
        #expect(comparison.dailyLowest.last?.total == euros(110))
    }

    @Test func offersInAnotherCurrencyAreListedButNotMixedIntoTheFigures() {
        let dollars = ComparedOffer(
            offerID: 9, partnerSlug: "us", partnerName: "US", price: Money(minorUnits: 100, currency: "USD"),
            shipping: Money(minorUnits: 0, currency: "USD"), stock: 1, condition: .new, url: "https://us.example",
            history: [PricePoint(at: now.addingTimeInterval(-day), total: Money(minorUnits: 100, currency: "USD"))])
        let comparison = ProductComparison(
            offers: [offer(1, price: 50, history: [(3, 50)]), offer(2, price: 60, history: [(3, 60)]), dollars],
            now: now)
        #expect(comparison.lines.map(\.offer.offerID) == [1, 2, 9], "the currency most offers use first")
        #expect(comparison.lines.filter(\.isBest).map(\.offer.offerID) == [1])
        #expect(comparison.lowestLast30Days == euros(50))
    }
}
