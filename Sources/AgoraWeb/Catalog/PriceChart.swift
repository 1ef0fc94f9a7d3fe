import AgoraDomain
import Foundation

/// A product's price history as a step line (a price holds until the next one), drawn by
/// `SVGChart`: one position a day from the first price to the last, the lowest and highest
/// totals labelled in the reader's language.
enum PriceChart {
    static func svg(_ points: [PricePoint], language: Language, title: String) -> String {
        guard let first = points.first, let last = points.last, points.count >= 2 else { return "" }
        let day: TimeInterval = 86_400
        func index(_ point: PricePoint) -> Int { Int((point.at.timeIntervalSince(first.at) / day).rounded()) }
        var values = [Double?](repeating: nil, count: index(last) + 1)
        for point in points { values[index(point)] = Double(point.total.minorUnits) }
        let totals = points.map { Double($0.total.minorUnits) }
        let (lowest, highest) = (totals.min()!, totals.max()!)
        // A flat history is drawn mid-height; only prices that were charged are ever labelled.
        let range = lowest == highest ? (lowest * 0.9)...(highest * 1.1 + 1) : lowest...highest
        func label(_ value: Double) -> String {
            Money(minorUnits: Int64(value.rounded()), currency: first.total.currency).formatted(language)
        }
        let dates = DateFormatter()
        dates.locale = Locale(identifier: language == .fr ? "fr_FR" : "en_GB")
        dates.dateFormat = "d MMM"
        dates.timeZone = TimeZone(identifier: "UTC")
        let days = values.indices.map { dates.string(from: first.at.addingTimeInterval(Double($0) * day)) }
        return SVGChart.line(
            SVGChart.LineChart(
                title: title, description: "\(days.first!) – \(days.last!): \(label(lowest)) – \(label(highest))",
                xLabels: days, series: [SVGChart.Series(name: title, values: values, shape: .steps)],
                yRange: range,
                yTicks: (lowest == highest ? [lowest] : [highest, lowest]).map {
                    SVGChart.Tick(value: $0, label: label($0))
                },
                maximumXLabels: 2, cssClass: "price-chart"))
    }
}
