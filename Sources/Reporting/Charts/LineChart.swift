import Rendering
import Columnar

/// Line charts of scores over successive inspections, one series per area and measure, labelled at
/// their last point.
///
/// Reads `deltas` (`before`, `after`, `before_published`, `after_published`; uses `area`, `measure`,
/// `framework`, `before_id`, `after_id`) or a generic table with `published` or `date` and `score` (uses
/// `series`, else `area` and `measure`). Dates are DATE or text `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; when one
/// is unknown the x axis shows the inspections in order instead. A table of several areas and several
/// measures gives one chart per area or per measure, whichever makes fewer; units never share an axis.
struct LineChart {
    static func requirements(of table: Table) -> [[String]] {
        isDeltas(table)
            ? [["before"], ["after"], ["before_published"], ["after_published"]]
            : [["published", "date"], ["score"]]
    }

    private static func isDeltas(_ table: Table) -> Bool {
        table.schema.index(of: "before") != nil && table.schema.index(of: "after") != nil
    }

    /// One inspection's score.
    struct Observation {
        var id: String
        var when: String?
        var date: Date32?
        var score: Double
    }

    struct Series {
        var area: String?
        var measure: String?
        var label: String?
        var unit: ScoreUnit
        var observations: [Observation] = []
    }

    static func charts(_ table: ChartTable, title: String?) -> [Chart] {
        let series = isDeltas(table.table) ? deltaSeries(table) : genericSeries(table)
        // Several areas and several measures: one chart per area or per measure, whichever is fewer.
        let areas = Set(series.map(\.area)).count
        let measures = Set(series.map(\.measure)).count
        let split: (Series) -> String? =
            areas > 1 && measures > 1 ? (areas < measures ? { $0.area } : { $0.measure }) : { _ in nil }
        var charts: [(key: String?, unit: ScoreUnit, series: [Series])] = []
        for line in series where !line.observations.isEmpty {
            if let index = charts.firstIndex(where: { $0.key == split(line) && $0.unit == line.unit }) {
                charts[index].series.append(line)
            } else {
                charts.append((split(line), line.unit, [line]))
            }
        }
        return charts.map { chart in
            let area = Set(chart.series.map(\.area)).count == 1 ? chart.series[0].area : nil
            let measure = Set(chart.series.map(\.measure)).count == 1 ? chart.series[0].measure : nil
            var chartTitle: String
            if let title {
                chartTitle = title
                if charts.count > 1, let suffix = chart.key ?? measure { chartTitle += ": " + suffix }
            } else {
                chartTitle = (area ?? measure).map { $0 + ": scores" } ?? "Scores"
                chartTitle += " over successive inspections"
            }
            var lines = chart.series
            for index in lines.indices {
                let line = lines[index]
                lines[index].label =
                    line.label
                    ?? (area != nil ? line.measure : measure != nil ? line.area : nil)
                    ?? [line.area, line.measure].compactMap { $0 }.joined(separator: " · ")
            }
            return LineChartDrawing(series: lines, unit: chart.unit, title: chartTitle).chart()
        }
    }

    /// Each `deltas` row is one step (before → after) of an area's measure; steps chain by inspection id.
    private static func deltaSeries(_ table: ChartTable) -> [Series] {
        var series: [Series] = []
        for index in table.rows {
            let area = table.text("area", index)
            let measure = table.text("measure", index)
            let framework = table.text("framework", index)
            let position =
                series.firstIndex { $0.area == area && $0.measure == measure }
                ?? {
                    series.append(
                        Series(
                            area: area, measure: measure,
                            unit: table.context.unit(framework: framework, measure: measure, title: nil))
                    )
                    return series.count - 1
                }()
            for side in ["before", "after"] {
                guard let score = table.number(side, index) else { continue }
                let id = table.text(side + "_id", index) ?? "\(side) \(index)"
                guard !series[position].observations.contains(where: { $0.id == id }) else { continue }
                let when = table.text(side + "_published", index)
                series[position].observations.append(
                    Observation(id: id, when: when, date: table.date(side + "_published", index), score: score))
            }
        }
        return series
    }

    private static func genericSeries(_ table: ChartTable) -> [Series] {
        let dateColumn = table.first(of: ["published", "date"]) ?? "date"
        var series: [Series] = []
        for index in table.rows {
            guard let score = table.number("score", index) else { continue }
            let label = table.text("series", index)
            let area = table.text("area", index)
            let measure = table.text("measure", index)
            let position =
                series.firstIndex { $0.label == label && $0.area == area && $0.measure == measure }
                ?? {
                    let unit = table.context.unit(framework: table.text("framework", index), measure: measure, title: nil)
                    series.append(Series(area: area, measure: measure, label: label, unit: unit))
                    return series.count - 1
                }()
            let when = table.text(dateColumn, index)
            series[position].observations.append(
                Observation(id: "\(index)", when: when, date: table.date(dateColumn, index), score: score))
        }
        return series
    }
}
