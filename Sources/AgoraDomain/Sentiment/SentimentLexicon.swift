import Foundation

/// The valence of words in one language, from -1 (very negative) to 1 (very positive), keyed by the
/// folded word. Read once from the package's resources (`Resources/sentiment/*.tsv`, described in
/// `SOURCES.md` next to them).
struct SentimentLexicon: Sendable {
    let valences: [String: Double]

    /// VADER first, then Pattern's adjectives for the words VADER lacks (726 of Pattern's 1,204).
    static let english = SentimentLexicon(files: ["en-vader", "en-pattern"])
    /// Pattern alone: the hand-translated VADER of `vaderSentiment-fr` was tried too and lost accuracy
    /// on the development reviews (see the tests' SOURCES.md), alone (65 %) or filling Pattern's gaps
    /// (71 %, against 77 % for Pattern alone).
    static let french = SentimentLexicon(files: ["fr-pattern"])

    static func of(_ language: Language) -> SentimentLexicon {
        switch language {
        case .fr: french
        case .en: english
        }
    }

    /// Merges lexicon files: the first file that knows a word gives its valence, so the first is the
    /// one whose ratings we trust most (VADER's were each rated by ten people); the others fill the
    /// words it lacks.
    init(files: [String]) {
        var valences: [String: Double] = [:]
        for name in files {
            for (word, valence) in Self.read(name) where valences[word] == nil {
                valences[word] = valence
            }
        }
        self.valences = valences
    }

    /// One entry a line, `word<TAB>valence`, the word already folded; `#` starts a comment line.
    static func parse(_ contents: String) -> [(String, Double)] {
        var entries: [(String, Double)] = []
        for line in contents.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let valence = Double(fields[1]) else { continue }
            entries.append((String(fields[0]), valence))
        }
        return entries
    }

    private static func read(_ name: String) -> [(String, Double)] {
        // A missing resource is a packaging mistake; scoring then treats every word as neutral rather
        // than stopping the server, and `SentimentLexiconTests` fails.
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources/sentiment"),
            let contents = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return parse(contents)
    }
}
