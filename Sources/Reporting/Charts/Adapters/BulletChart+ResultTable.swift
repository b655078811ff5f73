/// The bullet chart's rows read from a result table (`compare`'s, or any with its columns): reads
/// `score`, `lowest`, `highest`, `average` and `measure` or `title` (the label, title first); uses `area`
/// (one chart per area), `band` (its look from the frameworks' bands), `framework` (with `measure`, the
/// unit), `rank` and `areas`.
extension BulletChart {
    static let requirements = [["score"], ["lowest"], ["highest"], ["average"], ["measure", "title"]]

    /// The rows of each area, areas in order of first appearance.
    static func areas(_ table: ChartTable) -> [(area: String?, rows: [Row])] {
        var areas: [(area: String?, rows: [Row])] = []
        for index in table.rows {
            let area = table.text("area", index)
            if let at = areas.firstIndex(where: { $0.area == area }) {
                areas[at].rows.append(row(table, index))
            } else {
                areas.append((area, [row(table, index)]))
            }
        }
        return areas
    }

    static func row(_ table: ChartTable, _ index: Int) -> Row {
        let measure = table.text("measure", index)
        let title = table.text("title", index)
        let framework = table.text("framework", index)
        return Row(
            label: title ?? measure ?? "", framework: framework,
            unit: table.context.unit(framework: framework, measure: measure, title: title),
            score: table.number("score", index), lowest: table.number("lowest", index),
            highest: table.number("highest", index), average: table.number("average", index),
            bandName: table.text("band", index), band: table.band("band", index), rank: table.number("rank", index),
            areas: table.number("areas", index))
    }
}
