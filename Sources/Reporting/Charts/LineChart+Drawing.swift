import Inspection
import Rendering
import Columnar

/// Draws one line chart: axes, a line and markers per series, and each series' name at its last point
/// (nudged apart so names never overlap). Up to `distinctSeries` series differ by colour, dash and marker
/// shape; more are drawn alike in grey and named in the text alternative only.
struct LineChartDrawing {
    let series: [LineChart.Series]
    let unit: ScoreUnit
    let title: String
    /// Dates on a time axis when every inspection has one, else inspections in order (1st, 2nd, …).
    let isDated: Bool

    init(series: [LineChart.Series], unit: ScoreUnit, title: String) {
        isDated = series.allSatisfy { $0.observations.allSatisfy { $0.date != nil } }
        var series = series
        if isDated {
            for index in series.indices {
                series[index].observations.sort { $0.date!.daysSinceEpoch < $1.date!.daysSinceEpoch }
            }
        }
        self.series = series
        self.unit = unit
        self.title = title
    }

    static let distinctSeries = 7
    static let shapes: [MarkerShape] = [.circle, .square, .diamond, .triangle, .triangleDown]

    // Layout, px.
    static let plotLeft = 64.0
    static let plotRight = 480.0
    static let plotHeight = 260.0

    func chart() -> Chart {
        let frame = ChartFrame(kind: .line, title: title, textAlternative: description())
        var svg = SVGWriter()
        let top = frame.contentTop + 6
        let bottom = top + LineChartDrawing.plotHeight
        let y = LinearScale(domain: (0, unit.maximum), range: (bottom, top))
        let (x, ticks, tickText, axisLabel) = xAxis()
        let lines = series
        svg.verticalAxis(
            y, x: LineChartDrawing.plotLeft, gridRight: LineChartDrawing.plotRight,
            ticks: y.ticks(unit == .percent ? 5 : 6),
            label: unit.axisLabel, labelX: 20)
        svg.horizontalAxis(x, y: bottom, gridTop: bottom, ticks: ticks, label: axisLabel, format: tickText)
        let distinct = lines.count <= LineChartDrawing.distinctSeries
        var ends: [EndLabel] = []
        for (index, line) in lines.enumerated() {
            let colour = distinct ? ChartStyle.seriesColours[index % ChartStyle.seriesColours.count] : "#9a9a9a"
            let points = line.observations.enumerated().map { position, observation in
                (x.position(xValue(observation, position)), y.position(observation.score))
            }
            let shape = distinct ? LineChartDrawing.shapes[index % LineChartDrawing.shapes.count] : .circle
            svg.group([("class", "series")]) { svg in
                var attributes = [
                    ("d", SVGWriter.path(points)), ("fill", "none"), ("stroke", colour),
                    ("stroke-width", distinct ? "2" : "0.75"),
                ]
                if distinct, let dash = ChartStyle.seriesDashes[index % ChartStyle.seriesDashes.count] {
                    attributes.append(("stroke-dasharray", dash))
                }
                svg.element("path", attributes)
                for point in points {
                    shape.draw(
                        into: &svg, x: point.0, y: point.1, size: distinct ? 9 : 3, fill: colour,
                        stroke: distinct ? ChartStyle.ink : colour)
                }
            }
            if distinct, let last = points.last, let label = line.label, !label.isEmpty {
                ends.append(EndLabel(label: label, x: last.0, y: last.1, colour: colour, shape: shape))
            }
        }
        drawEndLabels(ends, top: top, bottom: bottom, into: &svg)
        var height = bottom + 48
        if !distinct {
            svg.text(
                "\(lines.count) series drawn alike: the text alternative names each one.", x: LineChartDrawing.plotLeft,
                y: height, size: ChartStyle.smallSize, fill: ChartStyle.muted)
            height += 14
        }
        return frame.chart(height: height, body: svg.markup)
    }

    /// Days since 1970 on a dated axis, else the 1-based position in the series.
    private func xValue(_ observation: LineChart.Observation, _ position: Int) -> Double {
        isDated ? Double(observation.date!.daysSinceEpoch) : Double(position + 1)
    }

    private func xAxis() -> (LinearScale, [Double], (Double) -> String, String) {
        let range = (LineChartDrawing.plotLeft, LineChartDrawing.plotRight)
        guard isDated else {
            let count = series.map(\.observations.count).max() ?? 1
            let scale = LinearScale(domain: (0.7, Double(count) + 0.3), range: range)
            return (
                scale, (1...count).map(Double.init), { LineChartDrawing.ordinal(Int($0)) },
                "Inspection, in order (not every date is known)"
            )
        }
        let days = series.flatMap { $0.observations.map { Double($0.date!.daysSinceEpoch) } }
        let first = days.min() ?? 0
        let last = days.max() ?? 0
        let padding = max(120, (last - first) * 0.04)
        let scale = LinearScale(domain: (first - padding, last + padding), range: range)
        let firstYear = Date32(daysSinceEpoch: Int32(scale.domain.lower)).components.year + 1
        let lastYear = Date32(daysSinceEpoch: Int32(scale.domain.upper)).components.year
        let step = max(1, (lastYear - firstYear + 7) / 7)
        let ticks = stride(from: firstYear, through: lastYear, by: step).compactMap {
            Date32(year: $0, month: 1, day: 1).map { Double($0.daysSinceEpoch) }
        }
        let format: (Double) -> String = { String(Date32(daysSinceEpoch: Int32($0)).components.year) }
        return (scale, ticks, format, "Publication date")
    }

    static func ordinal(_ n: Int) -> String {
        let suffix =
            (11...13).contains(n % 100) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th"
        return "\(n)\(suffix)"
    }

    /// A series' name, where its line ends and how it is drawn.
    struct EndLabel {
        var label: String
        var x: Double
        var y: Double
        var colour: String
        var shape: MarkerShape
    }

    /// Series names at the right of their last point, moved down (then up) until no two overlap.
    private func drawEndLabels(
        _ ends: [EndLabel], top: Double, bottom: Double,
        into svg: inout SVGWriter
    ) {
        let spacing = 14.0
        let ordered = ends.sorted { $0.y < $1.y }
        var positions = ordered.map(\.y)
        for index in positions.indices.dropFirst() where positions[index] < positions[index - 1] + spacing {
            positions[index] = positions[index - 1] + spacing
        }
        if let last = positions.last, last > bottom {
            positions[positions.count - 1] = bottom
            for index in positions.indices.dropLast().reversed() where positions[index] > positions[index + 1] - spacing
            {
                positions[index] = positions[index + 1] - spacing
            }
        }
        svg.group([("class", "labels")]) { svg in
            for (end, labelY) in zip(ordered, positions) {
                let x = max(end.x + 12, LineChartDrawing.plotRight - 4)
                if abs(labelY - end.y) > 1 || x - end.x > 14 {
                    svg.line(end.x + 6, end.y, x - 3, labelY, stroke: end.colour, width: 0.75)
                }
                // The series' marker again before its name, so the key survives greyscale.
                end.shape.draw(into: &svg, x: x + 4, y: labelY, size: 8, fill: end.colour)
                let room = ChartStyle.width - ChartFrame.margin - x - 12
                let label = ChartStyle.truncate(end.label, width: room, size: ChartStyle.smallSize)
                svg.text(label, x: x + 12, y: labelY + 3.5, size: ChartStyle.smallSize, bold: true)
            }
        }
    }

    /// The chart in words: every series with its scores and when they were published.
    private func description() -> String {
        var text = "Line chart of scores over successive inspections."
        for line in series {
            let name = line.label.flatMap { $0.isEmpty ? nil : $0 } ?? "Score"
            let values = line.observations.map { unit.text($0.score) + " (" + ($0.when ?? "date unknown") + ")" }
            text += " " + name + ": " + values.joined(separator: ", ") + "."
        }
        return text
    }
}
