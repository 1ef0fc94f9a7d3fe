import Foundation

/// The languages Agora speaks. French first: it is the language of its users and of its source article.
public enum Language: String, Sendable, Codable, CaseIterable {
    case fr, en

    public static let fallback = Language.fr

    /// A figure with one decimal as readers of this language write it ("0,8" in French, "0.8" in English).
    public func oneDecimal(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return self == .fr ? text.replacing(".", with: ",") : text
    }

    /// Picks the supported language with the highest weight in an `Accept-Language` header (RFC 9110 §12.5.4).
    public static func negotiate(acceptLanguage header: String?) -> Language? {
        guard let header else { return nil }
        var best: (language: Language, quality: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmed() }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard quality > 0, let language = Language(rawValue: primary) else { continue }
            if quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language
    }
}
