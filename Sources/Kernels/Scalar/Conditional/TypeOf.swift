import Columnar

/// `typeof(x)`: the SQL type name of its argument, decided at bind time (`'NULL'` for an untyped NULL).
enum TypeOf {
    static let functions: [ScalarFunction] = [typeOf]

    static let typeOf = ScalarFunction(name: "typeof", summary: "typeof(x) — the type name of x, e.g. 'BIGINT'") {
        arguments in
        guard arguments.count == 1 else { return nil }
        let name = arguments[0]?.description ?? "NULL"
        return ScalarOverload(parameterTypes: [arguments[0] ?? .bigint], returnType: .varchar) { _, rowCount in
            Column(repeating: .varchar(name), count: rowCount)
        }
    }
}
