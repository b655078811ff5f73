import Inspection
import Rendering
/// Histograms from `distribution`: counts per bucket, one chart per (framework, measure), one panel per
/// `group` (small multiples sharing one count scale, for `BY region`).
///
/// Numeric buckets (`bucket_from`/`bucket_to`) are drawn as upright bars on a value axis; named buckets
/// (ratings) as horizontal bars with their names, coloured by band when the name is a band.
/// Drawn from typed histograms (`Histogram`: panels of buckets with counts, bounds and band looks);
/// `HistogramChart+ResultTable` reads them from a result table.
struct HistogramChart {
    struct Bucket {
        var name: String
        var from: Double? = nil
        var to: Double? = nil
        var count: Double
        var share: Double?
        /// The look of the bucket when its name is a band (ratings), else nil.
        var band: BandStyle? = nil
    }

    struct Panel {
        var group: String?
        var buckets: [Bucket]
    }

    struct Histogram {
        var framework: String?
        var measure: String?
        var unit: ScoreUnit
        var panels: [Panel] = []

        /// Numeric when every bucket has bounds.
        var isNumeric: Bool { panels.allSatisfy { $0.buckets.allSatisfy { $0.from != nil && $0.to != nil } } }
        var maximumCount: Double { panels.flatMap(\.buckets).map(\.count).max() ?? 0 }
        /// The value range every panel's axis spans (numeric buckets): the whole scale of a known
        /// measure (0–100 for percent), else the buckets' span.
        var valueDomain: (Double, Double) {
            let buckets = panels.flatMap(\.buckets)
            let lower = buckets.compactMap(\.from).min() ?? 0
            let upper = buckets.compactMap(\.to).max() ?? 1
            guard measure != nil else { return (lower, upper) }
            return (min(0, lower), max(unit.maximum, upper))
        }

        /// The look a bucket of this name has in any panel.
        static func band(_ name: String, in panels: [Panel]) -> BandStyle? {
            panels.lazy.flatMap(\.buckets).first { $0.name == name }?.band
        }

        /// Gives every panel the same named buckets in the same order (absent ones count 0), so small
        /// multiples line up.
        mutating func alignBuckets() {
            var names: [String] = []
            for bucket in panels.flatMap(\.buckets) where !names.contains(bucket.name) { names.append(bucket.name) }
            for index in panels.indices {
                let buckets = panels[index].buckets
                panels[index].buckets = names.map { name in
                    buckets.first { $0.name == name }
                        ?? Bucket(name: name, count: 0, share: 0, band: Self.band(name, in: panels))
                }
            }
        }
    }

    /// One chart per histogram (framework and measure), one panel per group.
    static func charts(_ histograms: [Histogram], title: String?) -> [Chart] {
        return histograms.map { histogram in
            var histogram = histogram
            if !histogram.isNumeric { histogram.alignBuckets() }
            let name = histogram.measure ?? "values"
            var chartTitle = title ?? "Distribution of " + name
            if title != nil, histograms.count > 1 { chartTitle += ": " + name }
            if title == nil, histogram.panels.count > 1 { chartTitle += " by group" }
            return draw(histogram, title: chartTitle)
        }
    }

    // Layout, px.
    static let gap = 20.0

    private static func draw(_ histogram: Histogram, title: String) -> Chart {
        let frame = ChartFrame(kind: .histogram, title: title, textAlternative: description(histogram))
        let panels = histogram.panels
        let grouped = panels.count > 1
        let columns = !grouped ? 1 : (histogram.isNumeric && panels.count > 4 ? 3 : 2)
        let panelWidth = (ChartStyle.width - 2 * ChartFrame.margin - Double(columns - 1) * gap) / Double(columns)
        let axisRoom = grouped ? 24.0 : 44
        let panelHeight =
            histogram.isNumeric ? (grouped ? 130.0 : 260) : Double(maxBuckets(panels)) * (grouped ? 17 : 26) + axisRoom
        let countScale = (0.0, LinearScale.niceDomain(0, max(1, histogram.maximumCount), count: grouped ? 3 : 5).upper)
        var svg = SVGWriter()
        let top = frame.contentTop
        let titleSpace = grouped ? 20.0 : 0
        for (index, panel) in panels.enumerated() {
            let left = ChartFrame.margin + Double(index % columns) * (panelWidth + gap)
            let panelTop = top + Double(index / columns) * (panelHeight + titleSpace + 12)
            svg.group([("class", "histogram-panel")]) { svg in
                if grouped, let group = panel.group {
                    svg.text(group, x: left, y: panelTop + 13, bold: true)
                }
                let box = (left: left, top: panelTop + titleSpace, width: panelWidth, height: panelHeight)
                if histogram.isNumeric {
                    drawUpright(panel, histogram: histogram, in: box, counts: countScale, compact: grouped, into: &svg)
                } else {
                    drawSideways(panel, in: box, counts: countScale, compact: grouped, into: &svg)
                }
            }
        }
        let rows = (panels.count + columns - 1) / columns
        var bottom = top + Double(rows) * (panelHeight + titleSpace + 12)
        if grouped {
            // Small multiples name their axes once, below all panels.
            let axes = histogram.isNumeric ? "Across: " + axisLabel(histogram) + ". Up: count." : "Bars: count."
            svg.text(axes, x: ChartFrame.margin, y: bottom, size: ChartStyle.smallSize, fill: ChartStyle.muted)
            bottom += 12
        }
        return frame.chart(height: bottom + 4, body: svg.markup)
    }

    private static func maxBuckets(_ panels: [Panel]) -> Int { panels.map(\.buckets.count).max() ?? 1 }

    typealias Box = (left: Double, top: Double, width: Double, height: Double)

    /// Upright bars over a value axis (numeric buckets), counts above the bars when they fit.
    private static func drawUpright(
        _ panel: Panel, histogram: Histogram, in box: Box, counts: (Double, Double), compact: Bool,
        into svg: inout SVGWriter
    ) {
        let plotLeft = box.left + (compact ? 30 : 52)
        let plotBottom = box.top + box.height - (compact ? 20 : 40)
        let x = LinearScale(domain: histogram.valueDomain, range: (plotLeft, box.left + box.width - 4))
        let y = LinearScale(domain: counts, range: (plotBottom, box.top + 8))
        let countLabel = compact ? "" : "Count"
        svg.verticalAxis(
            y, x: plotLeft, gridRight: box.left + box.width, ticks: y.ticks(compact ? 3 : 5), label: countLabel,
            labelX: box.left + 8)
        for bucket in panel.buckets {
            guard let from = bucket.from, let to = bucket.to else { continue }
            let left = x.position(from) + 0.5
            let width = x.position(to) - x.position(from) - 1
            let top = y.position(bucket.count)
            svg.rect(x: left, y: top, width: width, height: plotBottom - top, fill: ChartStyle.neutralBar)
            let countText = SVGWriter.tickText(bucket.count)
            if bucket.count > 0, ChartStyle.textWidth(countText, size: ChartStyle.smallSize) <= width + 1 {
                svg.text(countText, x: left + width / 2, y: top - 3, anchor: .middle, size: ChartStyle.smallSize)
            }
        }
        svg.horizontalAxis(
            x, y: plotBottom, gridTop: plotBottom, ticks: x.ticks(compact ? 4 : 10),
            label: compact ? "" : axisLabel(histogram))
    }

    private static func axisLabel(_ histogram: Histogram) -> String {
        histogram.measure == nil ? "Bucket" : histogram.unit.axisLabel
    }

    /// Horizontal bars, one per named bucket with its name at the left, the count (and share) at the end.
    private static func drawSideways(
        _ panel: Panel, in box: Box, counts: (Double, Double), compact: Bool, into svg: inout SVGWriter
    ) {
        let size = compact ? ChartStyle.smallSize : ChartStyle.fontSize
        let rowHeight = compact ? 17.0 : 26
        let nameWidth = (panel.buckets.map { ChartStyle.textWidth($0.name, size: size) }.max() ?? 0) + 26
        let plotLeft = box.left + min(nameWidth, box.width * 0.5)
        let valueRoom = compact ? 34.0 : 90
        let x = LinearScale(domain: counts, range: (plotLeft, box.left + box.width - valueRoom))
        let plotBottom = box.top + Double(panel.buckets.count) * rowHeight + 4
        for tick in x.ticks(compact ? 3 : 5) {
            svg.line(x.position(tick), box.top, x.position(tick), plotBottom, stroke: ChartStyle.grid)
        }
        for (index, bucket) in panel.buckets.enumerated() {
            let middle = box.top + (Double(index) + 0.5) * rowHeight + 2
            let band = bucket.band
            if let band {
                band.marker.draw(into: &svg, x: box.left + 5, y: middle, size: compact ? 8 : 10, fill: band.colour)
            }
            svg.text(bucket.name, x: box.left + 14, y: middle + size / 3, size: size)
            let barHeight = rowHeight * 0.62
            let width = x.position(bucket.count) - plotLeft
            svg.rect(
                x: plotLeft, y: middle - barHeight / 2, width: width, height: barHeight,
                fill: band?.colour ?? ChartStyle.neutralBar)
            var value = SVGWriter.tickText(bucket.count)
            if !compact, let share = bucket.share { value += " (" + SVGWriter.tickText(share) + "%)" }
            svg.text(value, x: plotLeft + width + 4, y: middle + size / 3, size: size)
        }
        svg.line(plotLeft, box.top, plotLeft, plotBottom, stroke: ChartStyle.axis)
        svg.horizontalAxis(
            x, y: plotBottom, gridTop: plotBottom, ticks: x.ticks(compact ? 3 : 5), label: compact ? "" : "Count")
    }

    /// The chart in words: each panel's buckets with their counts (empty numeric buckets left out).
    private static func description(_ histogram: Histogram) -> String {
        var text = "Histogram of " + (histogram.measure ?? "values")
        if let framework = histogram.framework { text += " (" + framework + ")" }
        text += "."
        for panel in histogram.panels {
            let shown = panel.buckets.filter { !histogram.isNumeric || $0.count > 0 }
            let counts = shown.map { $0.name + ": " + SVGWriter.tickText($0.count) }
            let total = panel.buckets.reduce(0) { $0 + $1.count }
            text += " " + (panel.group.map { $0 + ": " } ?? "") + SVGWriter.tickText(total) + " counted"
            text += counts.isEmpty ? "." : "; " + counts.joined(separator: ", ") + "."
        }
        return text
    }
}
