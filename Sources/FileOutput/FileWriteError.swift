import Platform

/// A file could not be written; names the file and the system's reason.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    /// What was being done when the system refused.
    public enum Operation: String, Sendable {
        case create, write, sync, close, rename
        /// The folder refuses new files (read-only, no permission): `path` is the folder.
        case createIn = "create a file in"
        case finished = "write after commit or discard to"
    }

    public let path: String
    public let operation: Operation
    /// The system `errno`, 0 when the failure is not the system's.
    public let code: Int32

    public init(path: String, operation: Operation, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    /// E.g. `cannot write /data/out.csv: No space left on device`.
    public var message: String {
        let reason = code == 0 ? "writer already finished" : String(cString: strerror(code))
        return "cannot \(operation.rawValue) \(path): \(reason)"
    }

    public var description: String { message }
}
