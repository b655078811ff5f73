import Inspection
import Rendering
/// Bullet charts from `compare`: per area, a row per measure with the lowest-to-highest range across
/// areas as a grey bar, the average as a black tick and the area's score as a marker shaped and
/// coloured by its band, with the score and band written at the right. The seed report's Foreword
/// table as a picture.
/// Drawn from typed rows (`Row`: score, range, average, band look, rank); `BulletChart+ResultTable` reads
/// them from a result table.
struct BulletChart {
    /// One measure of one area.
    struct Row {
        var label: String
        var framework: String?
        var unit: ScoreUnit
        var score: Double?
        var lowest: Double?
        var highest: Double?
        var average: Double?
        /// The band as printed, and its look when it is a band of the session's frameworks.
        var bandName: String?
        var band: BandStyle?
        var rank: Double?
        var areas: Double?
    }

    /// Rows of one unit under one axis.
    struct Panel {
        var framework: String?
        var unit: ScoreUnit
        var rows: [Row]
    }

    /// One area: one chart of its measures. Several areas: one chart per measure with a row for every
    /// area (each against its own group's range), so a board compares areas at a glance.
    static func charts(_ areas: [(area: String?, rows: [Row])], title: String?) -> [Chart] {
        guard areas.count > 1 else {
            return areas.map { area, rows in
                let chartTitle = title ?? (area.map { $0 + ": scores" } ?? "Scores") + " against the range across areas"
                return draw(panels(rows), area: area, title: chartTitle)
            }
        }
        var measures: [(key: String, framework: String?, rows: [Row])] = []
        for (area, rows) in areas {
            for row in rows {
                var byArea = row
                byArea.label = area ?? row.label
                if let at = measures.firstIndex(where: { $0.key == row.label && $0.framework == row.framework }) {
                    measures[at].rows.append(byArea)
                } else {
                    measures.append((row.label, row.framework, [byArea]))
                }
            }
        }
        return measures.map { measure in
            let chartTitle =
                (title.map { $0 + ": " } ?? "") + measure.key + (title == nil ? ": each area against its group" : "")
            return draw(panels(measure.rows), area: measure.key, title: chartTitle)
        }
    }

    /// Consecutive rows of the same framework and unit share a panel (an axis).
    private static func panels(_ rows: [Row]) -> [Panel] {
        var panels: [Panel] = []
        for row in rows {
            if let last = panels.last, last.framework == row.framework, last.unit == row.unit {
                panels[panels.count - 1].rows.append(row)
            } else {
                panels.append(Panel(framework: row.framework, unit: row.unit, rows: [row]))
            }
        }
        return panels
    }

    // Layout, px.
    static let plotLeft = ChartFrame.margin
    static let plotRight = 432.0
    static let textLeft = 448.0
    static let labelLine = 15.0
    static let barHeight = 14.0

    private static func draw(_ panels: [Panel], area: String?, title: String) -> Chart {
        let frame = ChartFrame(kind: .bullet, title: title, textAlternative: description(panels, area: area))
        var svg = SVGWriter()
        var y = frame.contentTop
        for panel in panels {
            if panels.count > 1, let framework = panel.framework {
                svg.text(
                    framework, x: plotLeft, y: y + 11, size: ChartStyle.smallSize, bold: true, fill: ChartStyle.muted)
                y += 18
            }
            y = drawPanel(panel, top: y, into: &svg) + 10
        }
        y = drawLegend(panels, top: y, into: &svg)
        return frame.chart(height: y + 12, body: svg.markup)
    }

    /// Draws the rows and the axis; returns the bottom.
    private static func drawPanel(_ panel: Panel, top: Double, into svg: inout SVGWriter) -> Double {
        let scale = LinearScale(domain: (0, panel.unit.maximum), range: (plotLeft, plotRight))
        let ticks = scale.ticks(panel.unit == .percent ? 10 : 6)
        let layouts = panel.rows.map { ChartStyle.wrap($0.label, width: ChartStyle.width - 2 * ChartFrame.margin) }
        let bottom = top + layouts.reduce(0) { $0 + Double($1.count) * labelLine + 44 }
        var y = top
        for (row, lines) in zip(panel.rows, layouts) {
            svg.group([("class", "bullet-row")]) { svg in
                for line in lines {
                    y += labelLine
                    svg.text(line, x: plotLeft, y: y - 3)
                }
                drawBar(row, scale: scale, ticks: ticks, middle: y + 6 + barHeight / 2, into: &svg)
            }
            y += 44
        }
        svg.horizontalAxis(scale, y: bottom, gridTop: bottom, ticks: ticks, label: panel.unit.axisLabel)
        return bottom + 38
    }

    /// The track, the range with white grid lines across it at the ticks, the average tick, the marker
    /// and the words at the right.
    private static func drawBar(
        _ row: Row, scale: LinearScale, ticks: [Double], middle: Double, into svg: inout SVGWriter
    ) {
        func x(_ value: Double) -> Double { min(max(scale.position(value), plotLeft), plotRight) }
        let top = middle - barHeight / 2
        svg.rect(
            x: plotLeft, y: top, width: plotRight - plotLeft, height: barHeight, fill: "#f4f4f4",
            extra: [("stroke", "#c4c4c4"), ("stroke-width", "0.5")])
        if let lowest = row.lowest, let highest = row.highest {
            svg.rect(x: x(lowest), y: top, width: x(highest) - x(lowest), height: barHeight, fill: ChartStyle.rangeFill)
        }
        for tick in ticks.dropFirst().dropLast() {
            svg.line(scale.position(tick), top, scale.position(tick), top + barHeight, stroke: "#ffffff", width: 1)
        }
        if let average = row.average {
            svg.line(x(average), top - 4, x(average), top + barHeight + 4, stroke: ChartStyle.ink, width: 2.5)
        }
        let band = row.band
        if let score = row.score {
            (band?.marker ?? .circle).draw(
                into: &svg, x: x(score), y: middle, size: 13, fill: band?.colour ?? "#ffffff")
        }
        // The words: score and band, then the range and average.
        var textX = textLeft
        if let score = row.score {
            let number = DecimalText.format(score, maxDecimals: 1) ?? ""
            svg.text(number, x: textX, y: middle + 4, bold: true)
            textX += ChartStyle.textWidth(number) + 6
        }
        // A long band (one from a placeholder cut-point says so) is cut to the chart's edge; the text
        // alternative keeps it whole.
        let bandText = ChartStyle.truncate(row.bandName ?? "", width: ChartStyle.width - ChartFrame.margin - textX)
        svg.text(row.score == nil ? "no score" : bandText, x: textX, y: middle + 4)
        if let lowest = row.lowest, let highest = row.highest {
            var range = "range " + SVGWriter.tickText(lowest) + "–" + SVGWriter.tickText(highest)
            if let average = row.average { range += " · average " + SVGWriter.tickText(average) }
            svg.text(range, x: textLeft, y: middle + 19, size: ChartStyle.smallSize, fill: ChartStyle.muted)
        }
    }

    /// The key: what the bar, the tick and the marker mean; returns the bottom.
    private static func drawLegend(_ panels: [Panel], top: Double, into svg: inout SVGWriter) -> Double {
        let middle = top + 8
        var x = plotLeft
        svg.group([("class", "legend")]) { svg in
            svg.rect(x: x, y: middle - 6, width: 26, height: 12, fill: ChartStyle.rangeFill)
            x += 32
            let rangeText = "lowest to highest across areas"
            svg.text(rangeText, x: x, y: middle + 4, size: ChartStyle.smallSize)
            x += ChartStyle.textWidth(rangeText, size: ChartStyle.smallSize) + 18
            svg.line(x, middle - 8, x, middle + 8, stroke: ChartStyle.ink, width: 2.5)
            x += 8
            svg.text("average", x: x, y: middle + 4, size: ChartStyle.smallSize)
            x += ChartStyle.textWidth("average", size: ChartStyle.smallSize) + 18
            guard panels.contains(where: { $0.rows.contains { $0.score != nil } }) else { return }
            let bands = BulletChart.bandsShown(panels)
            for band in bands {
                band.marker.draw(into: &svg, x: x + 5, y: middle, size: 11, fill: band.colour)
                x += 13
            }
            if bands.isEmpty {
                MarkerShape.circle.draw(into: &svg, x: x + 5, y: middle, size: 11, fill: "#ffffff")
                x += 13
            }
            svg.text(
                bands.isEmpty ? "score" : "score, shaped and coloured by band", x: x + 3, y: middle + 4,
                size: ChartStyle.smallSize)
        }
        return middle + 10
    }

    /// One band of each level the rows show (levels share colour and shape), best first.
    private static func bandsShown(_ panels: [Panel]) -> [BandStyle] {
        var bands: [BandStyle] = []
        for row in panels.flatMap(\.rows) where row.score != nil {
            if let band = row.band, !bands.contains(where: { $0.level == band.level }) {
                bands.append(band)
            }
        }
        return bands.sorted { $0.level < $1.level }
    }

    /// The chart in words: each measure's score, band, rank and the range and average it sits in.
    private static func description(_ panels: [Panel], area: String?) -> String {
        var sentences = ["Bullet chart" + (area.map { " for " + $0 } ?? "") + "."]
        for row in panels.flatMap(\.rows) {
            var sentence = row.label + ": "
            if let score = row.score {
                sentence += row.unit.text(score)
                if let band = row.bandName { sentence += " (" + band + ")" }
                if let rank = row.rank, let areas = row.areas {
                    sentence += ", rank " + SVGWriter.tickText(rank) + " of " + SVGWriter.tickText(areas)
                }
            } else {
                sentence += "no score"
            }
            if let lowest = row.lowest, let highest = row.highest {
                sentence += "; areas range from " + row.unit.text(lowest) + " to " + row.unit.text(highest)
            }
            if let average = row.average { sentence += ", average " + row.unit.text(average) }
            sentences.append(sentence + ".")
        }
        return sentences.joined(separator: " ")
    }
}
