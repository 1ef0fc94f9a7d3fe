import AgoraDomain
import Foundation

/// The voice of the customer in the reader's language: figures written as their locale writes
/// numbers, the charts, and the tables with their CSV links.
struct VoiceOfCustomerView {
    let pages: Pages
    let language: Language

    func text(_ key: String, _ arguments: [String] = []) -> String {
        pages.localizer.text(key, language, arguments)
    }

    /// "4,25" in French, "4.25" in English.
    func decimal(_ value: Double, digits: Int) -> String {
        value.formatted(.number.precision(.fractionLength(digits)).grouping(.never).locale(locale))
    }

    /// "40 %" in French, "40%" in English.
    func percent(_ share: Double) -> String {
        share.formatted(.percent.precision(.fractionLength(0)).locale(locale))
    }

    /// A delay in the largest unit that keeps it readable: minutes, hours, then days.
    func duration(_ seconds: TimeInterval) -> String {
        if seconds < 3_600 { return text("voice.unit.minutes", [decimal((seconds / 60).rounded(), digits: 0)]) }
        if seconds < 48 * 3_600 { return text("voice.unit.hours", [decimal(seconds / 3_600, digits: 1)]) }
        return text("voice.unit.days", [decimal(seconds / 86_400, digits: 1)])
    }

    /// `1 sept.`, `8 Sept`: a week by its Monday.
    func week(_ start: Date) -> String {
        var style = Date.FormatStyle(date: .omitted, time: .omitted).day().month(.abbreviated).locale(locale)
        style.timeZone = TimeZone(identifier: "UTC")!
        return start.formatted(style)
    }

    /// A long date of the period, in UTC.
    func day(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .long, time: .omitted).locale(locale)
        style.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(style)
    }

    /// Everything the template shows of `voice`; `csv` is the API address of a table's CSV.
    func values(_ voice: VoiceOfCustomer, csv: (VoiceOfCustomerController.Table) -> String) -> [String: Any] {
        let dash = "—"
        let lastDay = voice.period.to.addingTimeInterval(-86_400)
        var values: [String: Any] = [
            "period": text("voice.period", [day(voice.period.from), day(lastDay)]),
            "reviews": decimal(Double(voice.reviews), digits: 0),
            "averageRating": voice.averageRating.map { decimal($0, digits: 2) } ?? dash,
            "averageSentiment": voice.averageSentiment.map { decimal($0, digits: 2) } ?? dash,
            "delights": share(voice.delights), "disappointments": share(voice.disappointments),
            "partnerReplies": answers(voice.partnerReplies), "staffAnswers": answers(voice.staffAnswers),
            "criticalTexts": decimal(Double(voice.criticalTexts), digits: 0),
            "weeks": voice.weeks.map { week in
                [
                    "week": self.week(week.start), "reviews": decimal(Double(week.reviews), digits: 0),
                    "averageRating": week.averageRating.map { decimal($0, digits: 2) } ?? dash,
                    "comments": decimal(Double(week.comments), digits: 0),
                    "averageSentiment": week.averageSentiment.map { decimal($0, digits: 2) } ?? dash,
                ]
            },
            "terms": voice.terms.map { ["term": $0.word, "texts": decimal(Double($0.texts), digits: 0)] },
            "noTerms": voice.terms.isEmpty,
            "ideas": voice.topIdeas.map { idea in
                [
                    "id": idea.id, "title": idea.title, "status": text("ideas.status.\(idea.status.rawValue)"),
                    "statusCode": idea.status.rawValue,
                    "supportsInPeriod": decimal(Double(idea.supportsInPeriod), digits: 0),
                    "supports": decimal(Double(idea.supports), digits: 0),
                ] as [String: Any]
            },
            "noIdeas": voice.topIdeas.isEmpty, "noReviews": voice.reviews == 0,
            "weeksCSV": csv(.weeks), "termsCSV": csv(.terms), "ideasCSV": csv(.ideas),
        ]
        // Each chart under the key `chart`: SVG we drew, inserted unescaped (see `MarkupNeutralizer`).
        values["ratingChart"] = ["chart": ratingChart(voice)]
        values["sentimentChart"] = ["chart": sentimentChart(voice)]
        values["sharesChart"] = ["chart": sharesChart(voice)]
        values["termsChart"] = ["chart": termsChart(voice)]
        return values
    }

    private func share(_ share: VoiceOfCustomer.Share) -> String {
        guard let value = share.share else { return "—" }
        return text("voice.shareOf", [percent(value), decimal(Double(share.count), digits: 0)])
    }

    private func answers(_ answers: VoiceOfCustomer.Answers) -> [String: Any] {
        [
            "share": answers.answered.share.map {
                text(
                    "voice.answeredOf",
                    [
                        percent($0), decimal(Double(answers.answered.count), digits: 0),
                        decimal(Double(answers.answered.total), digits: 0),
                    ])
            } ?? "—",
            "median": answers.median.map(duration) ?? "—",
        ]
    }

    private func ratingChart(_ voice: VoiceOfCustomer) -> String {
        SVGChart.line(
            SVGChart.LineChart(
                title: text("voice.chart.rating"),
                description: text(
                    "voice.chart.ratingDescription",
                    [
                        voice.averageRating.map { decimal($0, digits: 2) } ?? "—",
                        decimal(Double(voice.reviews), digits: 0),
                    ]),
                xLabels: voice.weeks.map { week($0.start) },
                series: [
                    SVGChart.Series(name: text("voice.chart.ratingSeries"), values: voice.weeks.map(\.averageRating))
                ],
                yRange: 1...5, yTicks: (1...5).map { SVGChart.Tick(value: Double($0), label: String($0)) },
                yLabel: text("voice.chart.ratingAxis")))
    }

    private func sentimentChart(_ voice: VoiceOfCustomer) -> String {
        SVGChart.line(
            SVGChart.LineChart(
                title: text("voice.chart.sentiment"),
                description: text(
                    "voice.chart.sentimentDescription", [voice.averageSentiment.map { decimal($0, digits: 2) } ?? "—"]),
                xLabels: voice.weeks.map { week($0.start) },
                series: [
                    SVGChart.Series(
                        name: text("voice.chart.sentimentSeries"), values: voice.weeks.map(\.averageSentiment))
                ],
                yRange: -1...1, yTicks: [-1.0, 0, 1].map { SVGChart.Tick(value: $0, label: decimal($0, digits: 0)) },
                yLabel: text("voice.chart.sentimentAxis")))
    }

    private func sharesChart(_ voice: VoiceOfCustomer) -> String {
        guard voice.reviews > 0 else { return "" }
        return SVGChart.bars(
            SVGChart.BarChart(
                title: text("voice.chart.shares"),
                description: text(
                    "voice.chart.sharesDescription", [share(voice.delights), share(voice.disappointments)]),
                bars: [
                    SVGChart.Bar(
                        label: text("voice.delights"), value: voice.delights.share ?? 0,
                        valueLabel: share(voice.delights), tone: .good),
                    SVGChart.Bar(
                        label: text("voice.disappointments"), value: voice.disappointments.share ?? 0,
                        valueLabel: share(voice.disappointments), tone: .bad),
                ],
                maximum: 1))
    }

    private func termsChart(_ voice: VoiceOfCustomer) -> String {
        SVGChart.bars(
            SVGChart.BarChart(
                title: text("voice.chart.terms"),
                description: text("voice.chart.termsDescription", [decimal(Double(voice.criticalTexts), digits: 0)]),
                bars: voice.terms.map {
                    SVGChart.Bar(
                        label: $0.word, value: Double($0.texts), valueLabel: decimal(Double($0.texts), digits: 0))
                }))
    }

    private var locale: Locale { Locale(identifier: language.rawValue) }
}
