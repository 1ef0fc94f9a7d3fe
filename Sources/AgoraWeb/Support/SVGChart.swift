import Foundation

/// Charts drawn on the server as inline SVG: no script, readable at 360 px, scaled by their viewBox.
///
/// Every chart of Agora goes through here (the price history, the voice of the customer, the
/// business-model dashboard). The caller formats every number it shows, in the reader's language,
/// and passes strings; the chart only places them, and escapes every text it writes.
///
///     // A line chart: one or more series over ordered x labels (weeks, days).
///     let svg = SVGChart.line(SVGChart.LineChart(
///         title: "Note moyenne par semaine", description: "De 3,5 à 4,2 sur 13 semaines",
///         xLabels: ["1 sept.", "8 sept.", "15 sept."],
///         series: [SVGChart.Series(name: "Note", values: [4.2, nil, 3.5])],   // nil: no value (a gap)
///         yRange: 1...5,                                                      // nil: from the values
///         yTicks: [SVGChart.Tick(value: 1, label: "1"), SVGChart.Tick(value: 5, label: "5")],
///         yLabel: "Note (1 à 5)",
///         markers: [SVGChart.Marker(at: 1, label: "Réglages modifiés")]))     // at: an x index, may be fractional
///
///     // A horizontal bar chart of labelled values (not negative).
///     let bars = SVGChart.bars(SVGChart.BarChart(
///         title: "Coups de cœur et déceptions", description: "…",
///         bars: [SVGChart.Bar(label: "Coups de cœur", value: 0.4, valueLabel: "40 %", tone: .good)],
///         maximum: 1))                                                        // nil: the largest value
///
/// Both answer "" when there is nothing to draw (no value at all), so that the page can say so.
/// The markup is ours, escaped: put it in a template value named `chart` (see `MarkupNeutralizer`)
/// and insert it with `{{{chart}}}`. Its classes (`chart-grid`, `chart-series-1`…, `chart-bar-good`,
/// `chart-marker`) are styled in `agora.css`; presentation attributes keep it legible without CSS.
/// The second and later series are dashed, so that they differ by more than their colour.
enum SVGChart {
    /// A line chart over ordered positions; each series has one value (or nil) per x label.
    struct LineChart {
        var title: String
        var description: String?
        var xLabels: [String]
        var series: [Series]
        /// The values at the bottom and top of the plot; nil: from the series' smallest and largest values.
        var yRange: ClosedRange<Double>? = nil
        /// Horizontal grid lines, each with its label at the left.
        var yTicks: [Tick] = []
        /// What the y axis measures, written above the plot.
        var yLabel: String? = nil
        /// Vertical lines at x positions, each with a label (events such as "settings changed").
        var markers: [Marker] = []
        /// At most this many x labels are written (fewer when they would not fit), first and last
        /// included, evenly spread.
        var maximumXLabels = 6
        /// The class of the `<svg>` element, for its size.
        var cssClass = "chart"
        var width = 360.0
        var height = 220.0
    }

    struct Series {
        var name: String
        var values: [Double?]
        var shape: Shape = .straight

        /// `straight` joins points with lines (a nil breaks the line) and dots each one; `steps`
        /// holds each value until the next one (a price until it changes), across nils.
        enum Shape { case straight, steps }
    }

    struct Tick {
        var value: Double
        var label: String
    }

    struct Marker {
        /// The x index the line stands at (0 is the first label; 1.5 between the second and third).
        var at: Double
        var label: String
    }

    /// A horizontal bar chart: one labelled bar a row, its value written at the right.
    struct BarChart {
        var title: String
        var description: String?
        var bars: [Bar]
        /// The value of a full-width bar; nil: the largest value.
        var maximum: Double? = nil
        var cssClass = "chart"
        var width = 360.0
    }

    struct Bar {
        var label: String
        var value: Double
        var valueLabel: String
        var tone: Tone = .neutral

        enum Tone: String { case neutral, good, bad }
    }

    /// The opening of a chart: its size, its class, and what a screen reader says of it.
    static func open(_ cssClass: String, _ width: Double, _ height: Double, _ title: String, _ description: String?)
        -> String
    {
        let attributes = [
            ("class", cssClass), ("viewBox", "0 0 \(format(width)) \(format(height))"), ("role", "img"),
            ("aria-label", title), ("xmlns", "http://www.w3.org/2000/svg"), ("font-size", "12"),
        ]
        return "<svg" + attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined() + ">\n"
            + element("title", [], title) + (description.map { "\n" + element("desc", [], $0) } ?? "")
    }

    /// An element with its attributes and text, every value escaped; without text, it closes itself.
    static func element(_ name: String, _ attributes: [(String, String)], _ text: String? = nil) -> String {
        let opening = "<\(name)" + attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
        guard let text else { return opening + "/>" }
        return opening + ">\(escape(text))</\(name)>"
    }

    /// The stroke of the series at `index`: a solid line for the first, dashed for the others.
    static func stroke(_ index: Int) -> [(String, String)] {
        let solid = [("stroke", Colour.series(index)), ("stroke-width", "2")]
        return index == 0 ? solid : solid + [("stroke-dasharray", index == 1 ? "6 4" : "2 3")]
    }

    /// The colours of `agora.css`, as presentation attributes for readers without the stylesheet.
    enum Colour {
        static let ink = "#1d1f24"
        static let line = "#dedbd2"
        static let track = "#f0eee8"
        static let neutral = "#5d6470"
        static let good = "#1f7a4d"
        static let bad = "#b00020"
        static func series(_ index: Int) -> String { ["#b4361f", good, neutral, ink][index % 4] }
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Text for an element or an attribute: the five markup signs as references, scalar by scalar
    /// (a quote followed by a combining accent is still a quote to an HTML parser).
    static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
