#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
        guard var next = bytes.baseAddress else { return }
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
                throw FileWriteError(path: name, operation: .write, code: code)
            }
            next += written
            remaining -= written
        }
    }
}
