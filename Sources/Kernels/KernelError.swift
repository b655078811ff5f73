/// Why a kernel could not produce a column. The engine adds the source range of the expression.
public struct KernelError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// BIGINT arithmetic left the Int64 range.
        case overflow
        /// A value could not be converted (`CAST('abc' AS BIGINT)`); the message names the value.
        case conversion
        /// An argument outside a function's domain (e.g. `ntile(0)`, a bad `strftime` format).
        case invalidArgument
        /// The caller's `Cancellation` was requested (Ctrl-C) part-way.
        case cancelled
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
