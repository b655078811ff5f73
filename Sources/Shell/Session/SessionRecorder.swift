import Columnar

/// Receives what a session produces instead of it being printed: a notebook keeps each result `Table`
/// of a cell (to render it as HTML or Markdown with the cell's caption and chart) rather than text.
///
/// Set as `Session.recorder`. Results sent to a file by `.output` / `.once` still go to that file.
protocol SessionRecorder: AnyObject {
    /// A statement or dot-command is about to run; `text` is as written (a verb statement unrewritten).
    func willRun(_ text: String)
    /// A result table, in full (the recorder decides how many rows to show).
    func record(_ table: Table)
    /// A plain message: row counts of `INSERT`, `.help` text, timings.
    func record(message: String)
    /// A failed statement or command (already counted in `Session.failureCount`).
    func record(_ diagnostic: Diagnostic)
}
