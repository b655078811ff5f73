import Columnar

import Platform

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
                    TypedBuffers.bigints(columns[0]), TypedBuffers.bigints(columns[1]), validity, "rounding",
                    "to digits",
                    roundBigint)
                return Column(.bigint(values), validity: validity)
            },
            ScalarOverload(parameterTypes: [.double, .bigint], returnType: .double) { columns, _ in
                let (x, digits) = (TypedBuffers.doubles(columns[0]), TypedBuffers.bigints(columns[1]))
                let values: [Double]
                if columns[1].validity == nil, let d = digits.first, !digits.contains(where: { $0 != d }) {
                    values = Vectorised.map(x) { roundDouble($0, d) }
                } else {
                    values = Vectorised.zip(x, digits, roundDouble)
                }
                return Column(.double(values), validity: Validity.intersect(columns[0].validity, columns[1].validity))
            },
        ])

    /// 10^0 … 10^308; beyond that a double has no digits left to round.
    static let powersOfTen: [Double] = (0...308).map { Glibc.pow(10.0, Double($0)) }

    static func roundDouble(_ value: Double, _ digits: Int64) -> Double {
        guard value.isFinite else { return value }
        if digits > 308 { return value }
        if digits < -308 { return value < 0 ? -0.0 : 0.0 }
        let scale = powersOfTen[Int(digits.magnitude)]
        let result: Double
        if digits >= 0 {
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
