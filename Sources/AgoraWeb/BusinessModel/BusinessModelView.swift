import AgoraDomain
import AgoraStore
import Foundation

/// The business model in the reader's language: counts, money, shares, times and dates written as
/// their locale writes them, and the settings by their names and units.
struct BusinessModelView {
    let pages: Pages
    let language: Language

    static let dash = "—"

    func text(_ key: String, _ arguments: [String] = []) -> String {
        pages.localizer.text(key, language, arguments)
    }

    /// "12 345" in French, "12,345" in English.
    func count(_ value: some BinaryInteger) -> String {
        Int64(value).formatted(.number.grouping(.automatic).locale(locale))
    }

    /// `key` with the count, or `key.one` when there is exactly one ("on 1 order").
    func counted(_ key: String, _ value: Int) -> String {
        text(value == 1 ? key + "One" : key, [count(value)])
    }

    /// "7,2" in French, "7.2" in English.
    func decimal(_ value: Double, digits: Int) -> String {
        value.formatted(.number.precision(.fractionLength(digits)).grouping(.automatic).locale(locale))
    }

    /// Euros: "1 234,56 €" in French, "€1,234.56" in English.
    func money(_ minorUnits: Int64) -> String {
        Money(minorUnits: minorUnits, currency: BusinessModelStore.currency).formatted(language)
    }

    /// A difference, with its sign even when it is a gain: "+12,00 €".
    func signedMoney(_ minorUnits: Int64) -> String {
        minorUnits > 0 ? "+" + money(minorUnits) : money(minorUnits)
    }

    /// A share from 0 to 1: "36,1 %" in French, "36.1%" in English.
    func percent(_ share: Double) -> String {
        share.formatted(.percent.precision(.fractionLength(0...1)).locale(locale))
    }

    /// A rate in basis points as a percentage: 850 → "8,5 %".
    func basisPoints(_ bps: Int64) -> String { percent(Double(bps) / 10_000) }

    /// "40 % (2 sur 5)", or a dash when there is nothing to divide.
    func share(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return Self.dash }
        return text("visor.shareOf", [percent(Double(part) / Double(whole)), count(part), count(whole)])
    }

    func hours(_ value: Double) -> String { text("visor.unit.hours", [decimal(value, digits: 1)]) }

    /// A percentile as the upper bound of its bucket ("≤ 25 ms"), or past the last one ("> 5 000 ms").
    func latency(_ milliseconds: Double?) -> String {
        guard let milliseconds else { return Self.dash }
        guard milliseconds.isFinite else {
            return text("visor.unit.slowerThan", [count(Int64(LatencyHistogram.bounds.last!))])
        }
        return text("visor.unit.atMost", [decimal(milliseconds, digits: 0)])
    }

    /// A delay in milliseconds, in seconds past one.
    func lag(_ milliseconds: Int64) -> String {
        milliseconds < 1_000
            ? text("visor.unit.milliseconds", [count(milliseconds)])
            : text("visor.unit.seconds", [decimal(Double(milliseconds) / 1_000, digits: 1)])
    }

    /// A long date, in UTC: "29 octobre 2026".
    func day(_ date: Date) -> String { date.formatted(utc(Date.FormatStyle(date: .long, time: .omitted))) }

    /// A short day for chart labels: "29 oct.", "Oct 29".
    func shortDay(_ date: Date) -> String {
        date.formatted(utc(Date.FormatStyle(date: .omitted, time: .omitted).day().month(.abbreviated)))
    }

    /// A date and time, in UTC.
    func dateTime(_ date: Date) -> String {
        date.formatted(utc(Date.FormatStyle(date: .abbreviated, time: .shortened))) + " UTC"
    }

    /// "Du 29 octobre 2026 au 27 novembre 2026".
    func period(_ period: ReportPeriod) -> String {
        text("visor.period", [day(period.from), day(period.to.addingTimeInterval(-86_400))])
    }

    // MARK: Settings

    /// What a setting is called on the page.
    func settingLabel(_ key: String) -> String { text("visor.setting.\(key)") }

    /// A stored value in its unit: "8,5 %", "150,00 €", "24 h", "30 jours".
    func setting(_ value: Int64, unit: BusinessModelForm.Unit) -> String {
        switch unit {
        case .percent: basisPoints(value)
        case .money: money(value)
        case .hours: text("visor.unit.wholeHours", [count(value)])
        case .days: text("visor.unit.days", [count(value)])
        }
    }

    /// A stored value as a form field shows it: "8,5", "150,00", "24" (no grouping, so that it reads back).
    func field(_ value: Int64, unit: BusinessModelForm.Unit) -> String {
        let separator = language == .fr ? "," : "."
        switch unit {
        case .percent:
            let (whole, hundredths) = (value / 100, abs(value % 100))
            if hundredths == 0 { return String(whole) }
            let decimals = hundredths % 10 == 0 ? String(hundredths / 10) : String(format: "%02d", hundredths)
            return "\(whole)\(separator)\(decimals)"
        case .money:
            return Money(minorUnits: value, currency: BusinessModelStore.currency).decimalText
                .replacingOccurrences(of: ".", with: separator)
        case .hours, .days: return String(value)
        }
    }

    /// The message of a refused field; a value out of range says the range, in the field's unit.
    func message(_ error: ValidationError, key: String?) -> String {
        if error.message == "error.outOfRange", let key, let unit = BusinessModelForm.unit(of: key),
            let bounds = BusinessModelForm.bounds(of: key)
        {
            return text(
                "visor.error.range", [setting(bounds.lowerBound, unit: unit), setting(bounds.upperBound, unit: unit)])
        }
        return text(error.message, error.arguments)
    }

    /// A change of the settings as a line of a list: when, who, what, from what to what.
    func change(_ change: SettingChange, partnerNames: [PartnerID: String]) -> [String: Any] {
        let unit = BusinessModelForm.unit(of: change.key)
        let value = { (stored: Int64) in unit.map { setting(stored, unit: $0) } ?? count(stored) }
        var values: [String: Any] = [
            "at": dateTime(change.at), "by": change.staffHandle.map { "@" + $0 } ?? Self.dash,
            "setting": settingLabel(change.key), "from": value(change.oldValue), "to": value(change.newValue),
        ]
        if let partner = change.partner { values["partner"] = partnerNames[partner] ?? "#\(partner.rawValue)" }
        return values
    }

    private var locale: Locale { Locale(identifier: language.rawValue) }

    private func utc(_ style: Date.FormatStyle) -> Date.FormatStyle {
        var style = style.locale(locale)
        style.timeZone = TimeZone(identifier: "UTC")!
        return style
    }
}

extension BusinessModelView {
    /// A field of a business-model form: its label, unit, allowed range, what it holds, and its error.
    func formField(name: String, key: String, value: String, error: String?) -> [String: Any] {
        let unit = BusinessModelForm.unit(of: key) ?? .days
        var field: [String: Any] = [
            "name": name, "id": "field-" + name.replacingOccurrences(of: ".", with: "-"), "label": settingLabel(key),
            "value": value, "suffix": text("visor.suffix.\(unit)"),
            "inputmode": unit == .percent || unit == .money ? "decimal" : "numeric",
        ]
        if let bounds = BusinessModelForm.bounds(of: key) {
            field["hint"] = text(
                "visor.form.between", [setting(bounds.lowerBound, unit: unit), setting(bounds.upperBound, unit: unit)])
        }
        if let error { field["error"] = error }
        return field
    }

    /// The text a form field shows for a partner's term.
    func field(_ terms: PartnerTerms, key: String) -> String {
        switch key {
        case "commission_bps": field(Int64(terms.commissionBps), unit: .percent)
        case "cost_of_goods_bps": field(Int64(terms.costOfGoodsBps), unit: .percent)
        default: field(terms.costPerOrder, unit: .money)
        }
    }
}
