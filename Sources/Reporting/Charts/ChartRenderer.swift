public import Inspection
import Rendering
public import Columnar

/// Draws result tables as SVG charts. Pure: table in, SVG text out, the same bytes for the same table.
///
/// Every chart is 640 px wide with a viewBox (it scales), has a visible title and a `<title>`/`<desc>`
/// text alternative, uses no scripts or external references, and tells bands apart by shape and written
/// name as well as by `BandPalette` colour.
public enum ChartRenderer {
    /// The charts for `table`: a bullet chart gives one chart per named area; a funnel plot one per
    /// measure; a line chart one per measure when the table holds several areas and several measures;
    /// otherwise one chart.
    ///
    /// - Parameter context: the session's frameworks, for band looks and measure units.
    /// - Parameter title: a title to use instead of the one derived from the table (suffixed with the area
    ///   or measure when there are several charts).
    /// - Throws: `ChartError.missingColumns` naming what the kind needs and the table lacks, or
    ///   `ChartError.noRows` when no row has the numbers to draw.
    public static func charts(_ table: Table, kind: ChartKind, title: String? = nil, context: ReportContext)
        throws(ChartError) -> [Chart]
    {
        let charts: [Chart]
        switch kind {
        case .bullet:
            let columns = try ChartTable(table, kind: kind, context: context, requires: BulletChart.requirements)
            charts = BulletChart.charts(BulletChart.areas(columns), title: title)
        case .histogram:
            let columns = try ChartTable(table, kind: kind, context: context, requires: HistogramChart.requirements)
            charts = HistogramChart.charts(HistogramChart.histograms(columns), title: title)
        case .funnel:
            let columns = try ChartTable(table, kind: kind, context: context, requires: FunnelChart.requirements)
            charts = FunnelChart.charts(FunnelChart.groups(columns), title: title)
        case .bar:
            let columns = try ChartTable(
                table, kind: kind, context: context, requires: BarChart.requirements(of: table))
            let bars = BarChart.bars(columns)
            charts = bars.bars.isEmpty ? [] : [BarChart.chart(bars, title: title)]
        case .line:
            let columns = try ChartTable(
                table, kind: kind, context: context, requires: LineChart.requirements(of: table))
            charts = LineChart.charts(LineChart.series(columns), title: title)
        }
        // Rows whose numbers are all NULL draw nothing.
        guard !charts.isEmpty else { throw .noRows(kind) }
        return charts
    }
}
