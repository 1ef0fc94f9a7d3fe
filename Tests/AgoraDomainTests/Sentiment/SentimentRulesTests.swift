import AgoraDomain
import Testing

@Suite struct SentimentRulesTests {
    func score(_ text: String) -> Double { SentimentAnalyzer.analyze(text).score }

    @Test(
        arguments: [
            ("Le livre est arrivé en retard et la couverture est abîmée.", Language.fr),
            ("Je n'aime pas cette couleur", .fr), ("C'est pas terrible", .fr), ("très bon produit", .fr),
            ("The battery died after two days.", .en), ("I love it", .en), ("Not bad at all", .en),
            ("Works great, would buy again", .en), ("Super !", nil), ("OK", nil), ("", nil),
        ] as [(String, Language?)])
    func shortSentencesAreReadInTheirLanguage(text: String, expected: Language?) {
        #expect(SentimentAnalyzer.analyze(text).language == expected, "\(text)")
    }

    @Test(arguments: ["", "   ", "!!!", "12 34", "Le colis est arrivé mardi.", "The parcel came on Tuesday."])
    func textsWithoutOpinionAreNeutral(text: String) {
        #expect(score(text) == 0, "\(text) scored \(score(text))")
    }

    @Test func plainWordsHaveTheirSign() {
        #expect(score("C'est un bon livre") > 0)
        #expect(score("This is a good phone") > 0)
        #expect(score("C'est un mauvais livre") < 0)
        #expect(score("This is a bad phone") < 0)
    }

    @Test func negationReversesTheWordsAfterIt() {
        #expect(score("Ce n'est pas un bon livre") < 0)
        #expect(score("This is not a good phone") < 0)
        #expect(score("Le film n'est pas bon") < 0)
        #expect(score("The phone isn't good") < 0)
        #expect(score("Je n'ai jamais été déçu") > 0)
        #expect(score("I was never disappointed") > 0)
    }

    @Test func spokenFrenchNegatesWithPasAlone() {
        #expect(score("J'aime ce livre") > 0)
        #expect(score("Je n'aime pas ce livre") < 0)
        #expect(score("J'aime pas ce livre") < 0)
    }

    @Test func notBadIsRatherGood() {
        #expect(score("Not bad") > 0)
        #expect(score("The sound is not bad at all") > 0)
        #expect(score("Pas mal du tout") > 0)
    }

    /// "Pas terrible" is French for "mediocre": mildly negative, not the reverse of "terrible".
    @Test func pasTerribleIsMildlyNegative() {
        let mediocre = score("Le film n'est pas terrible")
        #expect(mediocre < 0)
        #expect(mediocre > score("Le film est mauvais"))
        #expect(score("C'est pas terrible") < 0)
    }

    @Test func intensifiersRaiseTheMagnitude() {
        #expect(score("très bon produit") > score("bon produit"))
        #expect(score("vraiment mauvais") < score("mauvais"))
        #expect(score("really good phone") > score("good phone"))
        #expect(score("extremely bad service") < score("bad service"))
    }

    @Test func diminishersLowerTheMagnitude() {
        #expect(score("un peu déçu") > score("déçu"))
        #expect(score("un peu déçu") < 0)
        #expect(score("slightly disappointing") > score("disappointing"))
        #expect(score("slightly disappointing") < 0)
        #expect(score("peu intéressant") < 0)
    }

    @Test func anIntensifierInsideANegationSoftensIt() {
        #expect(score("not very good") > score("not good"))
        #expect(score("not very good") < 0)
        #expect(score("pas très bon") > score("pas bon"))
    }

    @Test func butGivesTheLastWordToTheSecondClause() {
        #expect(score("The screen is great but the battery is terrible") < 0)
        #expect(score("The battery is terrible but the screen is great") > 0)
        #expect(score("Le début est excellent mais la fin est ennuyeuse") < 0)
        #expect(score("Le début est ennuyeux mais la fin est excellente") > 0)
    }

    @Test func negationStopsAtTheEndOfItsClause() {
        #expect(score("Not cheap, but excellent") > 0)
        #expect(score("Pas donné, mais excellent") > 0)
    }

    @Test func negationReachesOnlyTheNextOpinionWord() {
        #expect(score("Pas efficace") < 0)
        #expect(score("Pas cher et efficace") > 0, "\"pas\" reverses \"cher\", not \"efficace\"")
        #expect(score("Not expensive and effective") > 0)
    }

    @Test func exclamationMarksStrengthen() {
        #expect(score("Great!!!") > score("Great."))
        #expect(score("Nul !") < score("Nul."))
    }

    @Test func accentsAndCapitalsDoNotMatter() {
        #expect(score("DÉCEVANT") == score("decevant"))
        #expect(score("Très Bon") == score("tres bon"))
    }

    @Test func scoresStayWithinBounds() {
        let praise = String(repeating: "Excellent, magnifique, parfait ! ", count: 200)
        let complaint = String(repeating: "Horrible, awful, the worst! ", count: 200)
        #expect((0...1).contains(score(praise)))
        #expect((-1...0).contains(score(complaint)))
    }

    @Test func starsAndTextDisagreeOnlyWhenTheTextIsClear() {
        let negative = SentimentAnalyzer.analyze("Horrible, it broke after a day. The worst purchase ever.")
        let positive = SentimentAnalyzer.analyze("Excellent produit, parfait, je le recommande vivement !")
        let mild = SentimentAnalyzer.analyze("Pas terrible")
        #expect(SentimentAnalyzer.disagrees(rating: 5, sentiment: negative))
        #expect(SentimentAnalyzer.disagrees(rating: 4, sentiment: negative))
        #expect(!SentimentAnalyzer.disagrees(rating: 1, sentiment: negative))
        #expect(SentimentAnalyzer.disagrees(rating: 1, sentiment: positive))
        #expect(SentimentAnalyzer.disagrees(rating: 2, sentiment: positive))
        #expect(!SentimentAnalyzer.disagrees(rating: 5, sentiment: positive))
        #expect(!SentimentAnalyzer.disagrees(rating: 3, sentiment: negative))
        #expect(!SentimentAnalyzer.disagrees(rating: 3, sentiment: positive))
        #expect(!SentimentAnalyzer.disagrees(rating: 5, sentiment: mild), "a mild text is no clear disagreement")
        #expect(!SentimentAnalyzer.disagrees(rating: 5, sentiment: .neutral))
    }
}
