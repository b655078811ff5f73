import Columnar

/// The bars read from any result table: the label is the first of `area`, `measure`, `title`, `group`,
/// `bucket`, `name` the table has whose values differ between rows (one area's measures are labelled by
/// measure), else its first text column; the value is `score` (else `count`,
/// else the first numeric column); `band` colours a bar where present, and `framework` with `measure`
/// gives the unit.
extension BarChart {
    static let labelColumns = ["area", "measure", "title", "group", "bucket", "name"]
    static let valueColumns = ["score", "count"]

    /// What a bar chart needs of a table, for `ChartTable`'s check.
    static func requirements(of table: Table) -> [[String]] {
        let fields = table.schema.fields
        let label = labelColumns.filter { table.schema.index(of: $0) != nil }
        let text = fields.first { $0.type == .varchar }.map { [$0.name] } ?? []
        let number = fields.first { $0.type.isNumeric }.map { [$0.name] } ?? []
        return [
            label.isEmpty ? (text.isEmpty ? ["a text column"] : text) : label,
            valueColumns.filter { table.schema.index(of: $0) != nil } + number
                + (number.isEmpty ? ["a number column"] : []),
        ]
    }

    static func bars(_ table: ChartTable) -> Bars {
        let fields = table.table.schema.fields
        let present = labelColumns.filter(table.has)
        let varies = present.first { name in Set(table.rows.map { table.text(name, $0) }).count > 1 }
        let label = varies ?? present.first ?? fields.first { $0.type == .varchar }?.name ?? ""
        let value = table.first(of: valueColumns) ?? fields.first { $0.type.isNumeric }?.name ?? ""
        var bars: [Bar] = []
        var units: [ScoreUnit] = []
        for index in table.rows {
            guard let number = table.number(value, index) else { continue }
            if value == "score" {
                units.append(
                    table.context.unit(
                        framework: table.text("framework", index), measure: table.text("measure", index), title: nil))
            }
            bars.append(
                Bar(
                    label: table.text(label, index) ?? "(none)", value: number, bandName: table.text("band", index),
                    band: table.band("band", index)))
        }
        // One axis: a unit only when every bar has the same one (percents and points never share it).
        let unit = units.first.flatMap { first in units.allSatisfy { $0 == first } ? first : nil }
        return Bars(valueName: value, unit: unit, bars: bars)
    }
}
