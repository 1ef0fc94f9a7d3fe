import Foundation

/// A whole UTC day written `YYYY-MM-DD`, as periods are given in query strings.
enum ISODay {
    /// The day's first instant; a 422 naming `field` when `raw` is not a real day (`2026-02-30` is
    /// refused, not rolled over to March).
    static func parse(_ raw: String, field: String) throws -> Date {
        guard raw.count == 10, let date = try? Date(raw + "T00:00:00Z", strategy: .iso8601), format(date) == raw else {
            throw Problem.validation(field: field, "error.invalidValue")
        }
        return date
    }

    static func format(_ date: Date) -> String { String(date.formatted(.iso8601).prefix(10)) }
}
