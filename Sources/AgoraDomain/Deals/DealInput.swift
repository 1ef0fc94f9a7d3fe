import Foundation

/// What kind of good news a deal is.
public enum DealKind: String, Sendable, Codable, CaseIterable {
    /// A price for something.
    case deal
    /// A promo code (a voucher): it must carry its code.
    case voucher
    /// Something given away: its price is zero.
    case freebie
}

/// Where a deal is found: a partner of the platform, or a merchant named in free text.
public enum Merchant: Equatable, Sendable {
    case partner(slug: String)
    case named(String)
}

/// A deal as a member writes it (form or API), checked. Fields are read as text, as a form
/// sends them; the first one at fault is thrown, by its name.
public struct DealInput: Equatable, Sendable {
    public let title: String
    public let description: String?
    public let url: String?
    public let kind: DealKind
    public let price: Money?
    public let shipping: Money?
    /// The lowest price of the 30 days before (art. L112-1-1), the only basis of a "−X %".
    public let referencePrice: Money?
    public let promoCode: String?
    public let merchant: Merchant
    public let productID: Int64?
    public let offerID: Int64?
    public let categorySlug: String?
    /// For a deal found in one shop or town rather than online.
    public let city: String?
    public let startsAt: Date?
    public let endsAt: Date?

    /// How far ahead a deal may end: a deal is news, not a catalogue.
    public static let longestRun: TimeInterval = 366 * 86_400

    public init(fields: [String: String], now: Date) throws(ValidationError) {
        func text(_ name: String, max: Int, min: Int = 1, multiline: Bool = false) throws(ValidationError) -> String? {
            let value = (fields[name] ?? "").trimmed()
            if value.isEmpty { return nil }
            guard value.count <= max else { throw ValidationError.tooLong(name, maximum: max) }
            guard value.count >= min else { throw ValidationError(field: name, "error.tooShort") }
            let allowed: Set<Unicode.Scalar> = multiline ? ["\n", "\r", "\t"] : []
            guard !value.unicodeScalars.contains(where: { $0.isUnsafeInText && !allowed.contains($0) }) else {
                throw ValidationError(field: name, "error.invalidValue")
            }
            return value
        }
        func date(_ name: String) throws(ValidationError) -> Date? {
            guard let raw = try text(name, max: 40) else { return nil }
            let full = ISO8601DateFormatter()
            let day = ISO8601DateFormatter()
            day.formatOptions = [.withFullDate]
            guard let parsed = full.date(from: raw) ?? day.date(from: raw) else {
                throw ValidationError(field: name, "error.date.format")
            }
            return parsed
        }
        guard let title = try text("title", max: 140, min: 5) else {
            throw ValidationError(field: "title", "error.required")
        }
        self.title = title
        description = try text("description", max: 5000, multiline: true)
        url = try text("url", max: 2000)
        if let url, !OfferInput.isWebAddress(url) { throw ValidationError(field: "url", "error.url") }
        guard let kind = DealKind(rawValue: fields["kind"]?.trimmed() ?? "deal") else {
            throw ValidationError(field: "kind", "error.invalidValue")
        }
        self.kind = kind
        let currency = try text("currency", max: 3) ?? "EUR"
        func amount(_ name: String) throws(ValidationError) -> Money? {
            try text(name, max: 20).map { raw throws(ValidationError) in
                try Money.parse(decimal: raw, currency: currency, field: name)
            }
        }
        let price = try amount("price")
        switch kind {
        case .deal where price == nil: throw ValidationError(field: "price", "error.required")
        case .freebie where (price?.minorUnits ?? 0) != 0:
            throw ValidationError(field: "price", "error.deal.freebiePrice")
        default: break
        }
        self.price = kind == .freebie ? Money(minorUnits: 0, currency: currency) : price
        shipping = try amount("shipping")
        referencePrice = try amount("referencePrice")
        promoCode = try text("promoCode", max: 40)
        if let promoCode, promoCode.contains(where: \.isWhitespace) {
            throw ValidationError(field: "promoCode", "error.invalidValue")
        }
        if kind == .voucher, promoCode == nil { throw ValidationError(field: "promoCode", "error.required") }
        if let slug = try text("partner", max: 60) {
            merchant = .partner(slug: slug)
        } else if let name = try text("merchant", max: 80) {
            merchant = .named(name)
        } else {
            throw ValidationError(field: "merchant", "error.required")
        }
        func identifier(_ name: String) throws(ValidationError) -> Int64? {
            guard let raw = try text(name, max: 19) else { return nil }
            guard let id = Int64(raw), id > 0 else { throw ValidationError(field: name, "error.invalidValue") }
            return id
        }
        productID = try identifier("productID")
        offerID = try identifier("offerID")
        categorySlug = try text("category", max: 60)
        city = try text("city", max: 80)
        startsAt = try date("startsAt")
        endsAt = try date("endsAt")
        if let endsAt {
            guard endsAt > now else { throw ValidationError(field: "endsAt", "error.deal.endsInPast") }
            guard endsAt.timeIntervalSince(now) <= Self.longestRun else {
                throw ValidationError(field: "endsAt", "error.deal.endsTooLate")
            }
            if let startsAt, endsAt <= startsAt { throw ValidationError(field: "endsAt", "error.deal.endsBeforeStart") }
        }
    }

    /// The total a member pays (price + shipping), when the deal has a price.
    public var total: Money? { Self.total(price: price, shipping: shipping) }

    /// Price plus shipping (none counts as free), when there is a price.
    static func total(price: Money?, shipping: Money?) -> Money? {
        price.map { price in shipping.map { price + $0 } ?? price }
    }
}
