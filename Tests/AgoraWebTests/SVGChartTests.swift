import Foundation
import Testing

@testable import AgoraWeb

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The one chart component: what it draws, that it escapes every text, and that it stays valid XML.
@Suite struct SVGChartTests {
    static func isWellFormed(_ svg: String) -> Bool { XMLParser(data: Data(svg.utf8)).parse() }

    static let hostile = "Prix <b>\"cher\"</b> & 'moins' \"\u{301} cher"

    @Test func aLineChartDrawsEachSeriesWithItsGapsMarkersAndLegend() throws {
        let svg = SVGChart.line(
            SVGChart.LineChart(
                title: Self.hostile, description: "Deux séries <i>",
                xLabels: (1...10).map { "S\($0)" },
                series: [
                    SVGChart.Series(name: "Note", values: [1, 2, nil, 4, 5, 5, 4, 3, 2, 1]),
                    SVGChart.Series(name: "Avis <script>", values: [5, 4, 3, 2, 1, 1, 2, 3, 4, 5]),
                ],
                yRange: 1...5, yTicks: [.init(value: 1, label: "1"), .init(value: 5, label: "5 ★")],
                yLabel: "Note (1 à 5)", markers: [.init(at: 4.5, label: "Réglages modifiés")]))
        #expect(Self.isWellFormed(svg), "\(svg)")
        #expect(svg.hasPrefix(#"<svg class="chart" viewBox="0 0 360.0 220.0" role="img" aria-label="Prix &lt;b&gt;"#))
        #expect(
            svg.contains(
                "<title>Prix &lt;b&gt;&quot;cher&quot;&lt;/b&gt; &amp; &#39;moins&#39; &quot;\u{301} cher</title>"))
        #expect(svg.contains("<desc>Deux séries &lt;i&gt;</desc>") && !svg.contains("<script>"))
        let firstPath = try #require(svg.firstMatch(of: /<path d="([^"]+)" class="chart-series chart-series-1"/))
        #expect(firstPath.output.1.filter { $0 == "M" }.count == 2, "the missing value breaks the line")
        #expect(
            svg.contains(
                ##"class="chart-series chart-series-2" fill="none" stroke="#1f7a4d" stroke-width="2" stroke-dasharray="6 4""##
            ))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 19, "a dot on each of the 9 + 10 values")
        #expect(svg.contains(">Réglages modifiés</text>") && svg.contains(#"class="chart-marker""#))
        #expect(svg.contains(">Avis &lt;script&gt;</text>"), "the legend names the series")
        #expect(svg.contains(">Note (1 à 5)</text>") && svg.contains(">5 ★</text>"))
        #expect(svg.contains(">S1</text>") && svg.contains(">S10</text>"), "the first and last x labels")
        #expect(svg.components(separatedBy: #"y="214.0""#).count - 1 == 6, "six x labels at most")
    }

    @Test func stepsHoldAValueUntilItChanges() throws {
        let svg = SVGChart.line(
            SVGChart.LineChart(
                title: "Prix", xLabels: ["a", "b", "c", "d"],
                series: [SVGChart.Series(name: "Prix", values: [3, 3, nil, 1], shape: .steps)], yRange: 0...4,
                maximumXLabels: 2))
        let path = try #require(svg.firstMatch(of: /<path d="([^"]+)"/)).output.1
        #expect(path.hasPrefix("M12.0,") && path.filter { $0 == "H" }.count == 1, "\(path)")
        #expect(
            !svg.contains("<circle") && svg.contains(">a</text>") && svg.contains(">d</text>")
                && !svg.contains(">b</text>"))
    }

    @Test func nothingToDrawIsAnEmptyString() {
        #expect(SVGChart.line(.init(title: "t", xLabels: ["a"], series: [.init(name: "s", values: [nil])])) == "")
        #expect(SVGChart.line(.init(title: "t", xLabels: [], series: [])) == "")
        #expect(SVGChart.bars(.init(title: "t", bars: [])) == "")
        let single = SVGChart.line(.init(title: "t", xLabels: ["a"], series: [.init(name: "s", values: [2])]))
        #expect(Self.isWellFormed(single) && single.contains(#"<circle cx="180.0""#), "one value, mid-width")
    }

    @Test func barsAreProportionalToTheirMaximumAndLabelsAreCut() {
        let svg = SVGChart.bars(
            SVGChart.BarChart(
                title: "Parts", description: "d",
                bars: [
                    .init(label: "Coups de cœur", value: 0.25, valueLabel: "25 %", tone: .good),
                    .init(
                        label: String(repeating: "déception ", count: 10), value: 2, valueLabel: "200 % <", tone: .bad),
                ],
                maximum: 1))
        #expect(Self.isWellFormed(svg), "\(svg)")
        #expect(svg.contains(#"width="90.0" class="chart-bar chart-bar-good""#), "a quarter of 360")
        #expect(svg.contains(#"width="360.0" class="chart-bar chart-bar-bad""#), "beyond the maximum is full width")
        #expect(svg.contains(">200 % &lt;</text>") && svg.contains("…</text>"))
        #expect(svg.contains(#"viewBox="0 0 360.0 72.0""#), "a row of 34 per bar")
        let largest = SVGChart.bars(
            .init(
                title: "t",
                bars: [.init(label: "a", value: 4, valueLabel: "4"), .init(label: "b", value: 1, valueLabel: "1")]))
        #expect(
            largest.contains(#"width="360.0" class="chart-bar chart-bar-neutral""#)
                && largest.contains(#"width="90.0""#))
    }
}
