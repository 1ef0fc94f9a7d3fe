import Foundation

/// What staff tune of the business model, platform-wide: the money of every new order
/// (`CommerceSettings`), the platform's own fixed costs, and the targets the dashboard measures
/// against. Orders keep the amounts of their time: a change applies to orders placed after it.
public struct PlatformSettings: Sendable, Equatable, Codable {
    public var commerce: CommerceSettings
    /// What running the platform costs a month (hosting, people), in minor units of EUR; a period
    /// bears its share by days (a 30-day month).
    public var fixedCostsPerMonth: Int64
    /// Partners acknowledge an order within this many hours.
    public var acknowledgementTargetHours: Int
    /// The share of webhook calls that should succeed, in basis points.
    public var webhookSuccessTargetBps: Int
    /// The share of ideas in review that staff should decide on within their deadline, in basis points.
    public var ideasAnsweredTargetBps: Int

    public init(
        commerce: CommerceSettings, fixedCostsPerMonth: Int64, acknowledgementTargetHours: Int,
        webhookSuccessTargetBps: Int, ideasAnsweredTargetBps: Int
    ) {
        self.commerce = commerce
        self.fixedCostsPerMonth = fixedCostsPerMonth
        self.acknowledgementTargetHours = acknowledgementTargetHours
        self.webhookSuccessTargetBps = webhookSuccessTargetBps
        self.ideasAnsweredTargetBps = ideasAnsweredTargetBps
    }

    /// Until staff change anything: the deployment's commerce settings and modest targets.
    public static func defaults(commerce: CommerceSettings) -> PlatformSettings {
        PlatformSettings(
            commerce: commerce, fixedCostsPerMonth: 0, acknowledgementTargetHours: 24,
            webhookSuccessTargetBps: 9_900, ideasAnsweredTargetBps: 9_000)
    }

    /// One setting by its stored key, with the bounds a change must respect.
    public enum Key: String, Sendable, CaseIterable, Codable {
        case rewardShareBps = "reward_share_bps"
        case processingCostFixed = "processing_cost_fixed"
        case processingCostBps = "processing_cost_bps"
        case returnWindowDays = "return_window_days"
        case fixedCostsPerMonth = "fixed_costs_per_month"
        case acknowledgementTargetHours = "acknowledgement_target_hours"
        case webhookSuccessTargetBps = "webhook_success_target_bps"
        case ideasAnsweredTargetBps = "ideas_answered_target_bps"

        public var bounds: ClosedRange<Int64> {
            switch self {
            case .rewardShareBps, .webhookSuccessTargetBps, .ideasAnsweredTargetBps: 0...10_000
            case .processingCostFixed: 0...10_000
            case .processingCostBps: 0...2_000
            case .returnWindowDays: 14...365
            case .fixedCostsPerMonth: 0...100_000_000_000
            case .acknowledgementTargetHours: 1...720
            }
        }
    }

    public subscript(key: Key) -> Int64 {
        get {
            switch key {
            case .rewardShareBps: Int64(commerce.rewardShareBps)
            case .processingCostFixed: commerce.processingCostFixed
            case .processingCostBps: Int64(commerce.processingCostBps)
            case .returnWindowDays: Int64(commerce.returnWindowDays)
            case .fixedCostsPerMonth: fixedCostsPerMonth
            case .acknowledgementTargetHours: Int64(acknowledgementTargetHours)
            case .webhookSuccessTargetBps: Int64(webhookSuccessTargetBps)
            case .ideasAnsweredTargetBps: Int64(ideasAnsweredTargetBps)
            }
        }
        set {
            switch key {
            case .rewardShareBps: commerce.rewardShareBps = Int(newValue)
            case .processingCostFixed: commerce.processingCostFixed = newValue
            case .processingCostBps: commerce.processingCostBps = Int(newValue)
            case .returnWindowDays: commerce.returnWindowDays = Int(newValue)
            case .fixedCostsPerMonth: fixedCostsPerMonth = newValue
            case .acknowledgementTargetHours: acknowledgementTargetHours = Int(newValue)
            case .webhookSuccessTargetBps: webhookSuccessTargetBps = Int(newValue)
            case .ideasAnsweredTargetBps: ideasAnsweredTargetBps = Int(newValue)
            }
        }
    }

    /// `changes` applied to these settings, each within its bounds (a `ValidationError` naming the
    /// key otherwise).
    public func applying(_ changes: [Key: Int64]) throws(ValidationError) -> PlatformSettings {
        var result = self
        for (key, value) in changes {
            guard key.bounds.contains(value) else { throw ValidationError(field: key.rawValue, "error.outOfRange") }
            result[key] = value
        }
        return result
    }
}

/// What a partner pays the platform and what selling costs the partner, as staff record it from
/// the partner's declaration: the dashboard's profit and loss of each partner rests on it.
public struct PartnerTerms: Sendable, Equatable, Codable {
    public var commissionBps: Int
    /// The partner's cost of the goods it sells, as a share of its net sales, in basis points.
    public var costOfGoodsBps: Int
    /// What preparing and shipping one order costs the partner, in minor units.
    public var costPerOrder: Int64

    public init(commissionBps: Int, costOfGoodsBps: Int, costPerOrder: Int64) {
        self.commissionBps = commissionBps
        self.costOfGoodsBps = costOfGoodsBps
        self.costPerOrder = costPerOrder
    }

    public static let commissionBounds = 0...5_000
    public static let costOfGoodsBounds = 0...20_000
    public static let costPerOrderBounds: ClosedRange<Int64> = 0...1_000_000

    public func checked() throws(ValidationError) -> PartnerTerms {
        guard Self.commissionBounds.contains(commissionBps) else {
            throw ValidationError(field: "commissionBps", "error.outOfRange")
        }
        guard Self.costOfGoodsBounds.contains(costOfGoodsBps) else {
            throw ValidationError(field: "costOfGoodsBps", "error.outOfRange")
        }
        guard Self.costPerOrderBounds.contains(costPerOrder) else {
            throw ValidationError(field: "costPerOrder", "error.outOfRange")
        }
        return self
    }
}
