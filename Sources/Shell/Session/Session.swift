import Columnar
public import QueryEngine
import Rendering
import Inspection
import Reporting
public import FileOutput

/// One user's working state: the database, the settings, and where output goes.
///
/// The REPL, batch files (`-f`), `-c` commands and notebooks all run statements through a session, so a
/// meta-command behaves the same in each.
public final class Session {
    public let database: Database
    public var settings: Settings
    let standardOutput: any TextSink
    let errorOutput: any TextSink
    /// `.output FILE` / `.once FILE`: results go to a file until reset (or for one result).
    var redirect: FileRedirect?
    /// Where the last result table went (a blank line separates consecutive Markdown tables there).
    private var lastTableSink: (any TextSink)?
    /// Statements that failed so far (exit status 1 when non-zero).
    public internal(set) var failureCount = 0
    /// Nesting of `.read`, bounded so a file that reads itself stops with an error.
    var readDepth = 0
    /// Takes results, messages and errors instead of the outputs (a notebook run); nil prints them.
    var recorder: (any SessionRecorder)?
    /// The framework files the last dataset used: a later folder without its own (`.load synthetic`)
    /// uses them before the bundled ones, so `--data DIR` serves a binary away from the source tree.
    var frameworkFolder: String?
    /// The frameworks' bands and units, for HTML tables, COPY's files and notebook charts: those of the
    /// dataset loaded last, and before any (`--no-data`) the bundled ones. COPY's writer is re-made with it.
    var reportContext = InspectionVerbs.bundledReportContext {
        didSet { installCopyWriter() }
    }

    public init(
        database: Database = Database(), settings: Settings = Settings(),
        output: any TextSink, errors: any TextSink
    ) {
        self.database = database
        self.settings = settings
        standardOutput = output
        errorOutput = errors
        installCopyWriter()
    }

    /// COPY … TO writes through Reporting's table files, styled with this session's frameworks.
    private func installCopyWriter() {
        let context = reportContext
        database.copyWriter = CopyWriter(
            formats: TableFiles.formats, formatForExtension: TableFiles.format, optionNames: TableFiles.optionNames,
            checkOption: { TableFiles.checkOption(format: $0, name: $1, value: $2) }
        ) {
            table, target in
            try TableFiles.write(
                table, to: target.path, format: target.format, header: target.header, title: target.title,
                options: target.options, context: context, isCancelled: target.isInterrupted)
        }
    }

    /// Prints a result table in the current mode, streaming (a 10-million-row CSV never becomes one string).
    /// A verb's result on a terminal grid is narrowed to what fits (`VerbTerminalView`), with a note.
    func emit(_ table: Table, verb: Verb? = nil) {
        if let verb, redirect == nil, recorder == nil, settings.mode.isForTerminal, let width = settings.maxWidth {
            let (shown, note) = VerbTerminalView(verb: verb, width: width).view(of: table)
            emitWhole(shown)
            if let note { say(note) }
            return
        }
        emitWhole(table)
    }

    private func emitWhole(_ table: Table) {
        if redirect == nil, let recorder {
            recorder.record(table)
            return
        }
        let toFile = redirect != nil
        let options = RenderOptions(
            mode: settings.mode, showHeaders: settings.showHeaders, nullText: settings.nullText,
            maxRows: toFile ? 0 : (settings.mode.isForTerminal ? settings.maxRows : 0),
            maxWidth: toFile ? nil : settings.maxWidth, colour: !toFile && settings.colour,
            columnStyles: reportContext.columnStyles
        )
        do {
            let renderer = TableRenderer(options: options)
            let sink: any TextSink = redirect?.sink ?? standardOutput
            // Markdown tables one after another would run together into one table: a blank line
            // between them keeps them apart (a row count or message already separates other modes).
            if settings.mode == .markdown, let last = lastTableSink, last === sink { try sink.write("\n") }
            try renderer.write(table, to: sink)
            lastTableSink = sink
        } catch {
            report(Diagnostic(message: "cannot write the result: \(error)"))
        }
        if redirect?.once == true { finishRedirect() }
    }

    /// Prints a plain message (row counts, timings, help) to standard output.
    func say(_ text: String) {
        if let recorder {
            recorder.record(message: text)
            return
        }
        try? standardOutput.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Prints `warning: text` on standard error (in a notebook, beside the cell's output); not a failure.
    func warn(_ text: String) {
        if let recorder {
            recorder.record(message: "warning: " + text)
            return
        }
        try? errorOutput.write("warning: \(text)\n")
    }

    /// Prints an error once, in the one format every error takes, and counts it.
    func report(_ diagnostic: Diagnostic) {
        failureCount += 1
        if let recorder {
            recorder.record(diagnostic)
            return
        }
        try? errorOutput.write(diagnostic.formatted(colour: settings.colour) + "\n")
    }

    /// `.once FILE` is for the next statement: when that statement fails, no file is written and later
    /// results go back to the screen.
    func abandonOnceRedirect() {
        guard let current = redirect, current.once else { return }
        redirect = nil
        current.sink.discard()
    }

    /// Closes a `.output` / `.once` file, making it appear atomically.
    func finishRedirect() {
        guard let current = redirect else { return }
        redirect = nil
        do {
            try current.sink.commit()
        } catch {
            report(Diagnostic(message: error.description))
        }
    }
}

/// Results going to a file (`.output FILE`, `.once FILE`) until reset.
struct FileRedirect {
    let sink: AtomicFileWriter
    /// `.once`: only the next result.
    let once: Bool
}
