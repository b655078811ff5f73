import FileOutput
import Columnar

/// A byte buffer a renderer fills row by row and hands to its sink in chunks.
///
/// Raw memory rather than `[UInt8]` so the per-cell appends of a 10-million-row CSV cost a bounds check
/// and a copy, not array uniqueness checks; flushing at `chunkSize` (64 KiB) keeps memory flat however
/// many rows are written. A class: renderers and cell encoders share one buffer.
final class OutputBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    let chunkSize: Int

    init(chunkSize: Int = 1 << 16) {
        self.chunkSize = chunkSize
        capacity = chunkSize + 4096
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written since the last flush.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    func append(_ raw: UnsafeRawBufferPointer) {
        guard let source = raw.baseAddress, raw.count > 0 else { return }
        reserve(raw.count)
        (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: raw.count)
        count += raw.count
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    func append(_ text: Substring) { append(String(text)) }

    /// Decimal digits of `value`, without building a `String`.
    func append(_ value: Int64) {
        reserve(20)
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var position = count + digits - 1
        repeat {
            base[position] = UInt8(truncatingIfNeeded: magnitude % 10) + 48
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        count += digits
    }

    /// Exactly `Value.format(value)`; values with at most four decimals below 10⁹ (scores, percents,
    /// means) are written without building a `String`, everything else through `Value.format`.
    func append(_ value: Double) {
        if let (units, decimals) = OutputBuffer.shortDecimal(value) {
            if value.sign == .minus { append(byte: UInt8(ascii: "-")) }
            let scale = OutputBuffer.powersOfTen[decimals]
            append(Int64(units / scale))
            append(byte: UInt8(ascii: "."))
            if decimals == 0 {
                append(byte: UInt8(ascii: "0"))
                return
            }
            var fraction = units % scale
            var position = decimals
            reserve(decimals)
            while position > 0 {
                base[count + position - 1] = UInt8(truncatingIfNeeded: fraction % 10) + 48
                fraction /= 10
                position -= 1
            }
            count += decimals
            return
        }
        append(Value.format(value))
    }

    private static let powersOfTen: [UInt64] = [1, 10, 100, 1000, 10000]
    private static let doublePowersOfTen: [Double] = [1, 10, 100, 1000, 10000]

    /// `|value|` as `units / 10^decimals` with the fewest decimals (0–4) that reproduce it exactly, when
    /// `|value| < 1e9`. Exact: the check divides two exactly representable numbers, which rounds the
    /// same way as parsing the decimal text does, and below 10⁹ only one integer per scale can match.
    @inline(__always)
    private static func shortDecimal(_ value: Double) -> (UInt64, Int)? {
        let magnitude = value.magnitude
        guard magnitude < 1e9 else { return nil }  // also rejects NaN and infinities
        for decimals in 0...4 {
            let scale = doublePowersOfTen[decimals]
            let units = (magnitude * scale).rounded()
            if units / scale == magnitude { return (UInt64(units), decimals) }
        }
        return nil
    }

    /// Hands the bytes to `sink` once a chunk has accumulated.
    @inline(__always)
    func flushIfFull(to sink: some TextSink) throws {
        if count >= chunkSize { try flush(to: sink) }
    }

    func flush(to sink: some TextSink) throws {
        guard count > 0 else { return }
        try sink.write(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }
}
