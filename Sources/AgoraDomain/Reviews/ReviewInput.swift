import Foundation

/// What a review is about: a product, or a partner's service and delivery.
public enum ReviewSubject: Hashable, Sendable {
    case product(Int64)
    case partner(PartnerID)

    /// How the subject is written in storage and in links: `product:12`, `partner:3`.
    public var key: String {
        switch self {
        case .product(let id): "product:\(id)"
        case .partner(let id): "partner:\(id)"
        }
    }

    public init?(key: String) {
        let parts = key.split(separator: ":")
        guard parts.count == 2, let id = Int64(parts[1]), id > 0 else { return nil }
        switch parts[0] {
        case "product": self = .product(id)
        case "partner": self = .partner(PartnerID(id))
        default: return nil
        }
    }
}

/// A member's review as typed, before it is checked.
public struct ReviewInput: Equatable, Sendable {
    public var rating: Int
    public var title: String
    public var body: String
    public var pros: String?
    public var cons: String?
    /// When the member used the product or the service, as `YYYY-MM-DD` (French law asks for it next to the review).
    public var experiencedOn: String

    public init(rating: Int, title: String, body: String, pros: String?, cons: String?, experiencedOn: String) {
        self.rating = rating
        self.title = title
        self.body = body
        self.pros = pros
        self.cons = cons
        self.experiencedOn = experiencedOn
    }
}

/// The rules of a review's content.
public enum ReviewRules {
    public static let ratings = 1...5
    public static let titleLength = 3...120
    public static let bodyLength = 20...5000
    public static let prosAndConsMaximum = 1000
    /// Reviews older than this describe products that have changed too much to help anyone.
    public static let earliestExperience = "2000-01-01"

    /// The input trimmed and checked against `today` (`YYYY-MM-DD`, UTC); the first broken rule otherwise.
    public static func checked(_ input: ReviewInput, today: String) throws(ValidationError) -> ReviewInput {
        guard ratings.contains(input.rating) else { throw ValidationError(field: "rating", "error.review.rating") }
        let title = input.title.trimmed()
        guard !title.isEmpty else { throw ValidationError(field: "title", "error.required") }
        guard titleLength.contains(title.count) else {
            throw ValidationError(field: "title", "error.review.titleLength")
        }
        guard !title.unicodeScalars.contains(where: \.isUnsafeInText) else {
            throw ValidationError(field: "title", "error.invalidValue")
        }
        let body = try text(input.body, field: "body")
        guard bodyLength.contains(body.count) else { throw ValidationError(field: "body", "error.review.bodyLength") }
        let pros = try optional(input.pros, field: "pros")
        let cons = try optional(input.cons, field: "cons")
        let experienced = input.experiencedOn.trimmed()
        guard let date = day(experienced) else { throw ValidationError(field: "experiencedOn", "error.review.date") }
        guard date >= earliestExperience, date <= today else {
            throw ValidationError(field: "experiencedOn", "error.review.dateRange")
        }
        return ReviewInput(
            rating: input.rating, title: title, body: body, pros: pros, cons: cons, experiencedOn: date)
    }

    public static let replyMaximum = 2000

    /// A partner's public answer, trimmed and checked.
    public static func checkedReply(_ raw: String) throws(ValidationError) -> String {
        let body = try text(raw, field: "body")
        guard body.count <= replyMaximum else { throw ValidationError.tooLong("body", maximum: replyMaximum) }
        return body
    }

    /// `YYYY-MM-DD` of `date` in UTC, the form in which experience dates are compared and kept.
    public static func day(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// The day written as `YYYY-MM-DD` if it exists on the calendar (no 31 February).
    static func day(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: date) == components
        else { return nil }
        return text
    }

    private static func text(_ raw: String, field: String) throws(ValidationError) -> String {
        let value = raw.trimmed()
        guard !value.isEmpty else { throw ValidationError(field: field, "error.required") }
        let allowed: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
        guard !value.unicodeScalars.contains(where: { $0.isUnsafeInText && !allowed.contains($0) }) else {
            throw ValidationError(field: field, "error.invalidValue")
        }
        return value
    }

    private static func optional(_ raw: String?, field: String) throws(ValidationError) -> String? {
        guard let raw, !raw.trimmed().isEmpty else { return nil }
        let value = try text(raw, field: field)
        guard value.count <= prosAndConsMaximum else {
            throw ValidationError.tooLong(field, maximum: prosAndConsMaximum)
        }
        return value
    }
}
