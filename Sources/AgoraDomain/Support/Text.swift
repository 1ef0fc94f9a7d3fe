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
