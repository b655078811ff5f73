import QueryLanguage
import QueryEngine
import Ingest
import Rendering
import FileOutput

extension Diagnostic {
    /// The one conversion from any module's error to what the user reads.
    ///
    /// - Parameters:
    ///   - source: the script the failing statement came from.
    ///   - offset: UTF-8 offset of the statement inside `source`; ranges in the error are relative to the
    ///     statement text (each statement is parsed on its own so one bad statement cannot hide the rest).
    public init(error: any Error, source: SourceText?, offset: Int = 0) {
        switch error {
        case let diagnostic as Diagnostic:
            self = diagnostic
        case let syntax as SyntaxError:
            self.init(message: syntax.message, range: syntax.range, source: source, offset: offset)
        case let query as QueryError where query.kind == .interrupted:
            self = .interrupted
        case let query as QueryError:
            if let file = query.file {
                // An ingest failure carried up through the engine: point into the data file, not the SQL.
                // The engine's message names the place too (for callers without a diagnostic); say it once.
                let location = query.line.map { SourceLocation(line: $0, column: query.column ?? 1) }
                let place = file + (location.map { ":\($0.line):\($0.column)" } ?? "") + ": "
                let message =
                    query.message.hasPrefix(place) ? String(query.message.dropFirst(place.count)) : query.message
                self.init(message: message, file: file, location: location)
            } else {
                self.init(message: query.message, range: query.range, source: source, offset: offset)
            }
            suggestions = query.suggestions
        case let ingest as IngestError where ingest.isInterruption:
            self = .interrupted
        case let ingest as IngestError:
            self.init(
                message: ingest.message, file: ingest.path,
                location: ingest.line.map { SourceLocation(line: $0, column: ingest.column ?? 1) })
        case let write as FileWriteError:
            self.init(message: write.message, file: source?.name)
        default:
            self.init(message: "\(error)", file: source?.name)
        }
    }

    /// A message pointing at `range` (relative to the statement at `offset`) in `source`.
    init(message: String, range: SourceRange?, source: SourceText?, offset: Int) {
        guard let source else {
            self.init(message: message)
            return
        }
        guard let range else {
            // No token to blame: point at the statement's start.
            let (location, _, _, _) = source.pointer(at: SourceRange(offset, offset))
            self.init(message: message, file: source.name, location: location)
            return
        }
        let absolute = SourceRange(range.lowerBound + offset, range.upperBound + offset)
        let (location, line, column, length) = source.pointer(at: absolute)
        self.init(
            message: message, file: source.name, location: location, sourceLine: line,
            caretColumn: column, caretLength: length)
    }
}
