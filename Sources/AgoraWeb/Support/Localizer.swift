import AgoraDomain
import Foundation

/// Every user-facing string, in French and English, read from `Resources/locales/<language>.json`.
///
/// Keys are dotted paths into the nested JSON (`error.handle.format`); templates reach the same
/// strings as `{{t.error.handle.format}}`.
public struct Localizer: Sendable {
    private let tables: [Language: [String: String]]
    /// The nested tables as templates read them.
    private let trees: [Language: NestedTable]

    struct NestedTable: @unchecked Sendable {
        // JSONSerialization's output: read-only after loading.
        let value: [String: Any]
    }

    /// The strings shipped with Agora, for the command line (which prints refusals in English).
    public static func bundled() throws -> Localizer {
        guard let resources = AgoraWebResources.url else { throw CocoaError(.fileNoSuchFile) }
        return try Localizer(directory: resources.appendingPathComponent("locales"))
    }

    public init(directory: URL) throws {
        var tables: [Language: [String: String]] = [:]
        var trees: [Language: NestedTable] = [:]
        for language in Language.allCases {
            let data = try Data(contentsOf: directory.appendingPathComponent("\(language.rawValue).json"))
            guard let tree = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw CocoaError(.fileReadCorruptFile)
            }
            trees[language] = NestedTable(value: tree)
            tables[language] = Self.flatten(tree)
        }
        self.tables = tables
        self.trees = trees
    }

    /// The text for `key`, with `{0}`, `{1}`… replaced by `arguments`; the key itself when missing,
    /// so that a forgotten string is visible and caught by the locale test rather than blank.
    public func text(_ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        var text = tables[language]?[key] ?? tables[.fallback]?[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    /// Whether a message exists for `key` (in the fallback language at least).
    public func has(_ key: String) -> Bool { tables[.fallback]?[key] != nil }

    /// Every key of a language, to check that both languages say everything.
    public func keys(_ language: Language) -> Set<String> { Set(tables[language]?.keys ?? [:].keys) }

    func tree(_ language: Language) -> [String: Any] { trees[language]?.value ?? [:] }

    private static func flatten(_ tree: [String: Any], prefix: String = "") -> [String: String] {
        var flat: [String: String] = [:]
        for (key, value) in tree {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if let text = value as? String {
                flat[path] = text
            } else if let subtree = value as? [String: Any] {
                flat.merge(flatten(subtree, prefix: path)) { first, _ in first }
            }
        }
        return flat
    }
}
