/// A script that does not parse: what was expected, and the offending token's range.
public struct SyntaxError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var range: SourceRange

    public init(_ message: String, at range: SourceRange) {
        self.message = message
        self.range = range
    }

    public var description: String { message }
}
