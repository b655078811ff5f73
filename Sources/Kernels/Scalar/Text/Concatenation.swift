import Columnar

/// `a || b` (NULL if either is NULL) and `concat(...)` (NULLs count as empty), on any types: the binder
/// casts every argument to VARCHAR, as DuckDB does for `'n = ' || 42`.
enum Concatenation {
    static let functions: [ScalarFunction] = [operatorForm, concat, concatWithSeparator]

    /// `concat_ws(separator, ...)`: NULL when the separator is NULL; NULL arguments are skipped entirely.
    static let concatWithSeparator = ScalarFunction(
        name: "concat_ws", summary: "concat_ws(separator, a, ...) — the non-NULL arguments joined by separator"
    ) { arguments in
        guard arguments.count >= 2 else { return nil }
        return Rowwise.overload(
            Array(repeating: .varchar, count: arguments.count), VarcharResults.self, propagatingNulls: false
        ) { rows, row in
            guard !rows.isNull(0, row) else { return nil }
            var parts: [String] = []
            for argument in rows.columns.indices.dropFirst() where !rows.isNull(argument, row) {
                parts.append(rows.string(argument, row))
            }
            return parts.joined(separator: rows.string(0, row))
        }
    }

    static let operatorForm = ScalarFunction(name: "||", summary: "a || b — concatenation; NULL if either is NULL") {
        arguments in
        guard arguments.count == 2 else { return nil }
        return Rowwise.overload([.varchar, .varchar], VarcharResults.self) { rows, row in
            rows.string(0, row) + rows.string(1, row)
        }
    }

    static let concat = ScalarFunction(
        name: "concat", summary: "concat(a, ...) — concatenation; NULL arguments count as empty"
    ) {
        arguments in
        guard !arguments.isEmpty else { return nil }
        return Rowwise.overload(
            Array(repeating: .varchar, count: arguments.count), VarcharResults.self, propagatingNulls: false
        ) {
            rows, row in
            var result = ""
            for argument in rows.columns.indices where !rows.isNull(argument, row) {
                result += rows.string(argument, row)
            }
            return result
        }
    }
}
