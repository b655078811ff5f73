import Columnar

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `round(x[, digits])`, half away from zero (`round(-2.5)` = -3), as DuckDB.
///
/// DOUBLE: `digits` may be negative (`round(1234.5, -2)` = 1200.0); when scaling overflows to infinity the
/// input comes back unchanged. BIGINT stays BIGINT: non-negative digits change nothing, negative digits
/// round to tens, hundreds, … (an error if that leaves the BIGINT range).
enum Rounding {
    static let functions: [ScalarFunction] = [round]

    static let round = ScalarFunction(
        name: "round", summary: "round(x[, digits]) — rounds half away from zero; BIGINT stays BIGINT",
        overloads: [
            MathFunctions.bigintIdentity,
            MathFunctions.doubleToDouble { $0.rounded(.toNearestOrAwayFromZero) },
            ScalarOverload(parameterTypes: [.bigint, .bigint], returnType: .bigint) { columns, _ throws(KernelError) in
                let validity = Validity.intersect(columns[0].validity, columns[1].validity)
                let values = try ArithmeticOperators.checkedValues(
                    TypedBuffers.bigints(columns[0]), TypedBuffers.bigints(columns[1]), validity, "rounding", "to digits",
                    roundBigint)
                return Column(.bigint(values), validity: validity)
            },
            ScalarOverload(parameterTypes: [.double, .bigint], returnType: .double) { columns, _ in
                let values = Vectorised.zip(TypedBuffers.doubles(columns[0]), TypedBuffers.bigints(columns[1]), roundDouble)
                return Column(.double(values), validity: Validity.intersect(columns[0].validity, columns[1].validity))
            },
        ])

    static func roundDouble(_ value: Double, _ digits: Int64) -> Double {
        guard value.isFinite else { return value }
        let clamped = Int32(clamping: max(-400, min(400, digits)))
        let scale = Glibc.pow(10.0, Double(Swift.abs(clamped)))
        let result: Double
        if clamped >= 0 {
            result = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        } else {
            result = (value / scale).rounded(.toNearestOrAwayFromZero) * scale
        }
        return result.isFinite ? result : value
    }

    /// `value` rounded to a multiple of 10^-digits, half away from zero.
    static func roundBigint(_ value: Int64, _ digits: Int64) -> (partialValue: Int64, overflow: Bool) {
        guard digits < 0 else { return (value, false) }
        // 10^19 exceeds Int64: values of at least 5·10^18 would round to it, all others to 0.
        guard digits > -19 else { return (0, value.magnitude >= 5_000_000_000_000_000_000) }
        var scale: Int64 = 1
        for _ in 0..<(-digits) { scale *= 10 }
        let remainder = value % scale
        let truncated = value - remainder
        guard Swift.abs(remainder) * 2 >= scale else { return (truncated, false) }
        return truncated.addingReportingOverflow(value < 0 ? -scale : scale)
    }
}
