/// Runs a notebook's cells in order in one session, keeping each cell's results for the writers.
///
/// Each cell runs as a script (`ScriptRunner`) whose errors name the notebook's own lines. Without
/// `keepGoing`, the first failing statement stops its cell and the notebook: the document ends with that
/// cell's error and a note saying the rest was not run. With it, every statement of every cell runs.
struct NotebookRunner {
    let session: Session
    let keepGoing: Bool

    func run(_ notebook: Notebook) -> NotebookRun {
        var result = runCells(notebook)
        // Styled with the frameworks the session has after the last cell (a cell may load a dataset).
        result.context = session.reportContext
        return result
    }

    private func runCells(_ notebook: Notebook) -> NotebookRun {
        var result = NotebookRun(
            name: notebook.name, frontMatter: notebook.frontMatter, proseValues: notebook.proseValues)
        session.settings.bail = !keepGoing
        defer { session.recorder = nil }
        for block in notebook.blocks {
            switch block {
            case .prose(let text, let line):
                result.blocks.append(.prose(text, line: line))
            case .cell(let cell):
                guard cell.options.run else {
                    result.blocks.append(.cell(cell, []))
                    continue
                }
                let recorder = CellRecorder(
                    cell: cell, fileName: notebook.name, settings: { [session] in session.settings },
                    context: { [session] in session.reportContext })
                session.recorder = recorder
                let source = SourceText(name: notebook.name, text: cell.source, firstLine: cell.firstLine)
                let outcome = ScriptRunner(session: session).run(source)
                session.recorder = nil
                result.blocks.append(.cell(cell, recorder.outputs))
                result.failures += recorder.errors
                if outcome == .quit {
                    result.blocks.append(
                        .stopped("Stopped by .quit in the cell on line \(cell.fenceLine); the rest was not run."))
                    return result
                }
                if !recorder.errors.isEmpty && !keepGoing {
                    result.blocks.append(
                        .stopped(
                            "Stopped: the cell on line \(cell.fenceLine) failed, so the rest of the notebook was not run "
                                + "(--keep-going runs every cell)."))
                    return result
                }
            }
        }
        return result
    }
}
