/// What a member can follow; a new deal that matches tells them at once.
public enum FollowKind: String, Sendable, Codable, CaseIterable {
    /// Words, matched ignoring case and accents: every word of the keyword begins a word of the
    /// deal's title, description or merchant ("velo" matches "Vélos électriques").
    case keyword
    /// A category (by slug), and the categories under it.
    case category
    /// A partner (by slug), or a merchant named in free text.
    case merchant
    /// A product of the catalog (by id).
    case product
    /// A member (by handle): the deals they post.
    case member
}

/// Keyword follows, matched the way search matches.
public enum Keyword {
    /// A member follows at most this many things.
    public static let maximumFollows = 100
    public static let maximumLength = 60

    /// The folded words of a keyword, or a `ValidationError` on `target`.
    public static func words(_ raw: String) throws(ValidationError) -> [String] {
        let text = raw.trimmed()
        guard text.count <= maximumLength else { throw ValidationError.tooLong("target", maximum: maximumLength) }
        let words = TextFolding.words(text).filter { $0.count >= 2 }
        guard !words.isEmpty, words.count <= 6 else { throw ValidationError(field: "target", "error.invalidValue") }
        return words
    }

    /// The word a stored keyword is found by: its longest, so that candidates are few.
    public static func leadWord(_ words: [String]) -> String {
        words.max { $0.count < $1.count } ?? ""
    }

    /// Whether every keyword word begins a word of the text's `words` (both folded).
    public static func matches(_ keyword: [String], in words: [String]) -> Bool {
        keyword.allSatisfy { part in words.contains { $0.hasPrefix(part) } }
    }

    /// Every beginning (two characters or more) of the text's words: a stored lead word that is one
    /// of these may match, which one indexed lookup finds.
    public static func prefixes(of words: [String]) -> Set<String> {
        var prefixes = Set<String>()
        for word in words {
            var prefix = ""
            for character in word.prefix(maximumLength) {
                prefix.append(character)
                if prefix.count >= 2 { prefixes.insert(prefix) }
            }
        }
        return prefixes
    }
}
