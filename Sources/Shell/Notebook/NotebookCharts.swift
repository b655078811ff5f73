import Columnar
import Rendering

/// The one place a notebook asks `ChartRenderer` for charts, and decides what a table that cannot be
/// drawn means: nothing for a verb's usual chart, a cell error for a chart the cell asked for.
enum NotebookCharts {
    /// The verb a statement starts with (`compare Harrow;` → `compare`); nil for SQL and dot-commands.
    static func verb(of statement: String) -> String? {
        guard VerbStatement.startsWithVerb(statement), case .word(let word)? = try? VerbStatement.tokenize(statement).first
        else { return nil }
        return word.lowercased()
    }

    /// The charts of one result table under the cell's `chart=` option.
    ///
    /// - Throws: `ExplicitChartError` when the cell named a chart the table cannot make.
    static func charts(for table: Table, verb: String?, options: CellOptions) throws(ExplicitChartError) -> [Chart] {
        switch options.chart {
        case .none:
            return []
        case .byVerb:
            guard let verb, let kind = ChartKind.defaultKind(forVerb: verb) else { return [] }
            return (try? ChartRenderer.charts(table, kind: kind, title: options.title)) ?? []
        case .kind(let kind):
            do {
                return try ChartRenderer.charts(table, kind: kind, title: options.title)
            } catch {
                throw ExplicitChartError(kind: kind, reason: error)
            }
        }
    }
}

/// A chart a cell asked for by name (`chart=bullet`) that its table cannot make.
struct ExplicitChartError: Error, CustomStringConvertible {
    let kind: ChartKind
    let reason: ChartError

    var description: String { reason.description }
}
