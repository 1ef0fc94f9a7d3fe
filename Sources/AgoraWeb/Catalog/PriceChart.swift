import AgoraDomain
import Foundation

/// Draws a price history as an inline SVG line chart, on the server: no script, readable at 360 px.
///
/// Only numbers and our own formatted amounts reach the markup, and the amounts are escaped.
enum PriceChart {
    static let width = 640.0
    static let height = 220.0
    static let margin = (top: 16.0, right: 16.0, bottom: 28.0, left: 72.0)

    static func svg(_ points: [PricePoint], language: Language, title: String) -> String {
        guard let first = points.first, let last = points.last, points.count >= 2 else { return "" }
        let values = points.map { Double($0.total.minorUnits) }
        let (lowest, highest) = (values.min()!, values.max()!)
        // A flat history is drawn mid-height; only prices that were charged are ever labelled.
        let (low, high) = lowest == highest ? (lowest * 0.9, highest * 1.1 + 1) : (lowest, highest)
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        let span = max(last.at.timeIntervalSince(first.at), 1)
        func x(_ point: PricePoint) -> Double { margin.left + point.at.timeIntervalSince(first.at) / span * plotWidth }
        func y(_ value: Double) -> Double { margin.top + (high - value) / (high - low) * plotHeight }
        // A step line: a price holds until the next one.
        var path = "M\(format(x(points[0]))),\(format(y(values[0])))"
        for (index, point) in points.enumerated().dropFirst() {
            path += " H\(format(x(point))) V\(format(y(values[index])))"
        }
        let currency = first.total.currency
        func label(_ value: Double) -> String {
            escape(Money(minorUnits: Int64(value.rounded()), currency: currency).formatted(language))
        }
        let dates = DateFormatter()
        dates.locale = Locale(identifier: language == .fr ? "fr_FR" : "en_GB")
        dates.dateFormat = "d MMM"
        dates.timeZone = TimeZone(identifier: "UTC")
        return """
            <svg class="price-chart" viewBox="0 0 \(format(width)) \(format(height))" role="img" aria-label="\(escape(title))" \
            xmlns="http://www.w3.org/2000/svg">
            <title>\(escape(title))</title>
            <line x1="\(format(margin.left))" y1="\(format(y(highest)))" x2="\(format(width - margin.right))" y2="\(format(y(highest)))" class="grid"/>
            <line x1="\(format(margin.left))" y1="\(format(y(lowest)))" x2="\(format(width - margin.right))" y2="\(format(y(lowest)))" class="grid"/>
            <text x="\(format(margin.left - 6))" y="\(format(y(highest) + 4))" text-anchor="end">\(label(highest))</text>
            \(lowest == highest ? "" : "<text x=\"\(format(margin.left - 6))\" y=\"\(format(y(lowest) + 4))\" text-anchor=\"end\">\(label(lowest))</text>")
            <text x="\(format(margin.left))" y="\(format(height - 8))">\(escape(dates.string(from: first.at)))</text>
            <text x="\(format(width - margin.right))" y="\(format(height - 8))" text-anchor="end">\(escape(dates.string(from: last.at)))</text>
            <path d="\(path)" class="line"/>
            </svg>
            """
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
