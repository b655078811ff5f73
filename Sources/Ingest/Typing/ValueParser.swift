import Columnar
import Platform

/// Converts the raw UTF-8 bytes of one value to a typed value; nil when the text is not of that type.
enum ValueParser {
    /// `[+-]digits` within Int64 (leading zeros allowed; callers apply the sniffing rules first).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var negative = false
        if i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < bytes.count else { return nil }
        var value: Int64 = 0
        while i < bytes.count {
            let digit = bytes[i] &- 48
            guard digit < 10 else { return nil }
            // Accumulate negatively so Int64.min parses.
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.subtractingReportingOverflow(Int64(digit))
            if o1 || o2 { return nil }
            value = next
            i += 1
        }
        if negative { return value }
        return value == .min ? nil : -value
    }

    /// A number (with optional `%`, whose value is the number itself: `45%` → 45.0), via `strtod`.
    /// `nan`, `inf`, `-infinity`, ... are the non-finite values; a finite number too large for a DOUBLE
    /// (`1e309`) is nil.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        if let special = NonFiniteNumber.value(bytes, strict: false) { return special }
        guard NumberSyntax.parse(bytes, strict: false) != nil else { return nil }
        var end = bytes.count
        while end > 0 && (bytes[end - 1] == UInt8(ascii: "%") || bytes[end - 1] == UInt8(ascii: " ")) { end -= 1 }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: end + 1) { buffer in
            for i in 0..<end { buffer[i] = CChar(bitPattern: bytes[i]) }
            buffer[end] = 0
            let value = strtod(buffer.baseAddress!, nil)
            return value.isFinite ? value : nil
        }
    }

    /// Strict ISO `YYYY-MM-DD` naming a real day.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Date32? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<(from + count) {
                let d = bytes[i] &- 48
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2) else { return nil }
        return Date32(year: year, month: month, day: day)
    }

    /// `true` / `false` in any case; lenient mode (forced BOOLEAN) also takes `t f yes no y n 1 0`.
    static func boolean(_ bytes: UnsafeBufferPointer<UInt8>, lenient: Bool) -> Bool? {
        func equalsIgnoringCase(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == bytes.count else { return false }
            let letters = word.utf8Start
            for i in 0..<bytes.count {
                let b = bytes[i]
                if (b >= 65 && b <= 90 ? b + 32 : b) != letters[i] { return false }
            }
            return true
        }
        if equalsIgnoringCase("true") { return true }
        if equalsIgnoringCase("false") { return false }
        guard lenient else { return nil }
        for word: StaticString in ["t", "yes", "y", "1"] where equalsIgnoringCase(word) { return true }
        for word: StaticString in ["f", "no", "n", "0"] where equalsIgnoringCase(word) { return false }
        return nil
    }
}
