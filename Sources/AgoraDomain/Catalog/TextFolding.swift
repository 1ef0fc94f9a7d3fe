import Foundation

/// Folds text the way search compares it: lower case, without accents or ligatures, so that
/// "eco" finds "éco" and "telephone" finds "Téléphone" in both languages.
///
/// Folding happens in Swift, once, for the indexed text and for the query, so that SQLite and
/// PostgreSQL see the same words and neither needs an extension.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        text.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "Œ", with: "OE")
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "Æ", with: "AE")
            .folding(
                options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                locale: Locale(identifier: "en_US_POSIX")
            )
            .lowercased()
    }

    /// The words of `text`, folded: letters and digits, everything else separates.
    public static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
