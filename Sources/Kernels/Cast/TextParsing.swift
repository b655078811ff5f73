import Columnar

/// Parsers for casting text, each accepting surrounding ASCII whitespace and nothing else extra.
enum TextParsing {
    /// `[+-]digits[.digits]`, rounding a fraction half away from zero as DuckDB does (`'2.5'` → 3).
    /// Underscores between digits are ignored (`1_000`). Exponents are not accepted.
    static func bigint(_ text: String) -> Int64? {
        let bytes = trimmed(text)
        guard !bytes.isEmpty else { return nil }
        var index = bytes.startIndex
        var negative = false
        if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        // Accumulate as a negative number so Int64.min parses.
        var value: Int64 = 0
        var digits = 0
        while index < bytes.endIndex, isDigitOrSeparator(bytes, index) {
            if bytes[index] != UInt8(ascii: "_") {
                let (scaled, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = scaled.subtractingReportingOverflow(Int64(bytes[index] - 48))
                guard !o1, !o2 else { return nil }
                value = next
                digits += 1
            }
            index += 1
        }
        var roundAway = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var first = true
            while index < bytes.endIndex, isDigit(bytes[index]) {
                if first { roundAway = bytes[index] >= UInt8(ascii: "5") }
                first = false
                digits += 1
                index += 1
            }
        }
        guard digits > 0, index == bytes.endIndex else { return nil }
        if roundAway {
            let (next, overflow) = value.subtractingReportingOverflow(1)
            guard !overflow else { return nil }
            value = next
        }
        if negative { return value }
        let (positive, overflow) = Int64(0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }

    /// Decimal or scientific notation, `inf`, `-inf`, `nan` (any case). Hexadecimal floats are refused.
    static func double(_ text: String) -> Double? {
        let bytes = trimmed(text)
        guard !bytes.isEmpty,
            !bytes.contains(where: { $0 == UInt8(ascii: "x") || $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "_") })
        else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// `true t yes y 1` and `false f no n 0`, any case (DuckDB's non-strict boolean cast).
    static func boolean(_ text: String) -> Bool? {
        switch String(decoding: trimmed(text), as: UTF8.self).lowercased() {
        case "true", "t", "yes", "y", "1": true
        case "false", "f", "no", "n", "0": false
        default: nil
        }
    }

    /// `Y-M-D` with one to two digit month and day and `-`, `/` or `.` as the (same) separator;
    /// a leading `-` for years before 1 BC is not supported. Impossible dates (Feb 30) are refused.
    static func date(_ text: String) -> Date32? {
        let bytes = trimmed(text)
        var parts: [Int] = []
        var separator: UInt8? = nil
        var index = bytes.startIndex
        while parts.count < 3 {
            let start = index
            var value = 0
            while index < bytes.endIndex, isDigit(bytes[index]), index - start < 7 {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
            }
            let length = index - start
            guard length > 0, parts.isEmpty || length <= 2 else { return nil }
            parts.append(value)
            if parts.count == 3 { break }
            guard index < bytes.endIndex else { return nil }
            let found = bytes[index]
            guard found == UInt8(ascii: "-") || found == UInt8(ascii: "/") || found == UInt8(ascii: "."),
                separator == nil || separator == found
            else { return nil }
            separator = found
            index += 1
        }
        guard index == bytes.endIndex else { return nil }
        return Date32(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The UTF-8 bytes of `text` without leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r).
    static func trimmed(_ text: String) -> ArraySlice<UInt8> {
        let bytes = Array(text.utf8)
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || (9...13).contains(byte)
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

    /// A digit, or an underscore with digits on both sides.
    private static func isDigitOrSeparator(_ bytes: ArraySlice<UInt8>, _ index: Int) -> Bool {
        if isDigit(bytes[index]) { return true }
        return bytes[index] == UInt8(ascii: "_") && index > bytes.startIndex && isDigit(bytes[index - 1])
            && index + 1 < bytes.endIndex && isDigit(bytes[index + 1])
    }
}
