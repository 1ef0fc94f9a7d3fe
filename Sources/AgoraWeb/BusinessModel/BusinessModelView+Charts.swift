import AgoraDomain
import AgoraStore
import Foundation

/// The dashboard's charts, drawn by `SVGChart` from figures formatted in the reader's language.
/// Day series cover every day of the period: a day without a count is a zero once measuring had
/// begun, and a gap before it or after today.
extension BusinessModelView {
    /// A dashed line on the day each setting changed (one a day), labelled.
    func markers(_ changes: [SettingChange], in period: ReportPeriod) -> [SVGChart.Marker] {
        var days: Set<Int> = []
        return changes.compactMap { change in
            let at = change.at.timeIntervalSince(period.from) / 86_400
            guard at >= 0, at < period.days, days.insert(Int(at)).inserted else { return nil }
            return SVGChart.Marker(at: at, label: text("visor.chart.changed"))
        }
    }

    func activeChart(
        _ interface: BusinessModelFigures.Interface, period: ReportPeriod, now: Date, markers: [SVGChart.Marker]
    ) -> String {
        // Before the first day anyone was seen, activity was not recorded yet: unknown, not zero.
        guard let first = interface.activeByDay.first?.day else { return "" }
        let counts = Dictionary(uniqueKeysWithValues: interface.activeByDay.map { ($0.day, $0.count) })
        let today = Int64((now.timeIntervalSince1970 / 86_400).rounded(.down))
        return dayChart(
            title: "visor.chart.active", description: "visor.chart.activeDescription",
            total: count(interface.activeInPeriod), period: period, markers: markers
        ) { day in counts[day] ?? (day >= first && day <= today ? 0 : nil) }
    }

    func requestsChart(
        _ platform: BusinessModelFigures.ServicePlatform, measuredSince: Date?, period: ReportPeriod, now: Date,
        markers: [SVGChart.Marker]
    ) -> String {
        guard let since = measuredSince else { return "" }
        let counts = Dictionary(uniqueKeysWithValues: platform.requestsByDay.map { ($0.day, $0.count) })
        let first = Int64((since.timeIntervalSince1970 / 86_400).rounded(.down))
        let today = Int64((now.timeIntervalSince1970 / 86_400).rounded(.down))
        return dayChart(
            title: "visor.chart.requests", description: "visor.chart.requestsDescription",
            total: count(platform.requests), period: period, markers: markers
        ) { day in counts[day] ?? (day >= first && day <= today ? 0 : nil) }
    }

    private func dayChart(
        title: String, description: String, total: String, period: ReportPeriod, markers: [SVGChart.Marker],
        value: (Int64) -> Int64?
    ) -> String {
        let days = Array(period.dayNumbers)
        let values = days.map { value($0).map(Double.init) }
        let highest = max(values.compactMap { $0 }.max() ?? 1, 1)
        return SVGChart.line(
            SVGChart.LineChart(
                title: text(title), description: text(description, [total, self.period(period)]),
                xLabels: days.map { shortDay(Date(timeIntervalSince1970: Double($0) * 86_400)) },
                series: [SVGChart.Series(name: text(title), values: values)], yRange: 0...highest,
                yTicks: [0, highest / 2, highest].map { SVGChart.Tick(value: $0, label: count(Int64($0.rounded()))) },
                markers: markers))
    }

    func channelChart(_ interface: BusinessModelFigures.Interface) -> String {
        let total = interface.requestsByChannel.values.reduce(0, +)
        guard total > 0 else { return "" }
        return SVGChart.bars(
            SVGChart.BarChart(
                title: text("visor.chart.channels"),
                description: text("visor.chart.channelsDescription", [count(total)]),
                bars: TrafficChannel.allCases.map { channel in
                    let requests = interface.requestsByChannel[channel] ?? 0
                    return SVGChart.Bar(
                        label: text("visor.channel.\(channel.rawValue)"), value: Double(requests) / Double(total),
                        valueLabel: text(
                            "visor.shareCount", [percent(Double(requests) / Double(total)), count(requests)]))
                }, maximum: 1))
    }

    func languageChart(_ interface: BusinessModelFigures.Interface) -> String {
        let total = interface.languages.values.reduce(0, +)
        guard total > 0 else { return "" }
        let sorted = interface.languages.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        return SVGChart.bars(
            SVGChart.BarChart(
                title: text("visor.chart.languages"),
                description: text("visor.chart.languagesDescription", [count(total)]),
                bars: sorted.map { code, members in
                    SVGChart.Bar(
                        label: pages.localizer.has("visor.language.\(code.isEmpty ? "browser" : code)")
                            ? text("visor.language.\(code.isEmpty ? "browser" : code)") : code,
                        value: Double(members) / Double(total),
                        valueLabel: text(
                            "visor.shareCount", [percent(Double(members) / Double(total)), count(members)]))
                }, maximum: 1))
    }

    /// Each partner's median time to acknowledge an order, under the target (the first bar).
    func acknowledgementChart(_ model: BusinessModelFigures.OrganizingModel) -> String {
        let target = Double(model.acknowledgementTargetHours)
        let measured = model.partners.compactMap { row in row.medianAcknowledgementHours.map { (row.name, $0) } }
        guard !measured.isEmpty else { return "" }
        let late = measured.filter { $0.1 > target }.map(\.0)
        return SVGChart.bars(
            SVGChart.BarChart(
                title: text("visor.chart.acknowledgement"),
                description: late.isEmpty
                    ? text("visor.chart.acknowledgementInTarget", [hours(target)])
                    : text("visor.chart.acknowledgementLate", [hours(target), late.joined(separator: ", ")]),
                bars: [SVGChart.Bar(label: text("visor.chart.target"), value: target, valueLabel: hours(target))]
                    + measured.map { name, median in
                        SVGChart.Bar(
                            label: name, value: median, valueLabel: hours(median), tone: median > target ? .bad : .good)
                    }))
    }
}
