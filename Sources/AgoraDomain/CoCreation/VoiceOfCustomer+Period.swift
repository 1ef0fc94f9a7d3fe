import Foundation

extension VoiceOfCustomer {
    /// Whole UTC days `[from, to)`: `from` included, `to` excluded, at most 366 days.
    public struct Period: Equatable, Sendable {
        public let from: Date
        public let to: Date

        public static let defaultDays = 90
        public static let maximumDays = 366
        static let day: TimeInterval = 86_400

        /// The period of `from` and `to` as typed (`YYYY-MM-DD`); without them, the last 90 days up
        /// to and including today (UTC). One of them alone counts 90 days from or to it.
        public static func checked(from: String?, to: String?, now: Date) throws(ValidationError) -> Period {
            let typedFrom = try from.map { raw throws(ValidationError) in try Self.day(raw, field: "from") }
            let typedTo = try to.map { raw throws(ValidationError) in try Self.day(raw, field: "to") }
            let span = Double(defaultDays) * day
            let end = typedTo ?? typedFrom.map { $0 + span } ?? startOfDay(now) + day
            let start = typedFrom ?? end - span
            guard start < end else { throw ValidationError(field: "to", "voice.error.order") }
            guard end.timeIntervalSince(start) <= Double(maximumDays) * day else {
                throw ValidationError(field: "to", "voice.error.tooLong")
            }
            return Period(from: start, to: end)
        }

        public init(from: Date, to: Date) {
            self.from = from
            self.to = to
        }

        public func contains(_ date: Date) -> Bool { from <= date && date < to }

        /// The Mondays starting the weeks that overlap the period, in order.
        public var weekStarts: [Date] {
            stride(from: Self.weekStart(of: from), to: to, by: 7 * Self.day).map { $0 }
        }

        /// The Monday 00:00 UTC starting the week of `date`.
        public static func weekStart(of date: Date) -> Date {
            let days = (date.timeIntervalSince1970 / day).rounded(.down)
            // 1 January 1970 was a Thursday, three days after a Monday.
            let sinceMonday = (days + 3).truncatingRemainder(dividingBy: 7)
            return Date(timeIntervalSince1970: (days - (sinceMonday < 0 ? sinceMonday + 7 : sinceMonday)) * day)
        }

        /// `2026-09-01` for a date, in UTC.
        public static func isoDay(_ date: Date) -> String {
            let days = Int((date.timeIntervalSince1970 / day).rounded(.down))
            let components = utc.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * day))
            return String(format: "%04d-%02d-%02d", components.year!, components.month!, components.day!)
        }

        static func startOfDay(_ date: Date) -> Date {
            Date(timeIntervalSince1970: (date.timeIntervalSince1970 / day).rounded(.down) * day)
        }

        /// A `YYYY-MM-DD` date that exists, as midnight UTC.
        static func day(_ raw: String, field: String) throws(ValidationError) -> Date {
            let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
            guard raw.count == 10, parts.count == 3, parts.map(\.count) == [4, 2, 2],
                parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]),
                let date = utc.date(from: DateComponents(year: year, month: month, day: dayOfMonth))
            else { throw ValidationError(field: field, "voice.error.date") }
            // The calendar carries 30 February over to March: such a day does not exist.
            let read = utc.dateComponents([.year, .month, .day], from: date)
            guard read.year == year, read.month == month, read.day == dayOfMonth else {
                throw ValidationError(field: field, "voice.error.date")
            }
            return date
        }

        private static let utc: Calendar = {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            return calendar
        }()
    }
}
