import Columnar

/// `and`, `or`, `not` with SQL's three-valued logic: `false AND NULL` is false, `true OR NULL` is true,
/// `NOT NULL` is NULL.
enum LogicalOperators {
    static let functions: [ScalarFunction] = [and, or, not]

    static let and = ScalarFunction(
        name: "and", summary: "a AND b — true when both are true; false if either is false, else NULL",
        overloads: [binary(dominant: false)])

    static let or = ScalarFunction(
        name: "or", summary: "a OR b — true when either is true; false if both are false, else NULL",
        overloads: [binary(dominant: true)])

    static let not = ScalarFunction(
        name: "not", summary: "NOT a — negation; NULL stays NULL",
        overloads: [
            ScalarOverload(parameterTypes: [.boolean], returnType: .boolean) { columns, _ in
                Column(
                    .boolean(Vectorised.map(TypedBuffers.booleans(columns[0])) { !$0 }),
                    validity: columns[0].validity)
            }
        ])

    /// AND (`dominant` false) or OR (`dominant` true): a known dominant value decides the row even
    /// when the other side is NULL.
    private static func binary(dominant: Bool) -> ScalarOverload {
        ScalarOverload(parameterTypes: [.boolean, .boolean], returnType: .boolean) { columns, rowCount in
            let a = TypedBuffers.booleans(columns[0]), b = TypedBuffers.booleans(columns[1])
            let combine: (Bool, Bool) -> Bool = dominant ? { $0 || $1 } : { $0 && $1 }
            guard columns[0].validity != nil || columns[1].validity != nil else {
                return Column(.boolean(Vectorised.zip(a, b, combine)))
            }
            var values = [Bool](repeating: !dominant, count: rowCount)
            var validity = Validity(allValid: rowCount)
            for row in 0..<rowCount {
                let aKnown = !columns[0].isNull(row), bKnown = !columns[1].isNull(row)
                if (aKnown && a[row] == dominant) || (bKnown && b[row] == dominant) {
                    values[row] = dominant
                } else if aKnown && bKnown {
                    values[row] = !dominant
                } else {
                    validity.set(row, valid: false)
                }
            }
            return Column(.boolean(values), validity: validity)
        }
    }
}
