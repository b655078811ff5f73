/// Where rendered bytes go: a string in memory, a file, standard output.
///
/// Renderers hand over UTF-8 in chunks of tens of kilobytes, so a 10-million-row CSV never exists as
/// one `String`. A reference type, so one sink can be shared by successive writes.
public protocol TextSink: AnyObject {
    /// Appends UTF-8 bytes. Implementations may buffer; errors are the destination's (disk full, …).
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension TextSink {
    /// Appends the UTF-8 of `text`.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }
}

/// Collects output in memory; for tests and small results.
public final class StringSink: TextSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) {
        self.bytes.append(contentsOf: bytes)
    }

    /// The collected UTF-8 as text (renderers only ever write valid UTF-8).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
