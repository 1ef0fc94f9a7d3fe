/// The words that come back in what unhappy customers write, for the voice of the customer.
///
/// A term is a word as `TextFolding.words` cuts it (lower case, accents and ligatures folded, so
/// "Écran" and "ecran" are one term), with at least three letters (numbers are not terms), and
/// not a French or English stop word (`StopWords`). A text counts a term once however often it
/// repeats it: the count says how many customers raised it, not how loudly one did.
public enum RecurringTerms {
    /// A term and the number of texts that use it.
    public struct Term: Equatable, Sendable {
        public let word: String
        public let texts: Int

        public init(word: String, texts: Int) {
            self.word = word
            self.texts = texts
        }
    }

    public static let minimumLetters = 3
    public static let defaultLimit = 15

    /// The `limit` terms used by the most `texts`, ties in alphabetical order of the folded word.
    public static func top(in texts: [String], limit: Int = defaultLimit) -> [Term] {
        var counts: [String: Int] = [:]
        for text in texts {
            for word in Set(TextFolding.words(text)) where isTerm(word) { counts[word, default: 0] += 1 }
        }
        return counts.map { Term(word: $0.key, texts: $0.value) }
            .sorted { $0.texts != $1.texts ? $0.texts > $1.texts : $0.word < $1.word }
            .prefix(limit).map { $0 }
    }

    /// Whether a folded word can be a term: three letters or more, and not a stop word.
    public static func isTerm(_ foldedWord: String) -> Bool {
        foldedWord.count(where: \.isLetter) >= minimumLetters && !StopWords.contains(foldedWord)
    }
}
