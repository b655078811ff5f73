import Platform

/// Writes straight to an open file descriptor, e.g. standard output. Renderers already write in
/// chunks, so this sink does not buffer. The descriptor is not closed.
public final class FileDescriptorSink: TextSink {
    public let descriptor: Int32
    /// Used in error messages, e.g. `standard output`.
    public let name: String

    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    public static func standardOutput() -> FileDescriptorSink {
        FileDescriptorSink(descriptor: 1, name: "standard output")
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(FileWriteError) {
        let code = FileDescriptorSink.writeAll(bytes, to: descriptor)
        if code != 0 { throw FileWriteError(path: name, operation: .write, code: code) }
    }

    /// Writes every byte, retrying partial writes and interruptions. Returns 0 or the `errno`.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        guard var next = bytes.baseAddress else { return 0 }
        var remaining = bytes.count
        while remaining > 0 {
            #if canImport(Darwin)
                let written = Darwin.write(descriptor, next, remaining)
            #else
                let written = Glibc.write(descriptor, next, remaining)
            #endif
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                return code
            }
            next += written
            remaining -= written
        }
        return 0
    }
}
