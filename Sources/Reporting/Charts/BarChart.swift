import Inspection
import Rendering

/// Bar charts: one horizontal bar per row, the label at the left, the value written at the bar's end,
/// coloured (and its band named) by the row's band where it has one. For any table with a name column
/// and a number column (`chart=bar`): scores of several areas, counts, totals.
struct BarChart {
    /// One bar.
    struct Bar {
        var label: String
        var value: Double
        /// The band as printed, and its look when it is a band of the session's frameworks.
        var bandName: String?
        var band: BandStyle?
    }

    /// The bars with what they measure: the value column's name and unit.
    struct Bars {
        var valueName: String
        var unit: ScoreUnit?
        var bars: [Bar]
    }

    // Layout, px.
    static let rowHeight = 24.0
    static let barHeight = 15.0

    static func chart(_ bars: Bars, title: String?) -> Chart {
        let chartTitle = title ?? String(bars.valueName.map { $0 == "_" ? " " : $0 }).capitalizedFirst
        let frame = ChartFrame(kind: .bar, title: chartTitle, textAlternative: description(bars))
        var svg = SVGWriter()
        let labelWidth = min(
            (bars.bars.map { ChartStyle.textWidth($0.label) }.max() ?? 0) + 12, ChartStyle.width * 0.38)
        let plotLeft = ChartFrame.margin + labelWidth
        let plotRight = ChartStyle.width - ChartFrame.margin - 150
        let values = bars.bars.map(\.value)
        let lower = min(0, values.min() ?? 0)
        let upper = bars.unit.map { max($0.maximum, values.max() ?? 0) } ?? (values.max() ?? 1)
        let domain = LinearScale.niceDomain(lower, max(upper, lower + 1), count: 5)
        let x = LinearScale(domain: (domain.lower, domain.upper), range: (plotLeft, plotRight))
        let top = frame.contentTop + 4
        let bottom = top + Double(bars.bars.count) * rowHeight
        // The axis and its grid first, so the bars lie over the grid lines.
        let label = bars.unit?.axisLabel ?? bars.valueName
        svg.horizontalAxis(x, y: bottom + 4, gridTop: top, ticks: x.ticks(5), label: label)
        var y = top
        for bar in bars.bars {
            let middle = y + rowHeight / 2
            svg.group([("class", "bar")]) { svg in
                svg.text(
                    ChartStyle.truncate(bar.label, width: labelWidth - 8), x: ChartFrame.margin, y: middle + 4)
                let start = x.position(max(domain.lower, min(0, bar.value)))
                let end = x.position(bar.value)
                svg.rect(
                    x: min(start, end), y: middle - barHeight / 2, width: max(1, abs(end - start)), height: barHeight,
                    fill: bar.band?.colour ?? ChartStyle.neutralBar)
                var text = bars.unit?.text(bar.value) ?? SVGWriter.tickText(bar.value)
                if let band = bar.bandName { text += " " + band }
                svg.text(
                    ChartStyle.truncate(text, width: ChartStyle.width - ChartFrame.margin - max(start, end) - 6),
                    x: max(start, end) + 6, y: middle + 4, size: ChartStyle.smallSize)
            }
            y += rowHeight
        }
        return frame.chart(height: bottom + 4 + 44, body: svg.markup)
    }

    /// The chart in words: every bar's label and value.
    private static func description(_ bars: Bars) -> String {
        let items = bars.bars.map { bar in
            bar.label + " " + (bars.unit?.text(bar.value) ?? SVGWriter.tickText(bar.value))
                + (bar.bandName.map { " (" + $0 + ")" } ?? "")
        }
        return "Bar chart of \(bars.valueName): " + items.joined(separator: "; ") + "."
    }
}

extension String {
    /// The string with its first character upper case (`score by area` → `Score by area`).
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
