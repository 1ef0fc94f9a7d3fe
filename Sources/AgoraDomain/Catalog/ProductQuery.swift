import Foundation

/// What a member asks of the catalog: words, filters, an order and where the last page ended.
public struct ProductQuery: Equatable, Sendable {
    public enum Sort: String, Sendable, CaseIterable {
        /// Best text match first (only with words; otherwise it means `price`).
        case relevance
        /// Lowest total price (price + shipping) first.
        case price
        /// Best environmental score first; products without one last.
        case sustainability
        /// Most offers first, until likes and reviews give a better measure.
        case popularity
        /// Total price and sustainability blended by `sustainabilityWeight` (see `BestForMe`).
        case forMe
        /// Nearest store first (only with `near`).
        case distance
    }

    public var words: [String] = []
    public var categorySlug: String?
    public var minTotal: Int64?
    public var maxTotal: Int64?
    public var minGrade: EnvironmentalGrade?
    public var maxCarbonGrams: Int64?
    public var minRepairabilityTenths: Int?
    public var origin: CountryCode?
    public var inStockOnly = false
    public var condition: OfferCondition?
    public var sort = Sort.relevance
    /// The currency whose offers are searched and compared.
    public var currency = "EUR"
    /// How much sustainability counts in `forMe`, 0–100: the `weight` parameter, else the member's setting.
    public var sustainabilityWeight: Int?
    /// Only products in stock in a partner's store within `radiusKm` of this point.
    public var near: Coordinates?
    public var radiusKm = Vicinity.defaultRadiusKm
    public var after: Cursor?
    public var limit = 20

    public init() {}

    /// The order actually used: relevance needs words to be relevant to.
    public var effectiveSort: Sort { sort == .relevance && words.isEmpty ? .price : sort }

    /// Reads the API's query parameters; the first one at fault is thrown, by its name. `near` is
    /// `latitude,longitude` or `home`, the member's `home` (nil for visitors and members without one).
    public init(parameters: [String: String], home: Coordinates? = nil) throws(ValidationError) {
        func value(_ name: String) -> String? {
            guard let raw = parameters[name]?.trimmed(), !raw.isEmpty else { return nil }
            return raw
        }
        func integer(_ name: String, in range: ClosedRange<Int64>) throws(ValidationError) -> Int64? {
            guard let raw = value(name) else { return nil }
            guard let number = Int64(raw), range.contains(number) else {
                throw ValidationError(field: name, "error.outOfRange")
            }
            return number
        }
        func decimal(_ name: String, in range: ClosedRange<Double>) throws(ValidationError) -> Double? {
            guard let raw = value(name) else { return nil }
            guard let number = Double(raw.replacingOccurrences(of: ",", with: ".")), number.isFinite,
                range.contains(number)
            else {
                throw ValidationError(field: name, "error.outOfRange")
            }
            return number
        }
        if let text = value("q") {
            guard text.count <= 200 else { throw ValidationError.tooLong("q", maximum: 200) }
            // One-letter words would prefix-match most of the index: they are left out.
            words = Array(TextFolding.words(text).filter { $0.count >= 2 }.prefix(8))
        }
        if let slug = value("category") {
            guard slug.count <= 60 else { throw ValidationError.tooLong("category", maximum: 60) }
            categorySlug = slug
        }
        minTotal = try integer("minPrice", in: 0...100_000_000_000)
        maxTotal = try integer("maxPrice", in: 0...100_000_000_000)
        if let grade = value("grade") {
            guard let parsed = EnvironmentalGrade(rawValue: grade.uppercased()) else {
                throw ValidationError(field: "grade", "error.invalidValue")
            }
            minGrade = parsed
        }
        maxCarbonGrams = try decimal("maxCarbonKg", in: 0...1_000_000).map { Int64(($0 * 1000).rounded()) }
        minRepairabilityTenths = try decimal("minRepairability", in: 0...10).map { Int(($0 * 10).rounded()) }
        if let origin = value("origin") { self.origin = try CountryCode(origin) }
        if let inStock = value("inStock") {
            guard let flag = ["true": true, "false": false, "1": true, "0": false][inStock] else {
                throw ValidationError(field: "inStock", "error.invalidValue")
            }
            inStockOnly = flag
        }
        if let condition = value("condition") {
            guard let parsed = OfferCondition(rawValue: condition) else {
                throw ValidationError(field: "condition", "error.invalidValue")
            }
            self.condition = parsed
        }
        if let sort = value("sort") {
            guard let parsed = Sort(rawValue: sort) else { throw ValidationError(field: "sort", "error.invalidValue") }
            self.sort = parsed
        }
        if let cursor = value("cursor") {
            guard let parsed = Cursor(encoded: cursor) else {
                throw ValidationError(field: "cursor", "error.invalidValue")
            }
            after = parsed
        }
        if let vicinity = try Vicinity(near: parameters["near"], radiusKm: parameters["radiusKm"], home: home) {
            (near, radiusKm) = (vicinity.center, vicinity.radiusKm)
        }
        if sort == .distance, near == nil { throw ValidationError(field: "near", "error.near.required") }
        limit = Int(try integer("limit", in: 1...50) ?? 20)
        sustainabilityWeight = try integer("weight", in: 0...100).map(Int.init)
        if let code = value("currency") {
            guard code.count == 3, code.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) else {
                throw ValidationError(field: "currency", "error.money.currency")
            }
            currency = code
        }
    }
}

/// Where a page ended: the sort key and id of its last item, opaque to clients (base64url JSON).
public struct Cursor: Equatable, Sendable, Codable {
    public let key: Double
    public let id: Int64

    public init(key: Double, id: Int64) {
        self.key = key
        self.id = id
    }

    public init?(encoded: String) {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard encoded.count <= 200, let data = Data(base64Encoded: base64),
            let cursor = try? JSONDecoder().decode(Cursor.self, from: data), cursor.key.isFinite
        else { return nil }
        self = cursor
    }

    public var encoded: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_"
        )
        .replacingOccurrences(of: "=", with: "")
    }
}
