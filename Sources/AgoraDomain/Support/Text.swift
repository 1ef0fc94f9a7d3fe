extension Unicode.Scalar {
    /// Control characters (Unicode Cc) and the invisible bidirectional overrides that can make a
    /// text read differently from what it holds (U+202A–U+202E, U+2066–U+2069): refused in names,
    /// titles and feed fields. Tested by value, since `CharacterSet.controlCharacters` is rebuilt on
    /// every use and made a 100,000-line feed twice as slow to read.
    public var isUnsafeInText: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
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
