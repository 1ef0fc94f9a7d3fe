/// Makes text safe for swift-mustache's escaping, which works by character: `"` followed by a
/// combining accent is one character that is not `"`, so it would reach an attribute unescaped
/// and end it. In such a character, the markup sign becomes its full-width look-alike; every other
/// character is left alone (and `{{ }}` escapes the lone signs as usual).
enum MarkupNeutralizer {
    /// Values that templates insert unescaped (`{{{ }}}`): HTML our own renderers made, left as is.
    static let renderedKeys: Set<String> = ["html", "chart"]

    private static let lookalikes: [Unicode.Scalar: Unicode.Scalar] = [
        "\"": "\u{FF02}", "&": "\u{FF06}", "'": "\u{FF07}", "<": "\u{FF1C}", ">": "\u{FF1E}",
    ]

    static func neutralized(_ values: [String: Any]) -> [String: Any] {
        var result = values
        for (key, value) in values where !renderedKeys.contains(key) { result[key] = neutralized(value) }
        return result
    }

    static func neutralized(_ value: Any) -> Any {
        switch value {
        case let text as String: return neutralized(text)
        case let dictionary as [String: Any]: return neutralized(dictionary)
        case let array as [[String: Any]]: return array.map { neutralized($0) }
        case let array as [String]: return array.map { neutralized($0) }
        case let array as [Any]: return array.map { neutralized($0) }
        default: return value
        }
    }

    static func neutralized(_ text: String) -> String {
        // Most text has none of the five signs: nothing to look at.
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x26 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E }) else {
            return text
        }
        var result = ""
        for character in text {
            if character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: { lookalikes[$0] != nil }) {
                result.unicodeScalars.append(contentsOf: character.unicodeScalars.map { lookalikes[$0] ?? $0 })
            } else {
                result.append(character)
            }
        }
        return result
    }
}
