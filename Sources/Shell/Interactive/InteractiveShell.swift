import Foundation
import LineEditor
import QueryLanguage
import QueryEngine

/// The read-eval-print loop: `yotq> ` prompts, `   ...> ` continues a statement until its `;`, a line
/// starting with `.` (when nothing is pending) is a dot-command. Statements and dot-commands run through
/// `ScriptRunner`, exactly as in batch files; an error is printed and the loop goes on. Ctrl-C drops what
/// is being typed or stops the running statement; Ctrl-D on an empty line (or `.quit`) leaves.
public final class InteractiveShell {
    public static let prompt = "yotq> "
    public static let continuationPrompt = "   ...> "
    /// The name errors give for typed input (`input:2:7: error: …`; the line is the statement's own).
    static let sourceName = "input"

    let session: Session
    private(set) var reader: (any LineReader)!
    private(set) var history: HistoryFile?
    /// The statement typed so far: earlier lines, newline-joined.
    private(set) var pending = ""
    private let terminalWidth: () -> Int?
    /// The width last fitted to the terminal, until the user picks one with `.maxwidth`.
    private var fittedWidth: Int?
    private var userChoseWidth = false
    /// The `running 3.2 s` line on a terminal; nil elsewhere.
    var progress: ProgressLine?

    /// - Parameters:
    ///   - history: where entries are saved as they are entered; nil keeps none.
    ///   - terminalWidth: the terminal's columns now, or nil when results need not fit a screen.
    ///   - makeReader: the line source, given the shell (readline's completion reads the pending statement).
    init(
        session: Session, history: HistoryFile?, terminalWidth: @escaping () -> Int? = { nil },
        makeReader: (InteractiveShell) -> any LineReader
    ) {
        self.session = session
        self.history = history
        self.terminalWidth = terminalWidth
        fittedWidth = session.settings.maxWidth
        reader = makeReader(self)
    }

    convenience init(session: Session, reader: any LineReader, history: HistoryFile? = nil) {
        self.init(session: session, history: history) { _ in reader }
    }

    /// Reads and runs until `.quit` or end of input. Returns `.quit` or `.finished`.
    @discardableResult
    public func run() -> RunOutcome {
        let runner = ScriptRunner(session: session)
        while true {
            let input = reader.read(prompt: pending.isEmpty ? Self.prompt : Self.continuationPrompt)
            switch input {
            case .endOfInput:
                return .finished
            case .interrupted:
                pending = ""
            case .line(let line):
                if pending.isEmpty, let dot = line.firstIndex(where: { $0 != " " && $0 != "\t" }), line[dot] == "." {
                    let command = String(line[dot...]).trimmingTrailingCarriageReturn()
                    remember(command)
                    let offset = line.utf8.distance(from: line.utf8.startIndex, to: dot)
                    progress?.begin(meter: session.database.progress)
                    let outcome = InterruptSignal.routing(to: session.database.interruption) {
                        runner.runMetaCommand(
                            command, source: SourceText(name: Self.sourceName, text: line), offset: offset)
                    }
                    progress?.end()
                    if outcome == .quit { return .quit }
                    continue
                }
                pending += pending.isEmpty ? line : "\n" + line
                if StatementSplitter.split(pending).isEmpty {
                    pending = ""  // only blanks or comments
                } else if StatementSplitter.isComplete(pending) {
                    let buffer = pending
                    pending = ""
                    remember(buffer)
                    run(buffer, with: runner)
                }
            }
        }
    }

    /// Completion for the line being edited, seen as the end of the pending statement.
    func complete(line: String, cursor: Int) -> LineCompletion {
        let prefix = pending.isEmpty ? "" : pending + "\n"
        let completer = StatementCompleter(catalog: CompletionCatalog(database: session.database))
        var answer = completer.complete(prefix + line, cursor: prefix.utf8.count + cursor)
        answer.wordStart = max(0, answer.wordStart - prefix.utf8.count)
        return answer
    }

    private func run(_ buffer: String, with runner: ScriptRunner) {
        let source = SourceText(name: Self.sourceName, text: buffer)
        for statement in StatementSplitter.split(buffer) {
            fitToTerminal()
            let flag = session.database.interruption
            progress?.begin(meter: session.database.progress)
            _ = InterruptSignal.routing(to: flag) {
                runner.runStatement(statement.text, source: source, offset: statement.range.lowerBound)
            }
            progress?.end()
            if flag.isRaised { break }  // Ctrl-C stops the rest of the line too
        }
    }

    /// Results fit the terminal as it is now, unless the user set `.maxwidth`.
    private func fitToTerminal() {
        if session.settings.maxWidth != fittedWidth { userChoseWidth = true }
        guard !userChoseWidth, let width = terminalWidth() else { return }
        session.settings.maxWidth = width
        fittedWidth = width
    }

    /// Saves an entry to the history file (at once) and to the editor's recall list.
    private func remember(_ entry: String) {
        do {
            guard try history?.append(entry) ?? true else { return }
        } catch {
            session.report(Diagnostic(message: "\(error)"))
            history = nil
        }
        reader.remember(entry.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
