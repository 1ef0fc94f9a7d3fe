/// Everything one language knows about a word, gathered from its lexicon, its rules and its common
/// words into one table, so that reading a text costs one look-up a word and a language.
struct SentimentVocabulary: Sendable {
    /// What a word does in a text.
    struct Entry: Sendable, Equatable {
        struct Roles: OptionSet, Sendable {
            let rawValue: UInt16
            static let negation = Roles(rawValue: 1 << 0)
            static let trailingNegation = Roles(rawValue: 1 << 1)
            static let contrast = Roles(rawValue: 1 << 2)
            static let concession = Roles(rawValue: 1 << 3)
            static let conclusion = Roles(rawValue: 1 << 4)
            static let contractionTail = Roles(rawValue: 1 << 5)
            /// The first word of a two-word intensifier ("un" of "un peu").
            static let startsPhrase = Roles(rawValue: 1 << 6)
            /// One of the language's common words, counted to detect it.
            static let common = Roles(rawValue: 1 << 7)
        }

        /// The word's own sentiment, nil for modifiers and words read without opinion.
        var valence: Double?
        var intensifier: Double?
        var negatedValence: Double?
        var roles: Roles = []

        /// Words that only steer others: they carry no sentiment of their own.
        var isModifier: Bool { !roles.isDisjoint(with: [.negation, .contrast, .concession, .conclusion]) }
    }

    let entries: [String: Entry]
    let phraseIntensifiers: [String: Double]

    static let french = SentimentVocabulary(lexicon: .french, rules: .french, commonWords: LanguageDetector.frenchWords)
    static let english = SentimentVocabulary(
        lexicon: .english, rules: .english, commonWords: LanguageDetector.englishWords)

    init(lexicon: SentimentLexicon, rules: SentimentRules, commonWords: Set<String>) {
        var entries: [String: Entry] = [:]
        for (word, valence) in lexicon.valences where !rules.ignored.contains(word) {
            entries[word, default: Entry()].valence = valence
        }
        func mark(_ words: some Sequence<String>, _ role: Entry.Roles) {
            for word in words { entries[word, default: Entry()].roles.insert(role) }
        }
        mark(rules.negations, .negation)
        mark(rules.trailingNegations, .trailingNegation)
        mark(rules.contrasts, .contrast)
        mark(rules.concessions, .concession)
        mark(rules.conclusions, .conclusion)
        mark(rules.contractionTails, .contractionTail)
        mark(commonWords, .common)
        mark(
            rules.phraseIntensifiers.keys.compactMap { $0.split(separator: " ").first.map(String.init) }, .startsPhrase)
        for (word, factor) in rules.intensifiers { entries[word, default: Entry()].intensifier = factor }
        for (word, valence) in rules.negatedValences { entries[word, default: Entry()].negatedValence = valence }
        for (word, entry) in entries where entry.isModifier { entries[word]?.valence = nil }
        self.entries = entries
        self.phraseIntensifiers = rules.phraseIntensifiers
    }

    /// The entry of each word of `text` (nil for words this language does not know), and how many
    /// of them are the language's common words.
    func read(_ text: SentimentText) -> (entries: [Entry?], common: Int) {
        var common = 0
        let found = text.words.map { word in
            let entry = entries[word.text]
            if entry?.roles.contains(.common) == true { common += 1 }
            return entry
        }
        return (found, common)
    }
}
