/// The funnel plot's points read from a result table (`funnel`'s, or any with its columns): reads `n`
/// (or `effective_n` where present), `score`, `national` and the four limits; uses `area` (else
/// `inspection_id`) and `measure` (a chart each), so generic tables need no `position` column.
extension FunnelChart {
    static let requirements = [
        ["n"], ["score"], ["national"], ["lower_95"], ["upper_95"], ["lower_998"], ["upper_998"],
    ]

    static func groups(_ table: ChartTable) -> [(key: String?, points: [Point])] {
        var groups: [(key: String?, points: [Point])] = []
        for index in table.rows {
            // The n the limits were drawn for: the effective n where the verb gives one.
            guard let n = table.number("effective_n", index) ?? table.number("n", index),
                let score = table.number("score", index),
                let national = table.number("national", index), let lower998 = table.number("lower_998", index),
                let lower95 = table.number("lower_95", index), let upper95 = table.number("upper_95", index),
                let upper998 = table.number("upper_998", index)
            else { continue }
            let key = table.text("measure", index)
            let point = Point(
                area: table.text("area", index) ?? table.text("inspection_id", index), n: n, score: score,
                national: national, limits: (lower998, lower95, upper95, upper998))
            if let group = groups.firstIndex(where: { $0.key == key }) {
                groups[group].points.append(point)
            } else {
                groups.append((key, [point]))
            }
        }
        return groups
    }
}
