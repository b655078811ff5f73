import Columnar
import Rendering
import Reporting

/// What running a notebook produced, block by block: the input of the HTML and Markdown writers.
struct NotebookRun {
    enum Block {
        case prose(String, line: Int)
        /// A cell and what it produced, in order (empty when `run=false`).
        case cell(NotebookCell, [CellOutput])
        /// The run stopped here (a failed cell without `--keep-going`, or `.quit`); says why.
        case stopped(String)
    }

    var name: String
    var frontMatter: FrontMatter
    var blocks: [Block] = []
    /// The parameter values in the prose (`ProseValues`), put back by each writer.
    var proseValues = ProseValues()
    /// Put before the prose's relative link targets when the document goes to another folder than the
    /// notebook's (`ProseLinks`); nil: the links stand as written.
    var linkBase: String?
    /// Every cell error in order: printed on standard error too, and the exit status's reason.
    var failures: [Diagnostic] = []
    /// The frameworks' bands and units the document is styled with (the session's, after the last cell).
    var context = ReportContext(frameworks: [])
}

/// One thing a cell produced.
enum CellOutput {
    case table(Table, TableDisplay)
    case chart(Chart)
    /// A plain message (`3 rows inserted`, `.help` text).
    case message(String)
    case error(Diagnostic)
}

/// How a result table is shown, fixed when it was produced (`.maxrows`, `.nullvalue` and `.headers`
/// in an earlier cell or statement apply, as in the shell).
struct TableDisplay {
    /// Most rows shown, the first and last halves; 0 shows all.
    var maxRows: Int
    var showHeaders: Bool
    var nullText: String?
    /// The cell's `title=`: the table's caption.
    var caption: String?

    /// The same display captioned as a paper numbers its tables: `Table 3. Harrow against its
    /// region`, or `Table 3` for a cell without `title=`, so every table has a caption to cite.
    func numbered(_ number: Int) -> TableDisplay {
        var display = self
        display.caption = "Table \(number)" + (caption.map { ". " + $0 } ?? "")
        return display
    }

    /// What an empty result shows instead of a table with headers only: a sentence a reader can take in.
    var emptyNote: String {
        (caption.map { $0 + ": " } ?? "") + "nothing to show (the query found no rows)."
    }

    func renderOptions(_ mode: OutputMode, rowCount: Int, context: ReportContext) -> RenderOptions {
        let elided = maxRows > 0 && rowCount > maxRows
        return RenderOptions(
            mode: mode, showHeaders: showHeaders, nullText: nullText, maxRows: maxRows,
            showRowCount: elided, title: caption, columnStyles: context.columnStyles)
    }
}

/// Tables and figures counted through a document, for their captions.
struct FigureNumbers {
    var tables = 0
    var figures = 0
}
