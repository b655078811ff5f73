import QueryLanguage
import QueryEngine
import Foundation

/// How a run of input ended.
public enum RunOutcome: Sendable, Equatable {
    /// All input was read (statements may still have failed: see `Session.failureCount`).
    case finished
    /// `--bail` / `.bail on` stopped at a failing statement, or Ctrl-C interrupted one.
    case bailed
    /// `.quit` / `.exit`.
    case quit
}

/// Runs a whole script — SQL statements and dot-commands — through a session.
///
/// A line whose first character (after blanks) is `.`, met where no statement is pending, is a
/// dot-command ending at the newline. SQL statements end with `;` (the last one's is optional). Each
/// statement is parsed on its own, so a syntax error in one cannot stop the others (unless bailing).
public struct ScriptRunner {
    public let session: Session

    public init(session: Session) { self.session = session }

    public func run(_ source: SourceText) -> RunOutcome {
        let bytes = Array(source.text.utf8)
        var pendingStart: Int?
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let nextLine = min(lineEnd + 1, bytes.count)
            let dot = firstNonBlank(bytes, lineStart..<lineEnd).flatMap { bytes[$0] == UInt8(ascii: ".") ? $0 : nil }
            if let dot, pendingStart.map({ StatementSplitter.split(text(bytes, $0..<lineStart)).isEmpty }) ?? true {
                let line = text(bytes, dot..<lineEnd).trimmingTrailingCarriageReturn()
                pendingStart = nil
                let outcome = runMetaCommand(line, source: source, offset: dot)
                if outcome != .finished { return outcome }
            } else {
                let start = pendingStart ?? lineStart
                // Only a line holding a `;` can complete a statement: re-splitting only then keeps a long
                // multi-line statement linear to read.
                let mayEnd = bytes[lineStart..<lineEnd].contains(UInt8(ascii: ";"))
                let buffer = mayEnd ? text(bytes, start..<nextLine) : ""
                if mayEnd, StatementSplitter.isComplete(buffer) {
                    pendingStart = nil
                    for statement in StatementSplitter.split(buffer) {
                        let outcome = runStatement(
                            statement.text, source: source, offset: start + statement.range.lowerBound)
                        if outcome != .finished { return outcome }
                    }
                } else {
                    pendingStart = start
                }
            }
            lineStart = nextLine
        }
        if let start = pendingStart {
            // The last statement may omit its `;`; an unterminated string or comment still fails to parse here.
            for statement in StatementSplitter.split(text(bytes, start..<bytes.count)) {
                let outcome = runStatement(statement.text, source: source, offset: start + statement.range.lowerBound)
                if outcome != .finished { return outcome }
            }
        }
        return .finished
    }

    /// Parses and executes one statement's text, printing its result or its error.
    func runStatement(_ text: String, source: SourceText, offset: Int) -> RunOutcome {
        session.recorder?.willRun(text)
        if session.settings.echo { session.say(text + ";") }
        let started = ContinuousClock.now
        var sql = text
        // Lowered as the statement starts, before parsing: a Ctrl-C from here on stops it.
        session.database.interruption.reset()
        session.database.progress.reset()
        do {
            // A verb statement (`compare Harrow;`) becomes SQL; its errors then point at the verb.
            if let rewritten = try VerbStatement.rewrite(text) { sql = rewritten }
            let verb = sql == text ? nil : NotebookCharts.verb(of: text)
            for statement in try parseScript(sql) {
                let result = try session.database.execute(statement, script: sql)
                if let table = result.table { session.emit(table, verb: verb) }
                if let message = result.message { session.say(message) }
                for warning in result.warnings { session.warn(warning) }
            }
        } catch {
            var error = error
            if sql != text, var query = error as? QueryError { query.range = nil; error = query }
            var diagnostic = Diagnostic(error: error, source: source, offset: offset)
            if error is SyntaxError, diagnostic.suggestions.isEmpty {
                diagnostic.suggestions = VerbStatement.suggestions(forMisspelled: text)
            }
            session.report(diagnostic)
            session.abandonOnceRedirect()
            // Ctrl-C stops the whole script (a `.read` file, a pasted batch), not just this statement.
            if let query = error as? QueryError, query.kind == .interrupted { return .bailed }
            return session.settings.bail ? .bailed : .finished
        }
        if session.settings.timer { session.say(Timing.describe(ContinuousClock.now - started)) }
        return .finished
    }

    func runMetaCommand(_ line: String, source: SourceText, offset: Int) -> RunOutcome {
        session.recorder?.willRun(line)
        if session.settings.echo { session.say(line) }
        session.database.interruption.reset()
        session.database.progress.reset()
        do throws(Diagnostic) {
            let invocation = try MetaCommandLine(line)
            let command = try MetaCommand.lookup(invocation.name)
            if invocation.arguments.count > command.maximumArguments {
                throw Diagnostic(message: "too many arguments; usage: ." + command.usage)
            }
            switch try command.run(invocation.arguments, session) {
            case .proceed: return .finished
            case .quit: return .quit
            }
        } catch {
            var located = error
            if located.file == nil {
                let (location, sourceLine, column, _) = source.pointer(at: SourceRange(offset, offset))
                located.file = source.name
                located.location = location
                located.sourceLine = sourceLine
                located.caretColumn = column
                located.caretLength = line.prefix { !$0.isWhitespace }.count
            }
            session.report(located)
            return session.settings.bail ? .bailed : .finished
        }
    }

    private func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func firstNonBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        range.first {
            bytes[$0] != UInt8(ascii: " ") && bytes[$0] != UInt8(ascii: "\t") && bytes[$0] != UInt8(ascii: "\r")
        }
    }
}

/// Elapsed-time text for `.timer on`.
enum Timing {
    static func describe(_ duration: Duration) -> String {
        "Run Time: " + String(format: "%.3f", duration.seconds) + " s"
    }
}
