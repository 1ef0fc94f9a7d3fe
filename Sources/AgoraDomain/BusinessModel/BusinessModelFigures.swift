import Foundation

/// The whole UTC days a report looks at, `[from, to)`, at most a year and a day: the one period
/// of every statement, dashboard and voice of the customer. Typed as `YYYY-MM-DD`, both days
/// included.
public struct ReportPeriod: Sendable, Equatable {
    public let from: Date
    /// The first instant after the period (midnight after its last day).
    public let to: Date

    public static let longest = 366
    static let day: TimeInterval = 86_400

    public init(from: Date, to: Date) throws(ValidationError) {
        guard from < to else { throw ValidationError(field: "to", "error.period.order") }
        guard to.timeIntervalSince(from) <= Double(Self.longest) * Self.day else {
            throw ValidationError(field: "to", "error.period.tooLong")
        }
        self.from = from
        self.to = to
    }

    /// The last `days` whole days, today included (UTC).
    public static func last(_ days: Int, now: Date) -> ReportPeriod {
        let end = startOfDay(now) + day
        return try! ReportPeriod(from: end - Double(days) * day, to: end)
    }

    /// The period of `from` and `to` as typed (`YYYY-MM-DD`, both included); without them, the last
    /// `standardDays` days up to today included; one of them alone counts `standardDays` from or to it.
    public static func checked(from: String?, to: String?, now: Date, standardDays: Int) throws(ValidationError)
        -> ReportPeriod
    {
        let first = try from.map { raw throws(ValidationError) in try Self.day(raw, field: "from") }
        let last = try to.map { raw throws(ValidationError) in try Self.day(raw, field: "to") }
        let span = Double(standardDays) * day
        let end = last.map { $0 + day } ?? first.map { $0 + span } ?? startOfDay(now) + day
        return try ReportPeriod(from: first ?? end - span, to: end)
    }

    public var days: Double { to.timeIntervalSince(from) / Self.day }

    /// The UTC day numbers (days since 1970) the period covers.
    public var dayNumbers: ClosedRange<Int64> {
        Int64(
            (from.timeIntervalSince1970 / Self.day).rounded(.down))...Int64(
                (to.timeIntervalSince1970 / Self.day).rounded(.up) - 1)
    }

    public func contains(_ date: Date) -> Bool { from <= date && date < to }

    /// The first and the last day, as typed.
    public var firstDay: String { Self.isoDay(from) }
    public var lastDay: String { Self.isoDay(to - Self.day) }

    /// The Mondays starting the weeks that overlap the period, in order.
    public var weekStarts: [Date] { stride(from: Self.weekStart(of: from), to: to, by: 7 * Self.day).map { $0 } }

    /// The Monday 00:00 UTC starting the week of `date`.
    public static func weekStart(of date: Date) -> Date {
        let days = (date.timeIntervalSince1970 / day).rounded(.down)
        // 1 January 1970 was a Thursday, three days after a Monday.
        let sinceMonday = (days + 3).truncatingRemainder(dividingBy: 7)
        return Date(timeIntervalSince1970: (days - (sinceMonday < 0 ? sinceMonday + 7 : sinceMonday)) * day)
    }

    /// `2026-09-01` for a date, in UTC.
    public static func isoDay(_ date: Date) -> String {
        let components = utc.dateComponents([.year, .month, .day], from: startOfDay(date))
        return String(format: "%04d-%02d-%02d", components.year!, components.month!, components.day!)
    }

    public static func startOfDay(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / day).rounded(.down) * day)
    }

    /// A `YYYY-MM-DD` day that exists, as midnight UTC (`2026-02-30` is refused, not carried over).
    public static func day(_ raw: String, field: String) throws(ValidationError) -> Date {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard raw.count == 10, parts.count == 3, parts.map(\.count) == [4, 2, 2],
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]),
            let date = utc.date(from: DateComponents(year: year, month: month, day: dayOfMonth))
        else { throw ValidationError(field: field, "error.period.date") }
        let read = utc.dateComponents([.year, .month, .day], from: date)
        guard read.year == year, read.month == month, read.day == dayOfMonth else {
            throw ValidationError(field: field, "error.period.date")
        }
        return date
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

/// Every figure of the VISOR dashboard for a period; a partner's slice leaves out the
/// platform-wide panels (interface, service platform).
public struct BusinessModelFigures: Sendable, Equatable {
    /// What members gain: savings, shares that became orders, group buys, greener orders.
    public struct ValueProposition: Sendable, Equatable {
        public var ordersPlaced = 0
        /// Orders whose 30-day reference price was known, and what they saved against it.
        public var ordersWithReference = 0
        public var savedAgainstReference: Int64 = 0
        public var ordersWithMedian = 0
        public var savedAgainstMedian: Int64 = 0
        /// Distinct (deal, sharer) pairs whose link was opened in the period.
        public var dealsShared = 0
        public var ordersFromShares = 0
        public var groupBuysSucceeded = 0
        public var groupBuysFailed = 0
        /// What the participants of the period's successful group buys saved against the first tier.
        public var groupBuySavings: Int64 = 0
        /// Orders of products graded A+ to B, and orders whose product has no grade.
        public var greenOrders = 0
        public var ungradedOrders = 0
        public init() {}
    }

    /// How members reach the service.
    public struct Interface: Sendable, Equatable {
        /// Distinct members seen each day of the period (day number since 1970, count), oldest first.
        public var activeByDay: [DayCount] = []
        public var activeInPeriod = 0
        /// Distinct members seen in the last 7 and 30 days of the period.
        public var activeLastWeek = 0
        public var activeLastMonth = 0
        public var newMembers = 0
        public var requestsByChannel: [TrafficChannel: Int64] = [:]
        /// Active members by their chosen language ("" for those who let the browser choose).
        public var languages: [String: Int] = [:]
        /// Pages (desktop and phone), in milliseconds; nil before any page was measured.
        public var pageLatencyP50: Double?
        public var pageLatencyP95: Double?
        /// The first hour traffic was recorded in the period, if any.
        public var measuredSince: Date?
        public init() {}
    }

    /// How the platform runs.
    public struct ServicePlatform: Sendable, Equatable {
        public var requests: Int64 = 0
        public var clientErrors: Int64 = 0
        public var serverErrors: Int64 = 0
        public var requestsByDay: [DayCount] = []
        /// Every response but live streams, in milliseconds.
        public var latencyP95: Double?
        public var apiLatencyP95: Double?
        /// Summed over instances that reported in the last minute.
        public var liveConnections = 0
        public var deliveryLagMilliseconds: Int64?
        public var reportingInstances = 0
        public var webhookAttempts = 0
        public var webhookSuccesses = 0
        public init() {}
    }

    /// How partners' processes work with the platform's.
    public struct OrganizingModel: Sendable, Equatable {
        public struct PartnerRow: Sendable, Equatable {
            public let partner: PartnerID
            public let name: String
            public var ordersPlaced = 0
            public var acknowledged = 0
            public var acknowledgedInTarget = 0
            /// Median hours from placed to acknowledged; nil when none was acknowledged.
            public var medianAcknowledgementHours: Double?
            public var offers = 0
            /// Offers updated in the 7 days before the period's end.
            public var freshOffers = 0
            public var webhookAttempts = 0
            public var webhookFailures = 0
            public init(partner: PartnerID, name: String) {
                self.partner = partner
                self.name = name
            }
        }

        public var partners: [PartnerRow] = []
        /// Partners with an order placed or an offer updated in the period.
        public var activePartners = 0
        public var acknowledgementTargetHours = 0
        /// Ideas whose response deadline fell in the period, those decided by then, and those in
        /// review past their deadline now.
        public var ideasDue = 0
        public var ideasAnsweredInTime = 0
        public var ideasOverdueNow = 0
        public init() {}
    }

    public let period: ReportPeriod
    public let partner: PartnerID?
    public var value = ValueProposition()
    public var interface: Interface?
    public var platform: ServicePlatform?
    public var organizing = OrganizingModel()
    public var profitAndLoss = ProfitAndLoss()
    /// Orders in another currency than the dashboard's (EUR), left out of the money figures.
    public var ordersInOtherCurrencies = 0
    public var settings: PlatformSettings
    public var partnerNames: [PartnerID: String] = [:]
    /// The settings changed in the period (a partner's slice: its own terms only), oldest first.
    public var settingsChanges: [SettingChange] = []

    public init(period: ReportPeriod, partner: PartnerID?, settings: PlatformSettings) {
        self.period = period
        self.partner = partner
        self.settings = settings
    }
}

/// One change of the business model's settings, as the audit log keeps it.
public struct SettingChange: Equatable, Sendable {
    /// A `PlatformSettings.Key`, or a partner's `commission_bps`, `cost_of_goods_bps`, `cost_per_order`.
    public let key: String
    /// Nil for a platform setting.
    public let partner: PartnerID?
    public let oldValue: Int64
    public let newValue: Int64
    public let staffHandle: String?
    public let at: Date

    public init(key: String, partner: PartnerID?, oldValue: Int64, newValue: Int64, staffHandle: String?, at: Date) {
        (self.key, self.partner, self.oldValue, self.newValue, self.staffHandle, self.at) = (
            key, partner, oldValue, newValue, staffHandle, at
        )
    }
}

/// A count on one UTC day (days since 1970).
public struct DayCount: Sendable, Equatable {
    public let day: Int64
    public let count: Int64
    public init(day: Int64, count: Int64) {
        self.day = day
        self.count = count
    }
    public var date: Date { Date(timeIntervalSince1970: Double(day) * 86_400) }
}
