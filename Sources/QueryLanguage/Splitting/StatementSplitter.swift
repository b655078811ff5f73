/// One statement's text inside a buffer, as found by `StatementSplitter`.
public struct StatementText: Sendable, Hashable {
    /// The statement from its first token to its last, without the terminating `;` or surrounding
    /// comments.
    public var text: String
    /// UTF-8 byte range of `text` in the buffer.
    public var range: SourceRange
    /// Whether a `;` ended it. False for the last statement of a buffer still being typed, including one
    /// inside an unterminated string, quoted identifier or block comment.
    public var isTerminated: Bool

    public init(text: String, range: SourceRange, isTerminated: Bool) {
        self.text = text
        self.range = range
        self.isTerminated = isTerminated
    }
}

/// Finds statement boundaries with the lexer alone, so `;` inside strings, quoted identifiers and
/// comments never splits, and text that would not parse still splits. The interactive shell uses it to
/// decide between running and a continuation prompt; batch mode parses the whole script instead.
public enum StatementSplitter {
    /// The statements in `buffer`, empty ones (`;;`, comments only) skipped.
    public static func split(_ buffer: String) -> [StatementText] {
        let bytes = Array(buffer.utf8)
        var lexer = Lexer(buffer)
        var statements: [StatementText] = []
        var start: Int?
        var end = 0

        func close(upTo upper: Int, terminated: Bool) {
            guard let lower = start else { return }
            let text = String(decoding: bytes[lower..<upper], as: UTF8.self)
            statements.append(StatementText(text: text, range: SourceRange(lower, upper), isTerminated: terminated))
            start = nil
        }

        while true {
            let token: Token
            do {
                token = try lexer.next()
            } catch {
                // An unterminated string or comment swallows the rest of the buffer.
                if start == nil { start = error.range.lowerBound }
                close(upTo: bytes.count, terminated: false)
                return statements
            }
            switch token.kind {
            case .endOfInput:
                close(upTo: end, terminated: false)
                return statements
            case .symbol(.semicolon):
                close(upTo: end, terminated: true)
            default:
                if start == nil { start = token.range.lowerBound }
                end = token.range.upperBound
            }
        }
    }

    /// Whether nothing is pending: every statement in `buffer` ends with `;` outside strings, quoted
    /// identifiers and comments. A buffer of only white space and comments is complete (there is
    /// nothing to run); an unterminated block comment is not.
    public static func isComplete(_ buffer: String) -> Bool {
        split(buffer).last?.isTerminated ?? true
    }
}
