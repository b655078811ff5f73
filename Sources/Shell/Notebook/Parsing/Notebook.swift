/// A parsed notebook: its front matter, then Markdown prose and SQL cells in document order.
///
/// A notebook is a Markdown file; each fenced ```` ```sql ```` block is a cell of statements (SQL, verb
/// statements such as `compare Harrow;`, dot-commands) run in one session, in order. Every other fence
/// is prose. `{{name}}` placeholders are still unfilled here (`NotebookParameters` fills them).
struct Notebook: Sendable, Equatable {
    /// The file's name as given, used in every error (`harrow-2011.md:12:5: error: ...`).
    var name: String
    var frontMatter: FrontMatter
    var blocks: [NotebookBlock]
    /// The parameter values the prose's tokens stand for, once `NotebookParameters` has filled it.
    var proseValues = ProseValues()

    var cells: [NotebookCell] {
        blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
    }
}

/// One stretch of a notebook.
enum NotebookBlock: Sendable, Equatable {
    /// Markdown prose as written; `line` is the number of its first line in the file.
    case prose(String, line: Int)
    case cell(NotebookCell)
}

/// One ```` ```sql ```` fence: the statements inside and the options of its info string.
struct NotebookCell: Sendable, Equatable {
    /// The text between the fences (no trailing newline).
    var source: String
    /// The line of the opening fence, where option errors and chart errors point.
    var fenceLine: Int
    var options: CellOptions

    /// The line of the first statement line (the one after the fence), so statement errors name the
    /// notebook's own lines.
    var firstLine: Int { fenceLine + 1 }
}
