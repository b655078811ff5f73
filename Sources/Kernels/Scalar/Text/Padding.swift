import Columnar

/// `lpad(s, n, fill)` / `rpad(s, n, fill)`: s padded (or cut) to exactly n characters, as DuckDB:
/// `lpad('hello', 3, '>')` = `hel`; n <= 0 gives ''; an empty fill that is needed is an error.
enum Padding {
    static let functions: [ScalarFunction] = [padFunction("lpad", left: true), padFunction("rpad", left: false)]

    private static func padFunction(_ name: String, left: Bool) -> ScalarFunction {
        ScalarFunction(
            name: name,
            summary: "\(name)(s, n, fill) — s padded on the \(left ? "left" : "right") with fill to n characters",
            overloads: [
                Rowwise.overload([.varchar, .bigint, .varchar], VarcharResults.self) { rows, row throws(KernelError) in
                    try pad(rows.string(0, row), to: rows.bigint(1, row), with: rows.string(2, row), left: left)
                }
            ])
    }

    static func pad(_ s: String, to width: Int64, with fill: String, left: Bool) throws(KernelError) -> String {
        guard width > 0 else { return "" }
        let scalars = Array(s.unicodeScalars)
        if width <= scalars.count { return UTF8Text.scalars(scalars, 0..<Int(width)) }
        let filler = Array(fill.unicodeScalars)
        guard !filler.isEmpty else {
            throw KernelError(.invalidArgument, "Insufficient padding in \(left ? "LPAD" : "RPAD")")
        }
        guard width <= Int64(TextFunctions.maximumResultBytes) else {
            throw KernelError(.invalidArgument, "\(left ? "lpad" : "rpad"): width \(width) is too large")
        }
        let needed = Int(width) - scalars.count
        var padding = String.UnicodeScalarView()
        for i in 0..<needed { padding.append(filler[i % filler.count]) }
        return left ? String(padding) + s : s + String(padding)
    }
}
