/// A file that could not be read into a table: which file, where, and why.
public struct IngestError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// 1-based; nil when the error is about the whole file (missing, empty).
    public var line: Int?
    /// 1-based, in characters; nil when unknown.
    public var column: Int?
    public var message: String
    /// The read was stopped on request (`CSVOptions.progress` returned false), not by a problem in the file.
    public var isInterruption = false

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error of a read stopped on request.
    static func interrupted(path: String) -> IngestError {
        var error = IngestError(path: path, message: "interrupted")
        error.isInterruption = true
        return error
    }

    /// `path:line:col: message`, the compiler-style form the shell prints.
    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
