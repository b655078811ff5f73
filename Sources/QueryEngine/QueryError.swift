public import QueryLanguage

/// Why a statement could not be bound or executed: a kind for tests and exit codes, a DuckDB-like
/// message, the offending source range (the shell prints a caret there) and "did you mean" candidates.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case unknownTable
        case unknownColumn
        case unknownFunction
        case ambiguousColumn
        case typeMismatch
        case conversion
        case overflow
        case invalidArgument
        case io
        case alreadyExists
        case unsupported
        case interrupted
        /// A subquery returned more than one row where one was expected, and similar runtime rule breaks.
        case invalidQuery
    }

    public var kind: Kind
    public var message: String
    /// Offsets into the script given to `Database.execute`; nil when the error is not tied to text.
    public var range: SourceRange?
    /// Names close to an unknown one, best first.
    public var suggestions: [String]
    /// For `.io` errors that came from a reader: the file and (1-based) position, preserved for the shell.
    public var file: String?
    public var line: Int?
    public var column: Int?

    public init(
        _ kind: Kind, _ message: String, range: SourceRange? = nil, suggestions: [String] = [],
        file: String? = nil, line: Int? = nil, column: Int? = nil
    ) {
        self.kind = kind
        self.message = message
        self.range = range
        self.suggestions = suggestions
        self.file = file
        self.line = line
        self.column = column
    }

    /// The message plus a "Did you mean" hint when there are suggestions.
    public var description: String {
        guard let first = suggestions.first else { return message }
        return "\(message)\nDid you mean \"\(first)\"?"
    }
}
