import Foundation

/// The days a dashboard looks at: `[from, to)`, whole UTC days, at most a year and a day.
public struct ReportPeriod: Sendable, Equatable {
    public let from: Date
    public let to: Date

    public static let longest = 366

    public init(from: Date, to: Date) throws(ValidationError) {
        guard from < to else { throw ValidationError(field: "to", "error.period.order") }
        guard to.timeIntervalSince(from) <= Double(Self.longest) * 86_400 else {
            throw ValidationError(field: "from", "error.period.tooLong")
        }
        self.from = from
        self.to = to
    }

    /// The last `days` whole days up to the end of today (UTC).
    public static func last(_ days: Int, now: Date) -> ReportPeriod {
        let end = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 86_400).rounded(.up) * 86_400)
        return try! ReportPeriod(from: end.addingTimeInterval(-Double(days) * 86_400), to: end)
    }

    public var days: Double { to.timeIntervalSince(from) / 86_400 }

    /// The UTC day numbers (days since 1970) the period covers.
    public var dayNumbers: ClosedRange<Int64> {
        Int64(
            (from.timeIntervalSince1970 / 86_400).rounded(.down))...Int64(
                (to.timeIntervalSince1970 / 86_400).rounded(.up) - 1)
    }
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

    public init(period: ReportPeriod, partner: PartnerID?, settings: PlatformSettings) {
        self.period = period
        self.partner = partner
        self.settings = settings
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
