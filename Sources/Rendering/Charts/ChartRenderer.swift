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
    /// - Parameter title: a title to use instead of the one derived from the table (suffixed with the area
    ///   or measure when there are several charts).
    /// - Throws: `ChartError.missingColumns` naming what the kind needs and the table lacks, or
    ///   `ChartError.noRows`.
    public static func charts(_ table: Table, kind: ChartKind, title: String? = nil) throws(ChartError) -> [Chart] {
        switch kind {
        case .bullet:
            BulletChart.charts(try ChartTable(table, kind: kind, requires: BulletChart.requirements), title: title)
        case .histogram:
            HistogramChart.charts(
                try ChartTable(table, kind: kind, requires: HistogramChart.requirements), title: title)
        case .funnel:
            FunnelChart.charts(try ChartTable(table, kind: kind, requires: FunnelChart.requirements), title: title)
        case .line:
            LineChart.charts(
                try ChartTable(table, kind: kind, requires: LineChart.requirements(of: table)), title: title)
        }
    }
}
