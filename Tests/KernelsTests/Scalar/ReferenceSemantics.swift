import Columnar

/// Row-at-a-time reference semantics over boxed values, written independently of the kernels, to check
/// them on random inputs. `nil` from a reference means "this row must make the kernel throw".
enum ReferenceSemantics {
    static func arithmetic(_ symbol: String, _ a: Value, _ b: Value) -> Value? {
        if a.isNull || b.isNull { return .null }
        switch (a, b) {
        case (.bigint(let x), .bigint(let y)):
            switch symbol {
            case "+": let r = x.addingReportingOverflow(y); return r.overflow ? nil : .bigint(r.partialValue)
            case "-": let r = x.subtractingReportingOverflow(y); return r.overflow ? nil : .bigint(r.partialValue)
            case "*": let r = x.multipliedReportingOverflow(by: y); return r.overflow ? nil : .bigint(r.partialValue)
            case "/": return y == 0 ? .null : .double(Double(x) / Double(y))
            case "//":
                if y == 0 { return .null }
                if x == .min && y == -1 { return nil }
                return .bigint(x / y)
            case "%":
                if y == 0 { return .null }
                if y == -1 { return .bigint(0) }
                return .bigint(x % y)
            default: fatalError(symbol)
            }
        case (.double(let x), .double(let y)):
            switch symbol {
            case "+": return .double(x + y)
            case "-": return .double(x - y)
            case "*": return .double(x * y)
            case "/": return y == 0 ? .null : .double(x / y)
            case "//": return y == 0 ? .null : .double(x / y)  // DuckDB: DOUBLE // divides like /
            case "%": return y == 0 ? .null : .double(x.truncatingRemainder(dividingBy: y))
            default: fatalError(symbol)
            }
        default: fatalError("\(a) \(symbol) \(b)")
        }
    }

    /// -1, 0, 1 in the dialect's order: code points for text, NaN greatest, false < true.
    static func order(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.bigint(let x), .bigint(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return x.isNaN && y.isNaN ? 0 : (x.isNaN ? 1 : -1) }
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.varchar(let x), .varchar(let y)):
            let (p, q) = (Array(x.unicodeScalars.map(\.value)), Array(y.unicodeScalars.map(\.value)))
            if p == q { return 0 }
            return p.lexicographicallyPrecedes(q) ? -1 : 1
        default: fatalError("order of \(a) and \(b)")
        }
    }

    static func compare(_ symbol: String, _ a: Value, _ b: Value) -> Value {
        if a.isNull || b.isNull { return .null }
        let o = order(a, b)
        switch symbol {
        case "=": return .boolean(o == 0)
        case "<>": return .boolean(o != 0)
        case "<": return .boolean(o < 0)
        case "<=": return .boolean(o <= 0)
        case ">": return .boolean(o > 0)
        default: return .boolean(o >= 0)
        }
    }

    static func logic(_ name: String, _ a: Value, _ b: Value) -> Value {
        // Kleene logic via truth degrees 0 (false), 1 (unknown), 2 (true): AND = min, OR = max.
        func degree(_ v: Value) -> Int { if case .boolean(let x) = v { return x ? 2 : 0 }; return 1 }
        let d = name == "and" ? min(degree(a), degree(b)) : max(degree(a), degree(b))
        return d == 1 ? .null : .boolean(d == 2)
    }

    /// LIKE by recursion over code points (exponential in the worst case; fine for short strings).
    static func like(_ text: String, _ pattern: String) -> Bool {
        func match(_ t: ArraySlice<Unicode.Scalar>, _ p: ArraySlice<Unicode.Scalar>) -> Bool {
            guard let first = p.first else { return t.isEmpty }
            if first == "%" { return (0...t.count).contains { match(t.dropFirst($0), p.dropFirst()) } }
            guard let head = t.first else { return false }
            return (first == "_" || first == head) && match(t.dropFirst(), p.dropFirst())
        }
        return match(ArraySlice(text.unicodeScalars), ArraySlice(pattern.unicodeScalars))
    }

    /// DuckDB's substring rules over code points, position by position: the 1-based position of the first
    /// character is placed (0 is before the first, -1 the last, -10 of a five-character string five before
    /// it), the length counted from there (backwards when negative), and only the positions inside the
    /// string are kept.
    static func substring(_ s: String, _ start: Int64, _ length: Int64?) -> String {
        let chars = Array(s.unicodeScalars)
        let n = Int64(chars.count)
        let first: Int64 = start > 0 ? start : (start == 0 ? 0 : n + start + 1)
        let positions: [Int64]
        if let length {
            positions = length >= 0 ? Array(first..<(first + length)) : Array((first + length)..<first)
        } else {
            positions = first <= n ? Array(first...n) : []
        }
        return String(String.UnicodeScalarView(positions.filter { $0 >= 1 && $0 <= n }.map { chars[Int($0 - 1)] }))
    }
}
