import AgoraDomain
import Testing

@Suite struct RecurringTermsTests {
    func counts(_ texts: [String], limit: Int = 15) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: RecurringTerms.top(in: texts, limit: limit).map { ($0.word, $0.texts) })
    }

    @Test func frenchTermsAreFoldedAndStopWordsLeftOut() {
        let terms = counts([
            "L'écran s'est fendu au bout d'une semaine, et le SAV ne répond pas.",
            "Écran rayé dès la livraison ; le service après-vente est injoignable.",
            "Très déçu : la batterie ne tient pas et l'ECRAN scintille.",
        ])
        #expect(terms["ecran"] == 3, "écran, Écran and ECRAN are one term: \(terms)")
        #expect(terms["batterie"] == 1 && terms["livraison"] == 1)
        for stopWord in ["est", "pas", "les", "une", "dans", "tres", "apres"] {
            #expect(terms[stopWord] == nil, "\(stopWord) is a stop word: \(terms)")
        }
        #expect(terms["sav"] == 1, "three letters are enough")
        #expect(terms["au"] == nil && terms["le"] == nil, "shorter words are not terms")
    }

    @Test func englishTermsAreFoldedAndStopWordsLeftOut() {
        let terms = counts([
            "The battery died after two days and the charger doesn't work.",
            "Battery drains overnight, really disappointing; the charger is flimsy.",
        ])
        #expect(terms["battery"] == 2 && terms["charger"] == 2)
        #expect(terms["drains"] == 1 && terms["flimsy"] == 1)
        for stopWord in ["the", "and", "after", "doesn", "really"] {
            #expect(terms[stopWord] == nil, "\(stopWord) is a stop word: \(terms)")
        }
    }

    @Test func aTextCountsATermOnceHoweverOftenItRepeatsIt() {
        let terms = counts(["retard retard retard, toujours en retard", "un léger retard", "colis abîmé"])
        #expect(terms["retard"] == 2)
        #expect(terms["colis"] == 1 && terms["abime"] == 1)
    }

    @Test func numbersAndWordsWithFewerThanThreeLettersAreNotTerms() {
        let terms = counts(["Livré en 2026 après 15 jours, modèle A12 et usb3"])
        #expect(terms["2026"] == nil && terms["15"] == nil && terms["a12"] == nil)
        #expect(terms["usb3"] == 1 && terms["livre"] == 1 && terms["jours"] == 1)
    }

    @Test func theMostUsedComeFirstThenAlphabeticallyAndTheListIsCut() {
        let texts = ["zinc batterie", "zinc batterie", "zinc", "colis", "arnaque"]
        let top = RecurringTerms.top(in: texts, limit: 3)
        #expect(
            top == [.init(word: "zinc", texts: 3), .init(word: "batterie", texts: 2), .init(word: "arnaque", texts: 1)])
        let many = (1...40).map { "terme\($0)x" }
        #expect(RecurringTerms.top(in: many).count == 15, "15 terms at most by default")
        #expect(RecurringTerms.top(in: []).isEmpty && RecurringTerms.top(in: ["le la les"]).isEmpty)
    }
}
