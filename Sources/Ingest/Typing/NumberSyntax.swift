/// The shape of a number written as text: `-12`, `3.5`, `.5`, `1e-3`, `45%`, `45 %`.
enum NumberSyntax {
    /// Fits Int64.
    case integer
    /// Has a fraction or exponent, or an integer too big for Int64 in lenient mode.
    case decimal
    /// A number followed by optional spaces and `%`.
    case percent

    /// Nil when the bytes are not a number.
    ///
    /// - Parameter strict: sniffing mode: only a `-` sign, no leading zero before another digit (`007`),
    ///   no integer beyond Int64. Lenient mode (forced types) accepts `+`, leading zeros, and treats an
    ///   oversized integer as a decimal.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, strict: Bool) -> NumberSyntax? {
        var i = 0
        let n = bytes.count
        if i < n && (bytes[i] == UInt8(ascii: "-") || (!strict && bytes[i] == UInt8(ascii: "+"))) { i += 1 }
        let integerStart = i
        while i < n && isDigit(bytes[i]) { i += 1 }
        let integerDigits = i - integerStart
        if strict && integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") { return nil }
        var fractionDigits = 0
        var isDecimal = false
        if i < n && bytes[i] == UInt8(ascii: ".") {
            isDecimal = true
            i += 1
            let fractionStart = i
            while i < n && isDigit(bytes[i]) { i += 1 }
            fractionDigits = i - fractionStart
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        if i < n && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            isDecimal = true
            i += 1
            if i < n && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) { i += 1 }
            let exponentStart = i
            while i < n && isDigit(bytes[i]) { i += 1 }
            guard i > exponentStart else { return nil }
        }
        var isPercent = false
        if i < n {
            var j = i
            while j < n && bytes[j] == UInt8(ascii: " ") { j += 1 }
            guard j == n - 1 && bytes[j] == UInt8(ascii: "%") else { return nil }
            isPercent = true
        }
        if !isDecimal && ValueParser.integer(UnsafeBufferPointer(rebasing: bytes[0..<i])) == nil {
            if strict { return nil }
            isDecimal = true
        }
        if isPercent { return .percent }
        return isDecimal ? .decimal : .integer
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
}
