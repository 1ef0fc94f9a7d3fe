extension Unicode.Scalar {
    /// Control characters (Unicode Cc) and invisible format characters (Cf: zero-width spaces and
    /// joiners, byte-order marks, bidirectional overrides that make a text read differently from
    /// what it holds, tag characters): refused in names, titles and feed fields. Asked of the scalar
    /// itself, since `CharacterSet.controlCharacters` is rebuilt on every use and made a
    /// 100,000-line feed twice as slow to read.
    public var isUnsafeInText: Bool {
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        return value >= 0xAD && properties.generalCategory == .format
    }
}

extension StringProtocol {
    /// The text without the white space (spaces, tabs, line breaks) around it. Pure Swift: Foundation's
    /// `trimmingCharacters(in:)` goes through NSString on Linux, the largest cost of reading a feed.
    public func trimmed() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}

/// The one check of a free text field: trimmed, within `length` characters, without unsafe
/// characters (line breaks and tabs allowed when `multiline`).
public enum TextField {
    public static func checked(
        _ raw: String, field: String, length: ClosedRange<Int>, multiline: Bool = false
    ) throws(ValidationError) -> String {
        let value = raw.trimmed()
        if value.isEmpty, length.lowerBound > 0 { throw ValidationError(field: field, "error.required") }
        guard value.count <= length.upperBound else { throw ValidationError.tooLong(field, maximum: length.upperBound) }
        guard value.count >= length.lowerBound else { throw ValidationError(field: field, "error.tooShort") }
        let allowed: Set<Unicode.Scalar> = multiline ? ["\n", "\r", "\t"] : []
        guard !value.unicodeScalars.contains(where: { $0.isUnsafeInText && !allowed.contains($0) }) else {
            throw ValidationError(field: field, "error.invalidValue")
        }
        return value
    }
}
