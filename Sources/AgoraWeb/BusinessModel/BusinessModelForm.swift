import AgoraDomain
import AgoraStore
import Foundation

/// The business-model forms as people type them: rates in percent ("8,5" or "8.5 %") stored as
/// basis points, money in euros ("12,50") stored as cents, hours and days as whole numbers. Each
/// field is named after the setting it holds (`reward_share_bps`, `commission_bps`…), as the audit
/// log names it.
enum BusinessModelForm {
    enum Unit { case percent, money, hours, days }

    /// A partner's terms, by the names the audit log gives them.
    static let termKeys = ["commission_bps", "cost_of_goods_bps", "cost_per_order"]

    /// The platform settings a what-if tries: those that change the money of an order or the platform's costs.
    static let whatIfKeys: [PlatformSettings.Key] = [
        .rewardShareBps, .processingCostFixed, .processingCostBps, .fixedCostsPerMonth,
    ]

    static func unit(of key: String) -> Unit? {
        switch key {
        case "reward_share_bps", "processing_cost_bps", "webhook_success_target_bps", "ideas_answered_target_bps",
            "commission_bps", "cost_of_goods_bps":
            .percent
        case "processing_cost_fixed", "fixed_costs_per_month", "cost_per_order": .money
        case "acknowledgement_target_hours": .hours
        case "return_window_days": .days
        default: nil
        }
    }

    static func bounds(of key: String) -> ClosedRange<Int64>? {
        switch key {
        case "commission_bps":
            Int64(PartnerTerms.commissionBounds.lowerBound)...Int64(PartnerTerms.commissionBounds.upperBound)
        case "cost_of_goods_bps":
            Int64(PartnerTerms.costOfGoodsBounds.lowerBound)...Int64(PartnerTerms.costOfGoodsBounds.upperBound)
        case "cost_per_order": PartnerTerms.costPerOrderBounds
        default: PlatformSettings.Key(rawValue: key)?.bounds
        }
    }

    /// The stored value of a field typed as `unit`; `field` names it in the error.
    static func value(_ raw: String, unit: Unit, field: String) throws(ValidationError) -> Int64 {
        let typed = raw.trimmed()
        switch unit {
        case .percent:
            return try percent(typed, field: field)
        case .money:
            let amount = typed.hasSuffix("€") ? String(typed.dropLast()).trimmed() : typed
            return try Money.parse(decimal: amount, currency: BusinessModelStore.currency, field: field).minorUnits
        case .hours, .days:
            guard !typed.isEmpty, typed.count <= 9, typed.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int64(typed)
            else { throw ValidationError(field: field, "visor.error.whole") }
            return value
        }
    }

    /// "8,5", "8.5 %" or "12" as basis points (850, 850, 1 200): two decimals at most, never negative.
    static func percent(_ typed: String, field: String) throws(ValidationError) -> Int64 {
        let number = (typed.hasSuffix("%") ? String(typed.dropLast()) : typed).trimmed().replacing(",", with: ".")
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 6,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts.count == 1 || (1...2).contains(parts[1].count)
        else { throw ValidationError(field: field, "visor.error.percent") }
        let hundredths = parts.count == 2 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
        return Int64(parts[0])! * 100 + hundredths
    }

    /// A partner's terms from the fields `prefix` + each of `termKeys`.
    static func terms(_ form: FormFields, prefix: String = "") throws(ValidationError) -> PartnerTerms {
        var values: [String: Int64] = [:]
        for key in termKeys { values[key] = try value(form[prefix + key], unit: unit(of: key)!, field: prefix + key) }
        let terms = PartnerTerms(
            commissionBps: Int(values["commission_bps"]!), costOfGoodsBps: Int(values["cost_of_goods_bps"]!),
            costPerOrder: values["cost_per_order"]!)
        do {
            return try terms.checked()
        } catch {
            // `checked` names its fields as the API does: the form names them as the audit log does.
            let names = [
                "commissionBps": "commission_bps", "costOfGoodsBps": "cost_of_goods_bps",
                "costPerOrder": "cost_per_order",
            ]
            throw error.about(prefix + (names[error.field] ?? error.field))
        }
    }

    /// The platform settings named `keys`, as typed.
    static func settings(_ form: FormFields, keys: [PlatformSettings.Key]) throws(ValidationError)
        -> [PlatformSettings.Key: Int64]
    {
        var changes: [PlatformSettings.Key: Int64] = [:]
        for key in keys {
            changes[key] = try value(form[key.rawValue], unit: unit(of: key.rawValue)!, field: key.rawValue)
        }
        return changes
    }

    /// The setting a field holds: a what-if's partner fields are `p12.commission_bps`.
    static func key(ofField field: String) -> String {
        field.split(separator: ".").last.map(String.init) ?? field
    }
}
