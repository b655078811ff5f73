import Columnar
import Rendering
import QueryLanguage

/// Keeps what one cell's statements produce, in order, instead of printing it: each result table
/// followed by its charts, messages, and errors.
final class CellRecorder: SessionRecorder {
    private(set) var outputs: [CellOutput] = []
    private let cell: NotebookCell
    private let fileName: String
    /// The verb of the statement running now (`compare`): its result gets that verb's chart.
    private var currentVerb: String?
    /// The session's settings when a result arrives (`.maxrows` may change mid-cell).
    private let settings: () -> Settings

    init(cell: NotebookCell, fileName: String, settings: @escaping () -> Settings) {
        self.cell = cell
        self.fileName = fileName
        self.settings = settings
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
        let display = TableDisplay(maxRows: cell.options.rows ?? now.maxRows, showHeaders: now.showHeaders,
                                   nullText: now.nullText, caption: cell.options.title)
        outputs.append(.table(table, display))
        do {
            for chart in try NotebookCharts.charts(for: table, verb: currentVerb, options: cell.options) {
                outputs.append(.chart(chart))
            }
        } catch {
            outputs.append(.error(Diagnostic(message: "chart=\(error.kind.rawValue): \(error)", file: fileName,
                                             location: SourceLocation(line: cell.fenceLine, column: 1))))
        }
    }

    func record(message: String) {
        guard cell.options.results else { return }
        outputs.append(.message(message.hasSuffix("\n") ? String(message.dropLast()) : message))
    }

    func record(_ diagnostic: Diagnostic) {
        outputs.append(.error(diagnostic))
    }
}
