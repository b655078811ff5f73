import Columnar

/// `like(value, pattern[, escape])` and `ilike(...)`. Each distinct pattern compiles once; with a constant
/// pattern each distinct value matches once and rows look the answer up by code.
enum LikeOperators {
    static let functions: [ScalarFunction] = [like(caseInsensitive: false), like(caseInsensitive: true)]

    private static func like(caseInsensitive: Bool) -> ScalarFunction {
        let name = caseInsensitive ? "ilike" : "like"
        return ScalarFunction(
            name: name,
            summary: "s \(name.uppercased()) pattern [ESCAPE c] — % any run, _ one character"
                + (caseInsensitive ? ", ignoring case" : ""),
            overloads: [
                overload([.varchar, .varchar], caseInsensitive: caseInsensitive),
                overload([.varchar, .varchar, .varchar], caseInsensitive: caseInsensitive),
            ])
    }

    private static func overload(_ parameters: [DataType], caseInsensitive: Bool) -> ScalarOverload {
        ScalarOverload(parameterTypes: parameters, returnType: .boolean) { columns, rowCount throws(KernelError) in
            if let pattern = try constantPattern(columns, caseInsensitive: caseInsensitive) {
                return try RowwiseKernel.map([columns[0]], rowCount: rowCount, into: BooleanResults()) { rows, row in
                    pattern.matches(rows.string(0, row))
                }
            }
            var compiled: [BinaryString: LikePattern] = [:]
            return try RowwiseKernel.map(columns, rowCount: rowCount, into: BooleanResults()) {
                rows, row throws(KernelError) in
                let pattern = rows.string(1, row)
                let escape = columns.count > 2 ? rows.string(2, row) : ""
                let key = BinaryString(escape.isEmpty ? pattern : escape + "\u{0}" + pattern)
                let matcher: LikePattern
                if let known = compiled[key] {
                    matcher = known
                } else {
                    matcher = try LikePattern(pattern, escape: escape, caseInsensitive: caseInsensitive)
                    compiled[key] = matcher
                }
                return matcher.matches(rows.string(0, row))
            }
        }
    }

    /// The pattern, compiled once, when pattern (and escape) are the same non-NULL text in every row.
    private static func constantPattern(_ columns: [Column], caseInsensitive: Bool) throws(KernelError) -> LikePattern?
    {
        let rest = columns.dropFirst()
        guard rest.allSatisfy({ $0.validity == nil }) else { return nil }
        var texts: [String] = []
        for column in rest {
            guard case .varchar(_, let dictionary) = column.storage, dictionary.count == 1 else { return nil }
            texts.append(dictionary.strings[0])
        }
        return try LikePattern(texts[0], escape: texts.count > 1 ? texts[1] : "", caseInsensitive: caseInsensitive)
    }
}
