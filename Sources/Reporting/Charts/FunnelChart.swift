import Inspection
import Rendering
/// Funnel plots from `funnel`: each inspection's score against its sample size (n: judgements, or the
/// effective n that allows for judgements of one case being alike), the national
/// proportion as a line and the 95% and 99.8% control limits as curves narrowing with n. Points outside
/// the limits are marked by shape (up or down triangle) and labelled with the area where space allows;
/// the text alternative lists them all. One chart per (framework, measure).
///
/// Drawn from typed points (`Point`: n, score, national, the four limits); `FunnelChart+ResultTable`
/// reads them from a result table. Where a point sits is worked out from its limits.
/// The score axis is zoomed to the points and limits (within 0–100), since limits a few points apart
/// would vanish on a full 0–100 axis.
struct FunnelChart {
    struct Point {
        var area: String?
        var n: Double
        var score: Double
        var national: Double
        var limits: (lower998: Double, lower95: Double, upper95: Double, upper998: Double)

        /// -2/-1 below the 99.8%/95% limit, 0 within, 1/2 above.
        var position: Int {
            if score < limits.lower998 { return -2 }
            if score < limits.lower95 { return -1 }
            if score > limits.upper998 { return 2 }
            if score > limits.upper95 { return 1 }
            return 0
        }
    }

    /// One chart per measure.
    static func charts(_ groups: [(key: String?, points: [Point])], title: String?) -> [Chart] {
        return groups.map { group in
            let name = group.key ?? "score"
            var chartTitle = title ?? "Funnel plot of " + name + " against sample size"
            if title != nil, groups.count > 1 { chartTitle += ": " + name }
            return draw(group.points, measure: name, title: chartTitle)
        }
    }

    // Layout, px.
    static let plotLeft = 64.0
    static let plotRight = ChartStyle.width - 24
    static let plotHeight = 300.0

    private static func draw(_ points: [Point], measure: String, title: String) -> Chart {
        let outside = points.filter { $0.position != 0 }.sorted { abs($0.position) > abs($1.position) }
        let frame = ChartFrame(kind: .funnel, title: title, textAlternative: description(points, measure: measure))
        var svg = SVGWriter()
        let top = frame.contentTop + 4
        let bottom = top + plotHeight
        let fewest = points.map(\.n).min() ?? 0
        let most = points.map(\.n).max() ?? 1
        // Zoomed to the inspections' n (from 0 when the smallest is under a quarter of the largest), with
        // a little room beyond the largest rather than a whole empty tick interval.
        let lowest = fewest < most / 4 ? 0 : LinearScale.niceDomain(fewest, most, count: 6).lower
        let nDomain = (lowest, most + (most - lowest) * 0.04)
        let values = points.flatMap { [$0.score, $0.limits.lower998, $0.limits.upper998, $0.national] }
        var scoreDomain = LinearScale.niceDomain(values.min() ?? 0, values.max() ?? 100, count: 6)
        scoreDomain = (max(0, scoreDomain.lower), min(100, scoreDomain.upper))
        let x = LinearScale(domain: nDomain, range: (plotLeft, plotRight))
        let y = LinearScale(domain: scoreDomain, range: (bottom, top))
        svg.verticalAxis(y, x: plotLeft, gridRight: plotRight, ticks: y.ticks(6), label: "Score (%)", labelX: 20)
        svg.horizontalAxis(
            x, y: bottom, gridTop: bottom, ticks: x.ticks(6), label: "Sample size n (judgements or effective n)")
        svg.group([("class", "points")]) { svg in
            for point in points.sorted(by: { abs($0.position) < abs($1.position) }) {
                let (shape, fill) = style(point)
                shape.draw(
                    into: &svg, x: x.position(point.n), y: y.position(point.score), size: point.position == 0 ? 7 : 9,
                    fill: fill, stroke: point.position == 0 ? ChartStyle.muted : ChartStyle.ink)
            }
        }
        drawLimits(points, x: x, y: y, into: &svg)
        let markers = points.map { (x.position($0.n), y.position($0.score)) }
        let unlabelled = drawLabels(outside, markers: markers, x: x, y: y, top: top, into: &svg)
        var legendTop = bottom + 48
        if unlabelled > 0 {
            svg.text(
                "\(unlabelled) more point\(unlabelled == 1 ? "" : "s") outside the limits not labelled for space: "
                    + "the text alternative lists every one.",
                x: plotLeft, y: legendTop + 4, size: ChartStyle.smallSize, fill: ChartStyle.muted)
            legendTop += 18
        }
        drawLegend(top: legendTop, into: &svg)
        return frame.chart(height: legendTop + 36, body: svg.markup)
    }

    /// How a point is drawn and named by where it sits: a triangle up above the limits, down below them,
    /// darker beyond 99.8%; the legend and the text alternative use the same table.
    static let positions: [(position: Int, shape: MarkerShape, fill: String, key: String, sentence: String)] = [
        (0, .circle, "#ffffff", "within", "Within the limits"),
        (1, .triangle, "#56B4E9", "above 95%", "Above the 95% limit only"),
        (2, .triangle, "#0072B2", "above 99.8%", "Above the 99.8% limit"),
        (-1, .triangleDown, "#F0B97A", "below 95%", "Below the 95% limit only"),
        (-2, .triangleDown, "#D55E00", "below 99.8%", "Below the 99.8% limit"),
    ]

    private static func style(_ point: Point) -> (shape: MarkerShape, fill: String) {
        let style = positions.first { $0.position == point.position } ?? positions[0]
        return (style.shape, style.fill)
    }

    /// The national line and the limit curves, joined over the points in order of n.
    private static func drawLimits(_ points: [Point], x: LinearScale, y: LinearScale, into svg: inout SVGWriter) {
        let ordered = points.sorted { $0.n < $1.n }
        func curve(_ value: (Point) -> Double, dash: String?, width: Double, into svg: inout SVGWriter) {
            var attributes = [
                ("d", SVGWriter.path(ordered.map { (x.position($0.n), y.position(value($0))) })), ("fill", "none"),
                ("stroke", ChartStyle.ink), ("stroke-width", SVGWriter.number(width)),
            ]
            if let dash { attributes.append(("stroke-dasharray", dash)) }
            svg.element("path", attributes)
        }
        svg.group([("class", "limits")]) { svg in
            curve(\.limits.lower998, dash: nil, width: 1.2, into: &svg)
            curve(\.limits.upper998, dash: nil, width: 1.2, into: &svg)
            curve(\.limits.lower95, dash: "5 3", width: 1, into: &svg)
            curve(\.limits.upper95, dash: "5 3", width: 1, into: &svg)
            curve(\.national, dash: nil, width: 2, into: &svg)
        }
    }

    /// Labels the outside points, most extreme first, at the right of the point (else the left), skipping
    /// any label that would cover another label or marker or leave the plot; returns how many were skipped.
    private static func drawLabels(
        _ outside: [Point], markers: [(Double, Double)], x: LinearScale, y: LinearScale, top: Double,
        into svg: inout SVGWriter
    ) -> Int {
        typealias Box = (left: Double, top: Double, right: Double, bottom: Double)
        var taken: [Box] = markers.map { (left: $0.0 - 4, top: $0.1 - 4, right: $0.0 + 4, bottom: $0.1 + 4) }
        func isFree(_ box: Box) -> Bool {
            box.top > top && box.left > plotLeft && box.right < plotRight
                && !taken.contains {
                    box.left < $0.right && $0.left < box.right && box.top < $0.bottom && $0.top < box.bottom
                }
        }
        var skipped = 0
        svg.group([("class", "labels")]) { svg in
            for point in outside {
                guard let area = point.area else { continue }
                let width = ChartStyle.textWidth(area, size: ChartStyle.smallSize)
                let px = x.position(point.n)
                let py = y.position(point.score)
                let right: Box = (px + 7, py - 7, px + 7 + width, py + 4)
                let left: Box = (px - 7 - width, py - 7, px - 7, py + 4)
                guard let box = [right, left].first(where: isFree) else {
                    skipped += 1
                    continue
                }
                taken.append(box)
                svg.text(
                    area, x: box.left, y: py + 3.5, size: ChartStyle.smallSize,
                    extra: [("stroke", "#ffffff"), ("stroke-width", "3"), ("paint-order", "stroke")])
            }
        }
        return skipped
    }

    private static func drawLegend(top: Double, into svg: inout SVGWriter) {
        svg.group([("class", "legend")]) { svg in
            var x = plotLeft
            let middle = top + 4
            func key(_ text: String) {
                svg.text(text, x: x, y: middle + 4, size: ChartStyle.smallSize)
                x += ChartStyle.textWidth(text, size: ChartStyle.smallSize) + 16
            }
            svg.line(x, middle, x + 22, middle, stroke: ChartStyle.ink, width: 2)
            x += 27
            key("national")
            svg.line(x, middle, x + 22, middle, stroke: ChartStyle.ink, width: 1, dash: "5 3")
            x += 27
            key("95% limits")
            svg.line(x, middle, x + 22, middle, stroke: ChartStyle.ink, width: 1.2)
            x += 27
            key("99.8% limits")
            x = plotLeft
            let second = middle + 18
            for style in positions {
                style.shape.draw(into: &svg, x: x + 5, y: second, size: 9, fill: style.fill)
                svg.text(style.key, x: x + 14, y: second + 4, size: ChartStyle.smallSize)
                x += 14 + ChartStyle.textWidth(style.key, size: ChartStyle.smallSize) + 16
            }
        }
    }

    /// The chart in words: how many points sit where, the national figure, and every area outside.
    private static func description(_ points: [Point], measure: String) -> String {
        let national = points.first.map { SVGWriter.tickText($0.national) + "%" } ?? "unknown"
        var text = "Funnel plot of \(measure): \(points.count) inspection\(points.count == 1 ? "" : "s") against their"
        text += " sample size n (judgements, or effective n), national \(national), with 95% and 99.8% control limits."
        for style in positions.sorted(by: { $0.position > $1.position }) where style.position != 0 {
            let group = points.filter { $0.position == style.position }
            guard !group.isEmpty else { continue }
            let list = group.map {
                ($0.area ?? "?") + " " + SVGWriter.tickText($0.score) + "% (n \(SVGWriter.tickText($0.n)))"
            }
            text += " " + style.sentence + " (\(group.count)): " + list.joined(separator: ", ") + "."
        }
        text += " " + positions[0].sentence + ": \(points.filter { $0.position == 0 }.count)."
        return text
    }
}
