/// How positive or negative a text reads: `score` from -1 (very negative) through 0 (neutral, or no
/// opinion word found) to 1 (very positive), and the language it was read in (nil when undecided).
public struct Sentiment: Sendable, Equatable {
    public let score: Double
    public let language: Language?

    public init(score: Double, language: Language?) {
        self.score = score
        self.language = language
    }

    public static let neutral = Sentiment(score: 0, language: nil)
}
