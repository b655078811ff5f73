import Columnar

import Platform

/// `abs, floor, ceil/ceiling, sqrt, ln, log10, exp, power/pow, sign, pi`; rounding lives in `Rounding`.
///
/// Domain errors follow DuckDB: `sqrt` of a negative and `ln`/`log10` of zero or a negative are errors,
/// not NULL or NaN. `power` follows IEEE (`power(-8, 1/3)` is NaN).
enum MathFunctions {
    static let functions: [ScalarFunction] = [
        abs, floor, ceil, ceil.renamed("ceiling"), trunc, sqrt, ln, log, log10, log2, exp, power,
        power.renamed("pow"), sign, pi,
    ]

    static let trunc = ScalarFunction(
        name: "trunc", summary: "trunc(x) — x with its fraction dropped (toward zero)",
        overloads: [bigintIdentity, doubleToDouble { $0.rounded(.towardZero) }])

    static let log2 = ScalarFunction(
        name: "log2", summary: "log2(x) — base-2 logarithm; an error for x <= 0",
        overloads: [logarithm { Glibc.log2($0) }])

    /// DuckDB's `log(x)` is base 10; `log(b, x)` takes the base first.
    static let log = ScalarFunction(
        name: "log", summary: "log(x) — base-10 logarithm; log(b, x) — base-b logarithm",
        overloads: [
            logarithm { Glibc.log10($0) },
            ScalarOverload(parameterTypes: [.double, .double], returnType: .double) { columns, _ throws(KernelError) in
                let validity = Validity.intersect(columns[0].validity, columns[1].validity)
                let (base, x) = (TypedBuffers.doubles(columns[0]), TypedBuffers.doubles(columns[1]))
                if Vectorised.firstValidRow(count: x.count, validity: validity, where: { x[$0] <= 0 || base[$0] <= 0 })
                    != nil
                {
                    throw KernelError(.invalidArgument, "cannot take logarithm of zero or a negative number")
                }
                return Column(.double(Vectorised.zip(base, x) { Glibc.log($1) / Glibc.log($0) }), validity: validity)
            },
        ])

    static let abs = ScalarFunction(
        name: "abs", summary: "abs(x) — absolute value",
        overloads: [
            ScalarOverload(parameterTypes: [.bigint], returnType: .bigint) { columns, _ throws(KernelError) in
                let values = TypedBuffers.bigints(columns[0])
                let validity = columns[0].validity
                if values.contains(.min),
                    Vectorised.firstValidRow(count: values.count, validity: validity, where: { values[$0] == .min })
                        != nil
                {
                    throw KernelError(.overflow, "Overflow on abs(\(Int64.min))")
                }
                return Column(.bigint(Vectorised.map(values) { $0 == .min ? 0 : Swift.abs($0) }), validity: validity)
            },
            doubleToDouble { Swift.abs($0) },
        ])

    static let floor = ScalarFunction(
        name: "floor", summary: "floor(x) — largest integer not above x",
        overloads: [bigintIdentity, doubleToDouble { $0.rounded(.down) }])

    static let ceil = ScalarFunction(
        name: "ceil", summary: "ceil(x) — smallest integer not below x",
        overloads: [bigintIdentity, doubleToDouble { $0.rounded(.up) }])

    static let sqrt = ScalarFunction(
        name: "sqrt", summary: "sqrt(x) — square root; an error for negative x",
        overloads: [
            checkedDouble(rejecting: { $0 < 0 }, message: "cannot take square root of a negative number") {
                $0.squareRoot()
            }
        ])

    static let ln = ScalarFunction(
        name: "ln", summary: "ln(x) — natural logarithm; an error for x <= 0",
        overloads: [logarithm { Glibc.log($0) }])

    static let log10 = ScalarFunction(
        name: "log10", summary: "log10(x) — base-10 logarithm; an error for x <= 0",
        overloads: [logarithm { Glibc.log10($0) }])

    static let exp = ScalarFunction(
        name: "exp", summary: "exp(x) — e raised to x",
        overloads: [doubleToDouble { Glibc.exp($0) }])

    static let power = ScalarFunction(
        name: "power", summary: "power(x, y) — x raised to y, as DOUBLE",
        overloads: [
            ScalarOverload(parameterTypes: [.double, .double], returnType: .double) { columns, _ in
                let values = Vectorised.zip(TypedBuffers.doubles(columns[0]), TypedBuffers.doubles(columns[1])) {
                    Glibc.pow($0, $1)
                }
                return Column(.double(values), validity: Validity.intersect(columns[0].validity, columns[1].validity))
            }
        ])

    static let sign = ScalarFunction(
        name: "sign", summary: "sign(x) — -1, 0 or 1 (0 for NaN), as BIGINT",
        overloads: [
            ScalarOverload(parameterTypes: [.bigint], returnType: .bigint) { columns, _ in
                Column(
                    .bigint(Vectorised.map(TypedBuffers.bigints(columns[0])) { $0.signum() }),
                    validity: columns[0].validity)
            },
            ScalarOverload(parameterTypes: [.double], returnType: .bigint) { columns, _ in
                Column(
                    .bigint(Vectorised.map(TypedBuffers.doubles(columns[0])) { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }),
                    validity: columns[0].validity)
            },
        ])

    static let pi = ScalarFunction(
        name: "pi", summary: "pi() — π",
        overloads: [
            ScalarOverload(parameterTypes: [], returnType: .double) { _, rowCount in
                Column(.double([Double](repeating: .pi, count: rowCount)))
            }
        ])

    // MARK: - Building blocks

    static let bigintIdentity = ScalarOverload(parameterTypes: [.bigint], returnType: .bigint) { columns, _ in
        columns[0]
    }

    static func doubleToDouble(_ f: @escaping @Sendable (Double) -> Double) -> ScalarOverload {
        ScalarOverload(parameterTypes: [.double], returnType: .double) { columns, _ in
            Column(.double(Vectorised.map(TypedBuffers.doubles(columns[0]), f)), validity: columns[0].validity)
        }
    }

    /// A DOUBLE function with a domain: a valid row for which `rejecting` holds is an error.
    static func checkedDouble(
        rejecting invalid: @escaping @Sendable (Double) -> Bool, message: String,
        _ f: @escaping @Sendable (Double) -> Double
    ) -> ScalarOverload {
        ScalarOverload(parameterTypes: [.double], returnType: .double) { columns, _ throws(KernelError) in
            let values = TypedBuffers.doubles(columns[0])
            if Vectorised.firstValidRow(
                count: values.count, validity: columns[0].validity, where: { invalid(values[$0]) })
                != nil
            {
                throw KernelError(.invalidArgument, message)
            }
            return Column(.double(Vectorised.map(values, f)), validity: columns[0].validity)
        }
    }

    private static func logarithm(_ f: @escaping @Sendable (Double) -> Double) -> ScalarOverload {
        ScalarOverload(parameterTypes: [.double], returnType: .double) { columns, _ throws(KernelError) in
            let values = TypedBuffers.doubles(columns[0])
            if let row = Vectorised.firstValidRow(
                count: values.count, validity: columns[0].validity, where: { values[$0] <= 0 })
            {
                throw KernelError(
                    .invalidArgument,
                    values[row] == 0 ? "cannot take logarithm of zero" : "cannot take logarithm of a negative number")
            }
            return Column(.double(Vectorised.map(values, f)), validity: columns[0].validity)
        }
    }
}
