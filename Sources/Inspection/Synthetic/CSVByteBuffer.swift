import Columnar

/// A reusable 1 MiB output buffer that CSV rows are formatted into as bytes, flushed to a `ByteSink` when
/// full: no `String` is built per row.
final class CSVByteBuffer {
    /// Bytes held before a flush.
    let capacity: Int
    /// Bytes formatted and not yet flushed.
    var count = 0
    let base: UnsafeMutablePointer<UInt8>

    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    func flush<Sink: ByteSink>(to sink: inout Sink) throws(Sink.Failure) {
        guard count > 0 else { return }
        try sink.write(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    /// Makes room for `bytes` more, flushing first when needed.
    func reserve<Sink: ByteSink>(_ bytes: Int, flushingTo sink: inout Sink) throws(Sink.Failure) {
        precondition(bytes <= capacity, "a row larger than the buffer")
        if count + bytes > capacity {
            try flush(to: &sink)
        }
    }

    @inline(__always)
    func append(byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// Appends `text`'s UTF-8; the caller reserved room (our texts are short and fixed).
    func append(_ text: String) {
        for byte in text.utf8 {
            append(byte: byte)
        }
    }

    /// Appends a non-negative integer in decimal.
    func append(_ value: Int) {
        precondition(value >= 0, "only non-negative integers are written")
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var length = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { scratch in
            repeat {
                scratch[length] = UInt8(48 + rest % 10)
                rest /= 10
                length += 1
            } while rest > 0
            for index in stride(from: length - 1, through: 0, by: -1) {
                append(byte: scratch[index])
            }
        }
    }

    /// Appends ISO `YYYY-MM-DD` (years 1000–9999).
    func append(_ date: Date32) {
        let (year, month, day) = date.components
        append(year)
        append(byte: UInt8(ascii: "-"))
        appendTwoDigits(month)
        append(byte: UInt8(ascii: "-"))
        appendTwoDigits(day)
    }

    private func appendTwoDigits(_ value: Int) {
        append(byte: UInt8(48 + value / 10))
        append(byte: UInt8(48 + value % 10))
    }
}
