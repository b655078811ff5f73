import Columnar

/// `a || b` (NULL if either is NULL) and `concat(...)` (NULLs count as empty), on any types: the binder
/// casts every argument to VARCHAR, as DuckDB does for `'n = ' || 42`.
enum Concatenation {
    static let functions: [ScalarFunction] = [operatorForm, concat]

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
