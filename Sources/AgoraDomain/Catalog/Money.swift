import Foundation

/// An amount in integer minor units (cents) of one currency. Never floating point.
public struct Money: Hashable, Sendable, Codable, Comparable {
    public let minorUnits: Int64
    /// ISO 4217 code, upper case (`EUR`).
    public let currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Checks an amount read from outside: non-negative, at most a billion units, a three-letter code.
    public static func parse(minorUnits: Int64, currency: String, field: String) throws(ValidationError) -> Money {
        guard (0...100_000_000_000).contains(minorUnits) else {
            throw ValidationError(field: field, "error.money.range")
        }
        let code = currency.uppercased()
        guard code.count == 3, code.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) else {
            throw ValidationError(field: "currency", "error.money.currency")
        }
        return Money(minorUnits: minorUnits, currency: code)
    }

    /// The amount as a plain decimal ("1299" cents → "12.99"), as feeds write it.
    public var decimalText: String {
        let sign = minorUnits < 0 ? "-" : ""
        return "\(sign)\(abs(minorUnits) / 100)." + String(String(abs(minorUnits) % 100 + 100).dropFirst())
    }

    /// Reads a decimal amount as people write it ("12.5", "12,50"): at most two decimals.
    public static func parse(decimal text: String, currency: String, field: String) throws(ValidationError) -> Money {
        let trimmed = text.trimmed().replacing(",", with: ".")
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
            parts[0].count <= 11,
            parts.count == 1 || ((1...2).contains(parts[1].count) && parts[1].allSatisfy(\.isASCIIDigit))
        else { throw ValidationError(field: field, "error.money.format") }
        let units = Int64(parts[0])!
        let cents = parts.count == 2 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
        return try parse(minorUnits: units * 100 + cents, currency: currency, field: field)
    }

    /// Amounts of one currency compare by value; amounts of different currencies never compare as
    /// equal, and order by currency code (a total order, so sorting mixed lists cannot trap).
    public static func < (lhs: Money, rhs: Money) -> Bool {
        lhs.currency == rhs.currency ? lhs.minorUnits < rhs.minorUnits : lhs.currency < rhs.currency
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
    }

    /// As a reader of `language` writes it: "1 234,56 €" in French, "€1,234.56" in English.
    public func formatted(_ language: Language) -> String {
        let negative = minorUnits < 0
        let units = String(abs(minorUnits) / 100)
        let cents = String(String(abs(minorUnits) % 100 + 100).dropFirst())
        var grouped = ""
        for (index, digit) in units.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(language == .fr ? "\u{202F}" : ",") }
            grouped.append(digit)
        }
        let number = String(grouped.reversed())
        let symbol = Self.symbols[currency] ?? currency
        let sign = negative ? "−" : ""
        switch language {
        case .fr: return "\(sign)\(number),\(cents)\u{00A0}\(symbol)"
        case .en: return "\(sign)\(symbol)\(number).\(cents)"
        }
    }

    static let symbols = ["EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"]
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
