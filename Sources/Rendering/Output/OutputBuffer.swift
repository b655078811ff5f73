/// A byte buffer a renderer fills row by row and hands to its sink in chunks.
///
/// Appending bytes to an array is far cheaper than growing a `String`; flushing at `chunkSize`
/// (64 KiB) keeps memory flat however many rows are written.
struct OutputBuffer {
    var bytes: [UInt8] = []
    let chunkSize: Int

    init(chunkSize: Int = 1 << 16) {
        self.chunkSize = chunkSize
        bytes.reserveCapacity(chunkSize + 1024)
    }

    @inline(__always)
    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    @inline(__always)
    mutating func append(_ text: Substring) { bytes.append(contentsOf: text.utf8) }

    @inline(__always)
    mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Decimal digits of `value`, without building a `String`.
    mutating func append(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let start = bytes.count
        while magnitude > 0 {
            bytes.append(UInt8(truncatingIfNeeded: magnitude % 10) + 48)
            magnitude /= 10
        }
        bytes[start...].reverse()
    }

    /// Hands the bytes to `sink` once a chunk has accumulated.
    @inline(__always)
    mutating func flushIfFull(to sink: some TextSink) throws {
        if bytes.count >= chunkSize { try flush(to: sink) }
    }

    mutating func flush(to sink: some TextSink) throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { try sink.write($0) }
        bytes.removeAll(keepingCapacity: true)
    }
}
