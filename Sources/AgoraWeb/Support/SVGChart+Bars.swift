import Foundation

/// The horizontal bar chart: a row per bar, its label and value on a line and the bar below them,
/// so that long labels fit at 360 px.
extension SVGChart {
    static let rowHeight = 34.0
    /// Longer labels are cut, with an ellipsis: the chart never grows past its viewBox.
    static let longestBarLabel = 40

    static func bars(_ chart: BarChart) -> String {
        guard !chart.bars.isEmpty else { return "" }
        let largest = chart.maximum ?? chart.bars.map(\.value).max() ?? 0
        let full = largest > 0 ? largest : 1
        let height = Double(chart.bars.count) * rowHeight + 4
        var parts = [open(chart.cssClass, chart.width, height, chart.title, chart.description)]
        for (index, bar) in chart.bars.enumerated() {
            let top = Double(index) * rowHeight
            let length = max(0, min(bar.value, full)) / full * chart.width
            let label =
                bar.label.count > longestBarLabel ? String(bar.label.prefix(longestBarLabel - 1)) + "…" : bar.label
            let colour =
                switch bar.tone {
                case .neutral: Colour.neutral
                case .good: Colour.good
                case .bad: Colour.bad
                }
            parts.append(element("text", [("x", "0"), ("y", format(top + 13))], label))
            parts.append(
                element(
                    "text",
                    [
                        ("x", format(chart.width)), ("y", format(top + 13)), ("text-anchor", "end"),
                        ("class", "chart-value"),
                    ],
                    bar.valueLabel))
            let bounds = [("x", "0"), ("y", format(top + 18)), ("height", "10")]
            parts.append(
                element(
                    "rect", bounds + [("width", format(chart.width)), ("class", "chart-track"), ("fill", Colour.track)])
            )
            parts.append(
                element(
                    "rect",
                    bounds + [
                        ("width", format(length)), ("class", "chart-bar chart-bar-\(bar.tone.rawValue)"),
                        ("fill", colour),
                    ]))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
