import Columnar

/// `coalesce`, `nullif`, `least`, `greatest`: type-generic over one common type (BIGINT with DOUBLE
/// meets at DOUBLE). `least`/`greatest` skip NULLs and are NULL only when every argument is.
enum ConditionalFunctions {
    static let functions: [ScalarFunction] = [coalesce, ifnull, nullif, least, greatest]

    /// `ifnull(a, b)`: two-argument `coalesce`.
    static let ifnull = ScalarFunction(name: "ifnull", summary: "ifnull(a, b) — a, or b when a is NULL") { arguments in
        arguments.count == 2 ? coalesce.resolve(arguments) : nil
    }

    static let coalesce = variadic("coalesce", "coalesce(a, ...) — the first argument that is not NULL") {
        columns, rowCount in
        var choice = [Int32](repeating: 0, count: rowCount)
        guard let first = columns[0].validity else { return choice }
        // Rows still open (NULL so far) are resolved by later arguments, in order.
        var open: [Int] = (0..<rowCount).filter { !first.isValid($0) }
        for (index, column) in columns.enumerated().dropFirst() {
            for row in open where !column.isNull(row) { choice[row] = Int32(index) }
            open = open.filter { column.isNull($0) }
            if open.isEmpty { break }
        }
        for row in open { choice[row] = -1 }
        return choice
    }

    static let least = variadic("least", "least(a, ...) — the smallest argument, ignoring NULLs") { columns, rowCount in
        RowChoice.extreme(columns, rowCount: rowCount, preferring: .least)
    }

    static let greatest = variadic("greatest", "greatest(a, ...) — the largest argument, ignoring NULLs") {
        columns, rowCount in
        RowChoice.extreme(columns, rowCount: rowCount, preferring: .greatest)
    }

    /// The result has `a`'s type (as in DuckDB: `nullif(int_col, 2.5)` stays BIGINT); the two are compared
    /// at their common type.
    static let nullif = ScalarFunction(name: "nullif", summary: "nullif(a, b) — NULL when a = b, else a") { arguments in
        guard arguments.count == 2, let common = OverloadResolution.commonType(of: arguments, fallback: .bigint) else {
            return nil
        }
        let type = arguments[0] ?? common
        return ScalarOverload(parameterTypes: [type, common], returnType: type) {
            columns, rowCount throws(KernelError) in
            let left = type == common ? columns[0] : try CastKernel.cast(columns[0], to: common, mode: .strict)
            let equal = ComparisonOperators.compare(left, .equal, columns[1])
            let flags = TypedBuffers.booleans(equal)
            let choice = (0..<rowCount).map { row -> Int32 in
                if columns[0].isNull(row) { return -1 }
                return !equal.isNull(row) && flags[row] ? -1 : 0
            }
            return RowChoice.gather([columns[0]], type: type, choice: choice)
        }
    }

    /// A function of one or more arguments of a common type, returning that type. A first argument
    /// chosen for every row is returned as is.
    private static func variadic(
        _ name: String, _ summary: String,
        choose: @escaping @Sendable (_ columns: [Column], _ rowCount: Int) -> [Int32]
    ) -> ScalarFunction {
        ScalarFunction(name: name, summary: summary) { arguments in
            guard !arguments.isEmpty, let type = OverloadResolution.commonType(of: arguments, fallback: .bigint) else {
                return nil
            }
            return ScalarOverload(parameterTypes: Array(repeating: type, count: arguments.count), returnType: type) {
                columns, rowCount in
                let choice = choose(columns, rowCount)
                if columns[0].validity == nil, !choice.contains(where: { $0 != 0 }) { return columns[0] }
                return RowChoice.gather(columns, type: type, choice: choice)
            }
        }
    }
}
