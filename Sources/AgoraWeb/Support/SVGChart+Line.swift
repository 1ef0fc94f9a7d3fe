import Foundation

/// The line chart: grid and y labels at the left, x labels below, the y label and the legend
/// above, markers as dashed vertical lines, each series a path (dotted points when straight).
extension SVGChart {
    static func line(_ chart: LineChart) -> String {
        let values = chart.series.flatMap { $0.values.compactMap { $0 } }
        guard let lowest = values.min(), let highest = values.max(), !chart.xLabels.isEmpty else { return "" }
        let range = chart.yRange ?? (lowest == highest ? (lowest - 1)...(highest + 1) : lowest...highest)
        let hasLegend = chart.series.count > 1
        let widest = Double(chart.yTicks.map(\.label.count).max() ?? 0)
        let left = min(max(12, widest * 7 + 10), chart.width / 3)
        var top = 12.0
        if chart.yLabel != nil { top += 18 }
        if hasLegend { top += 18 }
        if !chart.markers.isEmpty { top += 14 }
        let (right, bottom) = (12.0, 24.0)
        let plot = (width: chart.width - left - right, height: chart.height - top - bottom)
        let count = chart.xLabels.count
        func x(_ index: Double) -> Double {
            count == 1 ? left + plot.width / 2 : left + index / Double(count - 1) * plot.width
        }
        func y(_ value: Double) -> Double {
            let span = range.upperBound - range.lowerBound
            let clamped = min(max(value, range.lowerBound), range.upperBound)
            return top + (span == 0 ? 0.5 : (range.upperBound - clamped) / span) * plot.height
        }
        var parts = [open(chart.cssClass, chart.width, chart.height, chart.title, chart.description)]
        var line = 14.0
        if let label = chart.yLabel {
            parts.append(element("text", [("x", "0"), ("y", format(line)), ("class", "chart-axis-label")], label))
            line += 18
        }
        if hasLegend {
            var offset = 0.0
            for (index, series) in chart.series.enumerated() {
                let at = format(line - 4)
                parts.append(
                    element(
                        "line",
                        [("x1", format(offset)), ("y1", at), ("x2", format(offset + 18)), ("y2", at)]
                            + stroke(index)))
                parts.append(element("text", [("x", format(offset + 22)), ("y", format(line))], series.name))
                offset += 30 + Double(series.name.count) * 7
            }
        }
        for tick in chart.yTicks {
            let at = format(y(tick.value))
            parts.append(
                element(
                    "line",
                    [
                        ("x1", format(left)), ("y1", at), ("x2", format(chart.width - right)), ("y2", at),
                        ("class", "chart-grid"), ("stroke", Colour.line),
                    ]))
            parts.append(
                element(
                    "text", [("x", format(left - 6)), ("y", format(y(tick.value) + 4)), ("text-anchor", "end")],
                    tick.label))
        }
        // No more labels than fit side by side (about 7 units a character at font size 12).
        let labelWidth = Double(chart.xLabels.map(\.count).max() ?? 1) * 7 + 10
        let fitting = max(2, Int(plot.width / labelWidth))
        for index in labelIndices(count, maximum: min(chart.maximumXLabels, fitting)) {
            let anchor = count == 1 ? "middle" : index == 0 ? "start" : index == count - 1 ? "end" : "middle"
            parts.append(
                element(
                    "text",
                    [("x", format(x(Double(index)))), ("y", format(chart.height - 6)), ("text-anchor", anchor)],
                    chart.xLabels[index]))
        }
        for marker in chart.markers {
            let at = format(x(marker.at))
            parts.append(
                element(
                    "line",
                    [
                        ("x1", at), ("y1", format(top - 4)), ("x2", at), ("y2", format(top + plot.height)),
                        ("class", "chart-marker"), ("stroke", Colour.ink), ("stroke-dasharray", "3 3"),
                    ]))
            let anchor = marker.at > Double(count - 1) / 2 ? "end" : "start"
            parts.append(
                element(
                    "text",
                    [("x", at), ("y", format(top - 6)), ("text-anchor", anchor), ("class", "chart-marker-label")],
                    marker.label))
        }
        for (index, series) in chart.series.enumerated() {
            let points = series.values.enumerated().compactMap { position, value in
                value.map { (x: x(Double(position)), y: y($0), position: position) }
            }
            var path: [String] = []
            var previous: (position: Int, y: String)?
            for (number, point) in points.enumerated() {
                let (px, py) = (format(point.x), format(point.y))
                switch series.shape {
                case .steps:
                    // A step only where the value changes, and the last one to the last point.
                    if previous == nil {
                        path.append("M\(px),\(py)")
                    } else if py != previous?.y || number == points.count - 1 {
                        path.append("H\(px) V\(py)")
                    } else {
                        continue
                    }
                case .straight: path.append((previous?.position == point.position - 1 ? "L" : "M") + "\(px),\(py)")
                }
                previous = (point.position, py)
            }
            parts.append(
                "<path d=\"\(path.joined(separator: " "))\" class=\"chart-series chart-series-\(index + 1)\" fill=\"none\""
                    + stroke(index).map { " \($0.0)=\"\($0.1)\"" }.joined() + ">"
                    + element("title", [], series.name) + "</path>")
            if series.shape == .straight {
                for point in points {
                    parts.append(
                        element(
                            "circle",
                            [
                                ("cx", format(point.x)), ("cy", format(point.y)), ("r", "3"),
                                ("class", "chart-dot chart-dot-\(index + 1)"), ("fill", Colour.series(index)),
                            ]))
                }
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The indices of the x labels to write: all when they fit, else `maximum` spread evenly.
    static func labelIndices(_ count: Int, maximum: Int) -> [Int] {
        if count <= maximum { return Array(0..<count) }
        if maximum < 2 { return [0] }
        return (0..<maximum).map { Int((Double($0) * Double(count - 1) / Double(maximum - 1)).rounded()) }
    }
}
