import Spelling
import Columnar
import Foundation
import Kernels
import Inspection
import Rendering
import Reporting
import QueryLanguage

/// Keeps what one cell's statements produce, in order, instead of printing it: each result table
/// followed by its charts, messages, and errors.
final class CellRecorder: SessionRecorder {
    private(set) var outputs: [CellOutput] = []
    private let cell: NotebookCell
    private let fileName: String
    /// The verb of the statement running now (`compare`): its result gets that verb's chart.
    private var currentVerb: Verb?
    /// The session's settings when a result arrives (`.maxrows` may change mid-cell).
    private let settings: () -> Settings
    /// The session's frameworks' bands and units when a result arrives (a cell may load a dataset).
    private let context: () -> ReportContext

    init(
        cell: NotebookCell, fileName: String, settings: @escaping () -> Settings,
        context: @escaping () -> ReportContext
    ) {
        self.cell = cell
        self.fileName = fileName
        self.settings = settings
        self.context = context
    }

    var errors: [Diagnostic] {
        outputs.compactMap { if case .error(let diagnostic) = $0 { diagnostic } else { nil } }
    }

    func willRun(_ text: String) {
        currentVerb = NotebookCharts.verb(of: text)
    }

    func record(_ table: Table) {
        guard cell.options.results else { return }
        let now = settings()
        let display = TableDisplay(
            maxRows: cell.options.rows ?? now.maxRows, showHeaders: now.showHeaders,
            // A paper shows a missing value as a dash, unless the notebook chose its own (`.nullvalue`).
            nullText: now.nullText ?? "–", caption: cell.options.title)
        do throws(Diagnostic) {
            outputs.append(.table(try shown(table), display))
        } catch {
            outputs.append(.error(error))
        }
        do {
            for chart in try NotebookCharts.charts(
                for: table, verb: currentVerb, options: cell.options, context: context())
            {
                outputs.append(.chart(chart))
            }
        } catch {
            outputs.append(.error(atFence("chart=\(error.kind.rawValue): \(error)")))
        }
    }

    /// The table as a reader sees it: narrowed to the cell's `columns=`, in that order (names match
    /// regardless of case), with `_` in column names shown as spaces, so `band_source` reads "band source"
    /// and a header can wrap in a narrow column.
    private func shown(_ table: Table) throws(Diagnostic) -> Table {
        let narrowed = try shownColumns(of: table)
        return narrowed.renamed(narrowed.schema.fields.map { $0.name.replacingOccurrences(of: "_", with: " ") })
    }

    private func shownColumns(of table: Table) throws(Diagnostic) -> Table {
        guard let names = cell.options.columns else { return table }
        let fields = table.schema.fields
        var shown: [(String, Column)] = []
        for name in names {
            guard let index = fields.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw atFence(
                    "columns=: the result has no column \(name) (it has \(fields.map(\.name).joined(separator: ", ")))",
                    suggestions: Suggestions.closest(to: name, among: fields.map(\.name)))
            }
            shown.append((fields[index].name, table.columns[index]))
        }
        return Table(shown)
    }

    /// An error about the cell as a whole, pointing at its opening fence.
    private func atFence(_ message: String, suggestions: [String] = []) -> Diagnostic {
        Diagnostic(
            message: message, file: fileName, location: SourceLocation(line: cell.fenceLine, column: 1),
            suggestions: suggestions)
    }

    func record(message: String) {
        guard cell.options.results else { return }
        outputs.append(.message(message.hasSuffix("\n") ? String(message.dropLast()) : message))
    }

    func record(_ diagnostic: Diagnostic) {
        outputs.append(.error(diagnostic))
    }
}
