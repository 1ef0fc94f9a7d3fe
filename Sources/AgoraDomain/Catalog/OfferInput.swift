import Foundation

/// The state of the goods an offer sells.
public enum OfferCondition: String, Sendable, Codable, CaseIterable {
    case new, refurbished, used
}

/// One offer as a partner's feed describes it, checked: the product it is for (by GTIN), the
/// partner's price for it, and the product facts the feed may declare.
public struct OfferInput: Equatable, Sendable {
    public let sku: String
    public let gtin: GTIN
    public let productName: String
    public let brand: String?
    public let categorySlug: String?
    public let description: String?
    /// Pictures of the product (at most 4, http or https).
    public let imageURLs: [String]
    /// Certification labels ("Ecolabel européen", "FSC"…), at most 6.
    public let labels: [String]
    public let price: Money
    public let shipping: Money
    public let stock: Int
    public let condition: OfferCondition
    public let url: String
    public let environmentalScore: Int?
    /// Grams of CO2e per unit (kg × 1,000), an integer like every stored quantity.
    public let carbonGrams: Int64?
    /// Repairability or durability index in tenths (0–100 for 0.0–10.0).
    public let repairabilityTenths: Int?
    public let origin: CountryCode?

    /// The columns of a CSV feed, in any order; the first eight are required.
    public static let columns = [
        "sku", "gtin", "name", "price", "currency", "stock", "condition", "url",
        "brand", "category", "shipping", "environmental_score", "carbon_kg", "repairability", "origin",
        "description", "image_urls", "labels",
    ]
    /// Separates the items of a list column (`image_urls`, `labels`) in one CSV field.
    public static let listSeparator: Character = "|"
    public static let requiredColumns = Set(columns.prefix(8))

    /// Checks every field; the first one at fault is thrown, named as in the CSV header.
    public init(fields: [String: String]) throws(ValidationError) {
        func text(_ name: String, max: Int, required: Bool = false, allowingNewlines: Bool = false)
            throws(ValidationError) -> String?
        {
            let value = (fields[name] ?? "").trimmed()
            if value.isEmpty {
                if required { throw ValidationError(field: name, "error.required") }
                return nil
            }
            guard value.count <= max else { throw ValidationError.tooLong(name, maximum: max) }
            guard
                !value.unicodeScalars.contains(where: {
                    $0.isUnsafeInText && !(allowingNewlines && ["\n", "\r", "\t"].contains($0))
                })
            else {
                throw ValidationError(field: name, "error.invalidValue")
            }
            return value
        }
        func number(_ name: String, in range: ClosedRange<Double>) throws(ValidationError) -> Double? {
            guard let raw = try text(name, max: 32) else { return nil }
            guard let value = Double(raw.replacingOccurrences(of: ",", with: ".")), value.isFinite,
                range.contains(value)
            else {
                throw ValidationError(field: name, "error.outOfRange")
            }
            return value
        }
        sku = try text("sku", max: 64, required: true)!
        gtin = try GTIN(try text("gtin", max: 20, required: true)!)
        productName = try text("name", max: 200, required: true)!
        brand = try text("brand", max: 80)
        categorySlug = try text("category", max: 60)
        description = try text("description", max: 2000, allowingNewlines: true)
        func list(_ name: String, max count: Int, maxLength: Int) throws(ValidationError) -> [String] {
            guard let raw = try text(name, max: count * (maxLength + 1)) else { return [] }
            let items = raw.split(separator: Self.listSeparator).map { $0.trimmed() }
                .filter { !$0.isEmpty }
            guard items.count <= count else { throw ValidationError(field: name, "error.tooMany") }
            guard items.allSatisfy({ $0.count <= maxLength }) else {
                throw ValidationError.tooLong(name, maximum: maxLength)
            }
            return items
        }
        imageURLs = try list("image_urls", max: 4, maxLength: 500)
        guard imageURLs.allSatisfy(Self.isWebAddress) else { throw ValidationError(field: "image_urls", "error.url") }
        labels = try list("labels", max: 6, maxLength: 60)
        let currency = try text("currency", max: 3, required: true)!
        price = try Money.parse(
            decimal: try text("price", max: 20, required: true)!, currency: currency, field: "price")
        shipping = try Money.parse(decimal: try text("shipping", max: 20) ?? "0", currency: currency, field: "shipping")
        guard let stock = Int(try text("stock", max: 9, required: true)!), (0...10_000_000).contains(stock) else {
            throw ValidationError(field: "stock", "error.outOfRange")
        }
        self.stock = stock
        guard let condition = OfferCondition(rawValue: try text("condition", max: 20, required: true)!.lowercased())
        else {
            throw ValidationError(field: "condition", "error.invalidValue")
        }
        self.condition = condition
        let url = try text("url", max: 2000, required: true)!
        guard Self.isWebAddress(url) else { throw ValidationError(field: "url", "error.url") }
        self.url = url
        environmentalScore = try number("environmental_score", in: 0...100).map { Int($0.rounded()) }
        carbonGrams = try number("carbon_kg", in: 0...1_000_000).map { Int64(($0 * 1000).rounded()) }
        repairabilityTenths = try number("repairability", in: 0...10).map { Int(($0 * 10).rounded()) }
        origin = try text("origin", max: 3).map { text throws(ValidationError) in try CountryCode(text) }
    }

    /// An absolute http or https address: nothing else is ever put in a link or an image.
    static func isWebAddress(_ text: String) -> Bool {
        guard let parsed = URL(string: text), ["http", "https"].contains(parsed.scheme?.lowercased() ?? "") else {
            return false
        }
        return parsed.host != nil
    }
}

/// A feed read line by line: the offers that are valid, and what is wrong with each other line.
public struct OfferFeed: Sendable {
    public struct LineError: Equatable, Sendable {
        public let line: Int
        public let field: String
        /// A message key of the locale files; `arguments` fill its placeholders.
        public let message: String
        public var arguments: [String] = []
        /// True when the fault is the file's or the header's, so that no line could be read.
        public var isHeaderError = false

        public init(line: Int, field: String, message: String, arguments: [String] = [], isHeaderError: Bool = false) {
            self.line = line
            self.field = field
            self.message = message
            self.arguments = arguments
            self.isHeaderError = isHeaderError
        }
    }

    public let offers: [(line: Int, offer: OfferInput)]
    public let errors: [LineError]

    /// The header's fault (a missing column, an empty or undecodable file): nothing else was read.
    public var headerError: LineError? { errors.first { $0.isHeaderError } }

    /// Reads a feed's bytes: UTF-8 (a byte-order mark, as Excel writes, is skipped). Anything else is
    /// refused whole rather than read with its accents destroyed.
    public init(csvBytes bytes: some Collection<UInt8>) {
        var bytes = Array(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            self.init(
                offers: [],
                errors: [LineError(line: 1, field: "file", message: "error.csv.encoding", isHeaderError: true)])
            return
        }
        self.init(csv: text)
    }

    private init(offers: [(line: Int, offer: OfferInput)], errors: [LineError]) {
        self.offers = offers
        self.errors = errors
    }

    /// The same feed with every offer whose category is not in `known` moved to the errors, so that a
    /// product is never filed under a category nobody created.
    public func rejectingCategories(notIn known: Set<String>) -> OfferFeed {
        var kept: [(line: Int, offer: OfferInput)] = []
        var errors = errors
        for entry in offers {
            if let slug = entry.offer.categorySlug, !known.contains(slug) {
                errors.append(
                    LineError(line: entry.line, field: "category", message: "error.category.unknown", arguments: [slug])
                )
            } else {
                kept.append(entry)
            }
        }
        return OfferFeed(offers: kept, errors: errors.sorted { $0.line < $1.line })
    }

    /// Reads a CSV feed whose first record is the header. A missing required column is reported
    /// once, on the header's line, and nothing else is read.
    public init(csv text: String) {
        let records = CSV.records(text)
        guard let header = records.first else {
            offers = []
            errors = [LineError(line: 1, field: "file", message: "error.csv.empty", isHeaderError: true)]
            return
        }
        let names = header.fields.map { $0.trimmed().lowercased() }
        if let missing = OfferInput.requiredColumns.subtracting(names).sorted().first {
            offers = []
            errors = [
                LineError(line: header.line, field: missing, message: "error.csv.missingColumn", isHeaderError: true)
            ]
            return
        }
        var offers: [(line: Int, offer: OfferInput)] = []
        var errors: [LineError] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                errors.append(LineError(line: record.line, field: "line", message: "error.csv.fieldCount"))
                continue
            }
            let fields = Dictionary(zip(names, record.fields), uniquingKeysWith: { first, _ in first })
            do {
                let offer = try OfferInput(fields: fields)
                if let earlier = seen[offer.sku] {
                    errors.append(
                        LineError(
                            line: record.line, field: "sku", message: "error.csv.duplicateSku",
                            arguments: [String(earlier)]))
                    continue
                }
                seen[offer.sku] = record.line
                offers.append((record.line, offer))
            } catch {
                errors.append(
                    LineError(line: record.line, field: error.field, message: error.message, arguments: error.arguments)
                )
            }
        }
        self.offers = offers
        self.errors = errors
    }
}
