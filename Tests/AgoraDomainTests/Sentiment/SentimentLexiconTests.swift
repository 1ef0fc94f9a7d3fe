import Testing

@testable import AgoraDomain

@Suite struct SentimentLexiconTests {
    @Test func theLexiconsShipWithThePackage() {
        #expect(SentimentLexicon.english.valences.count > 7_000)
        #expect(SentimentLexicon.french.valences.count > 4_000)
    }

    /// Words are stored folded, so that a text's folded words find them.
    @Test(arguments: Language.allCases)
    func wordsAreStoredFolded(language: Language) {
        let lexicon = SentimentLexicon.of(language)
        let unfolded = lexicon.valences.keys.filter { TextFolding.words($0) != [$0] }
        #expect(unfolded.isEmpty, "not folded: \(unfolded.prefix(10))")
        #expect(lexicon.valences.values.allSatisfy { (-1...1).contains($0) })
    }

    @Test func linesAreWordTabValenceAndHashStartsAComment() {
        let entries = SentimentLexicon.parse("# source\nbon\t0.700\nmauvais\t-0.700\nbroken line\n")
        #expect(entries.map(\.0) == ["bon", "mauvais"])
        #expect(entries.map(\.1) == [0.7, -0.7])
    }

    @Test func textsAreCutIntoSentencesAndClauses() {
        let text = SentimentText("Très bien, mais cher... Non ?! Œuvre")
        #expect(text.words.map(\.text) == ["tres", "bien", "mais", "cher", "non", "oeuvre"])
        #expect(text.words.map(\.sentence) == [0, 0, 0, 0, 1, 2])
        #expect(text.words[1].clause != text.words[2].clause)
        #expect(text.sentences[1].isQuestion && text.sentences[1].exclamations == 1)
    }

    /// The fast folding of sentiment reads the same words as search's `TextFolding.words`.
    @Test func sentimentFoldsLikeSearch() {
        let text = "L’Œuvre « ÉTÉ » à 12€ — naïve, Ærø façade; e\u{301}te\u{301} ½ ǅ"
        #expect(SentimentText(text).words.map(\.text) == TextFolding.words(text))
    }
}
