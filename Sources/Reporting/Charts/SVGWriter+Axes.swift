import Rendering
/// Axes with ticks, grid lines and a label naming the quantity and its unit ("Score (%)").
extension SVGWriter {
    /// An x axis along `y` (the plot's bottom), grid lines up to `gridTop`, tick labels under it and the
    /// axis label centred below them.
    mutating func horizontalAxis(
        _ scale: LinearScale, y: Double, gridTop: Double, ticks: [Double], label: String,
        format: (Double) -> String = SVGWriter.tickText
    ) {
        group([("class", "axis x-axis")]) { svg in
            for tick in ticks {
                let x = scale.position(tick)
                if gridTop < y { svg.line(x, gridTop, x, y, stroke: ChartStyle.grid) }
                svg.line(x, y, x, y + 4, stroke: ChartStyle.axis)
                svg.text(
                    format(tick), x: x, y: y + 16, anchor: .middle, size: ChartStyle.smallSize, fill: ChartStyle.muted)
            }
            svg.line(scale.range.start, y, scale.range.end, y, stroke: ChartStyle.axis)
            let middle = (scale.range.start + scale.range.end) / 2
            if !label.isEmpty { svg.text(label, x: middle, y: y + 34, anchor: .middle) }
        }
    }

    /// A y axis along `x` (the plot's left), grid lines across to `gridRight`, tick labels left of it and
    /// the axis label turned upright at `labelX`.
    mutating func verticalAxis(
        _ scale: LinearScale, x: Double, gridRight: Double, ticks: [Double], label: String, labelX: Double,
        format: (Double) -> String = SVGWriter.tickText
    ) {
        group([("class", "axis y-axis")]) { svg in
            for tick in ticks {
                let y = scale.position(tick)
                svg.line(x, y, gridRight, y, stroke: ChartStyle.grid)
                svg.line(x - 4, y, x, y, stroke: ChartStyle.axis)
                svg.text(
                    format(tick), x: x - 7, y: y + 3.5, anchor: .end, size: ChartStyle.smallSize, fill: ChartStyle.muted
                )
            }
            svg.line(x, scale.range.start, x, scale.range.end, stroke: ChartStyle.axis)
            let middle = (scale.range.start + scale.range.end) / 2
            guard !label.isEmpty else { return }
            svg.text(
                label, x: labelX, y: middle, anchor: .middle,
                extra: [("transform", "rotate(-90 " + SVGWriter.number(labelX) + " " + SVGWriter.number(middle) + ")")])
        }
    }

    /// A tick value as text: whole numbers plainly, others with at most one decimal.
    static func tickText(_ value: Double) -> String {
        // Past 10^15 (or not finite) the plain form gives way to Swift's: 1e+20, inf, never blank.
        DecimalText.format(value, maxDecimals: 1) ?? value.description
    }
}
