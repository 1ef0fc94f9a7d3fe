/// Scores a text with one language's vocabulary: each sentiment word's valence, changed by the words
/// before it (negation, intensifiers), by its place around "but", and by its sentence's punctuation,
/// summed and squashed into -1...1.
///
/// The rules and their factors follow VADER (Hutto & Gilbert, ICWSM 2014), whose constants were
/// measured with human raters; where a factor differs, its comment says why.
struct SentimentScorer: Sendable {
    let vocabulary: SentimentVocabulary

    struct Result: Sendable, Equatable {
        /// -1...1, 0 when no word carries sentiment.
        let score: Double
        /// How many words carried sentiment: which language fits an undecided text better.
        let matches: Int
    }

    // VADER's measured factors: a negated word keeps about three quarters of its strength, reversed
    // ("not good" is less bad than "bad"); around "but", the first part counts half and the rest 1.5.
    static let negationFactor = -0.74
    static let beforeContrast = 0.5
    static let afterContrast = 1.5
    /// Modifiers farther from their word count less, as VADER found (95 % two words away, 90 % three).
    static let distanceDecay = [1.0, 0.95, 0.9]
    /// Each "!" adds a tenth to its sentence, up to three, as VADER's raters felt them.
    static let exclamationStep = 0.1
    /// A question asks more than it judges ("Is it worth it?"), so its words count half.
    static let questionFactor = 0.5
    /// Reviews describe with positive words even when they conclude badly (the "Pollyanna" bias of
    /// language, Boucher & Osgood 1969): a negative word says more about the writer's verdict. 1.75
    /// gave the best balanced accuracy on the development reviews (see the tests' SOURCES.md), in
    /// both languages; 1.5 and 2 were within half a point.
    static let negativeWeight = 1.75

    /// The score of `text`, whose words' entries `read` gave.
    func score(_ text: SentimentText, entries: [SentimentVocabulary.Entry?]) -> Result {
        let words = text.words
        let emphasis = emphasis(of: words, entries)
        var sum = 0.0
        var matches = 0
        for index in words.indices {
            guard var valence = valence(at: index, words, entries) else { continue }
            matches += 1
            if valence < 0 { valence *= Self.negativeWeight }
            let sentence = text.sentences[words[index].sentence]
            if sentence.isQuestion { valence *= Self.questionFactor }
            valence *= 1 + Self.exclamationStep * Double(min(sentence.exclamations, 3))
            sum += valence * emphasis[index]
        }
        guard matches > 0 else { return Result(score: 0, matches: 0) }
        // VADER squashes its sum with x / sqrt(x² + 15) on its -4...4 scale, about x / sqrt(x² + 1)
        // on ours. Growing the 1 with the number of sentiment words keeps a long review of mixed
        // words from reading as "very" anything: the score says how one-sided the text is.
        return Result(score: sum / (sum * sum + Double(matches)).squareRoot(), matches: matches)
    }

    /// How much each word counts for its place in its sentence: half before "but" and 1.5 after it
    /// (VADER's factors), half in a conceded clause ("despite the length, ..."), 1.5 after "overall".
    func emphasis(of words: [SentimentText.Word], _ entries: [SentimentVocabulary.Entry?]) -> [Double] {
        var emphasis = [Double](repeating: 1, count: words.count)
        var sentenceStart = 0
        for index in words.indices {
            if words[index].sentence != words[sentenceStart].sentence { sentenceStart = index }
            guard let roles = entries[index]?.roles else { continue }
            if roles.contains(.contrast) {
                for before in sentenceStart..<index { emphasis[before] = Self.beforeContrast }
                mark(after: index, words, as: Self.afterContrast, clauseOnly: false, &emphasis)
            } else if roles.contains(.concession) {
                mark(after: index, words, as: Self.beforeContrast, clauseOnly: true, &emphasis)
            } else if roles.contains(.conclusion) {
                mark(after: index, words, as: Self.afterContrast, clauseOnly: false, &emphasis)
            }
        }
        return emphasis
    }

    private func mark(
        after index: Int, _ words: [SentimentText.Word], as factor: Double, clauseOnly: Bool,
        _ emphasis: inout [Double]
    ) {
        var next = index + 1
        while next < words.count, words[next].sentence == words[index].sentence,
            !clauseOnly || words[next].clause == words[index].clause
        {
            emphasis[next] = factor
            next += 1
        }
    }

    /// The valence of the word at `index` once its neighbours are read, or nil for a word without
    /// sentiment or a modifier acting on the next word.
    func valence(at index: Int, _ words: [SentimentText.Word], _ entries: [SentimentVocabulary.Entry?]) -> Double? {
        guard let entry = entries[index], let base = entry.valence else { return nil }
        let next = index + 1 < words.count && words[index + 1].clause == words[index].clause ? index + 1 : nil
        if let next {
            // "super" and "trop" judge at the end of a clause ("c'est super") and intensify before
            // another opinion word ("super bien").
            if entry.intensifier != nil, entries[next]?.valence != nil { return nil }
            // "won" in "won't".
            if entries[next]?.roles.contains(.contractionTail) == true { return nil }
        }
        let (factor, negated) = intensity(before: index, words, entries)
        let trailingNegation = next.map { entries[$0]?.roles.contains(.trailingNegation) == true } ?? false
        guard negated || trailingNegation else { return base * factor }
        if let meaning = entry.negatedValence { return meaning * abs(factor) }
        return base * factor * Self.negationFactor
    }

    /// The product of the intensifiers among the three words before `index` in its clause, and
    /// whether a negation stands among them. An intensifier between the negation and its word softens
    /// it instead: "not very good" is less bad than "not good", "really not good" worse.
    private func intensity(
        before index: Int, _ words: [SentimentText.Word], _ entries: [SentimentVocabulary.Entry?]
    ) -> (factor: Double, negated: Bool) {
        var inside = 1.0
        var outside = 1.0
        var negated = false
        var position = index - 1
        var distance = 0
        while position >= 0, distance < 3, words[position].clause == words[index].clause {
            var length = 1
            var factor: Double?
            let entry = entries[position]
            if position > 0, words[position - 1].clause == words[index].clause,
                entries[position - 1]?.roles.contains(.startsPhrase) == true,
                let phrase = vocabulary.phraseIntensifiers[words[position - 1].text + " " + words[position].text]
            {
                factor = phrase
                length = 2
            } else if let intensifier = entry?.intensifier {
                factor = intensifier
            } else if entry?.roles.contains(.negation) == true {
                negated = true
            } else if entry?.valence != nil || entry?.roles.contains(.contrast) == true {
                // Another opinion word ends the reach of what stands before it: in "pas cher et
                // efficace", "pas" is read by "cher" only.
                break
            }
            if let factor {
                // "peu" (-0.5) reverses at any distance; only its strength decays.
                let decayed = 1 + (factor - 1) * Self.distanceDecay[min(distance, 2)]
                if negated { outside *= decayed } else { inside *= decayed }
            }
            position -= length
            distance += length
        }
        guard negated else { return (inside * outside, false) }
        return (outside * (inside > 1 ? 1 / inside : inside), true)
    }
}
