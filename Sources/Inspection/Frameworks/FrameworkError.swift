/// A framework file that cannot be used: which file, which field (a JSON path such as
/// `measures[3].kind`), and what is wrong with it.
public struct FrameworkError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// JSON path of the offending field; empty when the file as a whole is at fault.
    public let field: String
    public let message: String

    public init(file: String, field: String, message: String) {
        self.file = file
        self.field = field
        self.message = message
    }

    public var description: String {
        field.isEmpty ? "\(file): \(message)" : "\(file): field \(field): \(message)"
    }
}
