/// A Global Trade Item Number (GTIN-8, GTIN-13 or GTIN-14), the barcode that identifies a product
/// across partners' feeds.
public struct GTIN: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Always 14 digits (shorter forms are left-padded with zeros, as GS1 specifies), so that the
    /// same product matches whichever form a feed uses.
    public let digits: String

    /// Checks the length and the GS1 check digit of `text` (spaces and hyphens are ignored).
    public init(_ text: String) throws(ValidationError) {
        let cleaned = text.filter { $0 != " " && $0 != "-" }
        guard [8, 12, 13, 14].contains(cleaned.count), cleaned.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError(field: "gtin", "error.gtin.format")
        }
        guard Self.checkDigitIsValid(cleaned) else { throw ValidationError(field: "gtin", "error.gtin.checkDigit") }
        digits = String(repeating: "0", count: 14 - cleaned.count) + cleaned
    }

    public var description: String { digits }

    /// GS1's mod-10 rule: from the right, excluding the check digit, weights alternate 3, 1, 3, …
    static func checkDigitIsValid(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard let check = values.last else { return false }
        var sum = 0
        for (position, value) in values.dropLast().reversed().enumerated() {
            sum += value * (position % 2 == 0 ? 3 : 1)
        }
        return (10 - sum % 10) % 10 == check
    }
}
