import Columnar

/// The line chart's series read from a result table: `deltas` (`before`, `after`, `before_published`,
/// `after_published`; uses `area`, `measure`, `framework`, `before_id`, `after_id`) or a generic table
/// with `published` or `date` and `score` (uses `series`, else `area` and `measure`). Dates are DATE or
/// text `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
extension LineChart {
    static func requirements(of table: Table) -> [[String]] {
        isDeltas(table)
            ? [["before"], ["after"], ["before_published"], ["after_published"]]
            : [["published", "date"], ["score"]]
    }

    static func isDeltas(_ table: Table) -> Bool {
        table.schema.index(of: "before") != nil && table.schema.index(of: "after") != nil
    }

    /// The series of a result table.
    static func series(_ table: ChartTable) -> [Series] {
        isDeltas(table.table) ? deltaSeries(table) : genericSeries(table)
    }

    /// Each `deltas` row is one step (before → after) of an area's measure; steps chain by inspection id.
    static func deltaSeries(_ table: ChartTable) -> [Series] {
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

    static func genericSeries(_ table: ChartTable) -> [Series] {
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
                    let unit = table.context.unit(
                        framework: table.text("framework", index), measure: measure, title: nil)
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
