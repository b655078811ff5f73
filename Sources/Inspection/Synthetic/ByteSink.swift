/// Where `SyntheticDataset` streams a file's bytes: the caller owns the I/O (the Inspection module does none).
///
/// `write` is called with consecutive chunks of one file (at most about 1 MiB each); the buffer is only valid
/// during the call. A sink that fails (disk full) throws its own error, which the generator passes through.
public protocol ByteSink {
    associatedtype Failure: Error
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(Failure)
}

/// An in-memory sink: the whole file as bytes (tests, small datasets).
extension Array: ByteSink where Element == UInt8 {
    public mutating func write(_ bytes: UnsafeRawBufferPointer) {
        append(contentsOf: bytes)
    }
}

/// Adapts a closure to `ByteSink`, so a caller can write `dataset.write(.areas) { try file.write($0) }`.
public struct ClosureByteSink<Failure: Error>: ByteSink {
    public let body: (UnsafeRawBufferPointer) throws(Failure) -> Void

    public init(_ body: @escaping (UnsafeRawBufferPointer) throws(Failure) -> Void) {
        self.body = body
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        try body(bytes)
    }
}
