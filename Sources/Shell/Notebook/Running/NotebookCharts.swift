import Columnar
import Foundation
import Inspection
import Reporting

/// The one place a notebook asks `ChartRenderer` for charts, and decides what a table that cannot be
/// drawn means: nothing for a verb's usual chart, a cell error for a chart the cell asked for.
enum NotebookCharts {
    /// The verb a statement starts with (`compare Harrow;` → `compare`); nil for SQL and dot-commands.
    static func verb(of statement: String) -> Verb? {
        guard VerbStatement.startsWithVerb(statement),
            case .word(let word)? = try? VerbStatement.tokenize(statement).first
        else { return nil }
        return Verb.named(word)
    }

    /// The charts of one result table under the cell's `chart=` option.
    ///
    /// - Throws: `ExplicitChartError` when the cell named a chart the table cannot make.
    static func charts(for table: Table, verb: Verb?, options: CellOptions, context: ReportContext)
        throws(ExplicitChartError) -> [Chart]
    {
        switch options.chart {
        case .none:
            return []
        case .byVerb:
            guard let kind = verb?.chart else { return [] }
            return (try? ChartRenderer.charts(table, kind: kind, title: options.title, context: context)) ?? []
        case .kind(let kind):
            do throws(ChartError) {
                return try ChartRenderer.charts(table, kind: kind, title: options.title, context: context)
            } catch {
                throw ExplicitChartError(kind: kind, reason: error)
            }
        }
    }
}

extension NotebookCharts {
    /// Longest text alternative written out in full under a figure, in characters.
    static let longestCaption = 600

    /// What a figure's caption says: its number and the chart's text alternative, or for a long one (a
    /// funnel plot names every area) its first sentence; the SVG's `<desc>` keeps the whole text.
    static func caption(_ chart: Chart, number: Int) -> String {
        let words = chart.textAlternative
        guard words.count > longestCaption, let end = words.range(of: ". ") else { return "Figure \(number). " + words }
        return "Figure \(number). " + words[..<end.lowerBound] + ". (The chart's text alternative names every point.)"
    }
}

/// A chart a cell asked for by name (`chart=bullet`) that its table cannot make.
struct ExplicitChartError: Error, CustomStringConvertible {
    let kind: ChartKind
    let reason: ChartError

    var description: String { reason.description }
}
