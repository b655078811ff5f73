import Columnar

/// `+ - * / // %` and unary minus (`negate`) on BIGINT and DOUBLE.
///
/// BIGINT overflow is an error naming the operation and operands, never wraparound. `/` is always DOUBLE
/// division (`7 / 2` = 3.5); `//` divides and truncates toward zero (`-7 // 2` = -3, DuckDB's integer
/// division; on DOUBLE it truncates too: `-7.5 // 2` = -3.0); `%` takes the dividend's sign
/// (`-7 % 2` = -1). A zero divisor gives NULL for all three.
enum ArithmeticOperators {
    static let functions: [ScalarFunction] = [plus, minus, times, divide, integerDivide, modulo, negate]

    static let plus = ScalarFunction(
        name: "+", summary: "a + b — addition; DATE + BIGINT adds days",
        overloads: [
            checkedBigint(.addition),
            double { a, b in Vectorised.zip(a, b, +) },
            DateArithmetic.datePlusDays, DateArithmetic.daysPlusDate,
        ])

    static let minus = ScalarFunction(
        name: "-", summary: "a - b — subtraction; DATE - BIGINT subtracts days, DATE - DATE counts days",
        overloads: [
            checkedBigint(.subtraction),
            double { a, b in Vectorised.zip(a, b, -) },
            DateArithmetic.dateMinusDays, DateArithmetic.dateMinusDate,
        ] + negateOverloads)

    static let times = ScalarFunction(
        name: "*", summary: "a * b — multiplication",
        overloads: [
            checkedBigint(.multiplication),
            double { a, b in Vectorised.zip(a, b, *) },
        ])

    static let divide = ScalarFunction(
        name: "/", summary: "a / b — floating-point division (7 / 2 = 3.5); NULL when b is 0",
        overloads: [
            ScalarOverload(parameterTypes: [.double, .double], returnType: .double) { columns, _ in
                let (a, b) = (TypedBuffers.doubles(columns[0]), TypedBuffers.doubles(columns[1]))
                return Column(.double(Vectorised.zip(a, b, /)), validity: zeroDivisorsNull(columns, b))
            }
        ])

    static let integerDivide = ScalarFunction(
        name: "//",
        summary:
            "a // b — integer division truncated toward zero (-7 // 2 = -3); DOUBLE operands divide as `/` (DuckDB); NULL when b is 0",
        overloads: [
            ScalarOverload(parameterTypes: [.bigint, .bigint], returnType: .bigint) { columns, _ throws(KernelError) in
                let (a, b) = (TypedBuffers.bigints(columns[0]), TypedBuffers.bigints(columns[1]))
                let validity = zeroDivisorsNull(columns, b)
                // A zero divisor (NULL row) would trap; divide by 1 there instead.
                let values = try checkedValues(a, b, validity, "division", "//") { x, y in
                    y == 0 ? (0, false) : x.dividedReportingOverflow(by: y)
                }
                return Column(.bigint(values), validity: validity)
            },
            ScalarOverload(parameterTypes: [.double, .double], returnType: .double) { columns, _ in
                let (a, b) = (TypedBuffers.doubles(columns[0]), TypedBuffers.doubles(columns[1]))
                return Column(
                    .double(Vectorised.zip(a, b, /)),  // DuckDB: `//` is integer division for integers only
                    validity: zeroDivisorsNull(columns, b))
            },
        ])

    static let modulo = ScalarFunction(
        name: "%", summary: "a % b — remainder with the sign of a (-7 % 2 = -1); NULL when b is 0",
        overloads: [
            ScalarOverload(parameterTypes: [.bigint, .bigint], returnType: .bigint) { columns, _ in
                let (a, b) = (TypedBuffers.bigints(columns[0]), TypedBuffers.bigints(columns[1]))
                // Int64.min % -1 is mathematically 0; the reporting form returns that instead of trapping.
                let values = Vectorised.zip(a, b) { x, y in
                    y == 0 ? 0 : x.remainderReportingOverflow(dividingBy: y).partialValue
                }
                return Column(.bigint(values), validity: zeroDivisorsNull(columns, b))
            },
            ScalarOverload(parameterTypes: [.double, .double], returnType: .double) { columns, _ in
                let (a, b) = (TypedBuffers.doubles(columns[0]), TypedBuffers.doubles(columns[1]))
                return Column(
                    .double(Vectorised.zip(a, b) { $0.truncatingRemainder(dividingBy: $1) }),
                    validity: zeroDivisorsNull(columns, b))
            },
        ])

    static let negate = ScalarFunction(name: "negate", summary: "negate(x) — unary minus", overloads: negateOverloads)

    static let negateOverloads: [ScalarOverload] = [
        ScalarOverload(parameterTypes: [.bigint], returnType: .bigint) { columns, _ throws(KernelError) in
            let a = TypedBuffers.bigints(columns[0])
            let zeros = [Int64](repeating: 0, count: a.count)
            let values = try checkedValues(zeros, a, columns[0].validity, "negation", "-") {
                $0.subtractingReportingOverflow($1)
            }
            return Column(.bigint(values), validity: columns[0].validity)
        },
        ScalarOverload(parameterTypes: [.double], returnType: .double) { columns, _ in
            Column(.double(Vectorised.map(TypedBuffers.doubles(columns[0])) { -$0 }), validity: columns[0].validity)
        },
    ]

    // MARK: - Building blocks

    enum CheckedOperation { case addition, subtraction, multiplication }

    /// The operation is switched on once per column so each loop inlines its overflow-reporting primitive.
    private static func checkedBigint(_ operation: CheckedOperation) -> ScalarOverload {
        ScalarOverload(parameterTypes: [.bigint, .bigint], returnType: .bigint) { columns, _ throws(KernelError) in
            let validity = Validity.intersect(columns[0].validity, columns[1].validity)
            let (a, b) = (TypedBuffers.bigints(columns[0]), TypedBuffers.bigints(columns[1]))
            let values: [Int64]
            switch operation {
            case .addition:
                values = try checkedValues(a, b, validity, "addition", "+") { $0.addingReportingOverflow($1) }
            case .subtraction:
                values = try checkedValues(a, b, validity, "subtraction", "-") { $0.subtractingReportingOverflow($1) }
            case .multiplication:
                values = try checkedValues(a, b, validity, "multiplication", "*") {
                    $0.multipliedReportingOverflow(by: $1)
                }
            }
            return Column(.bigint(values), validity: validity)
        }
    }

    private static func double(_ body: @escaping @Sendable ([Double], [Double]) -> [Double]) -> ScalarOverload {
        ScalarOverload(parameterTypes: [.double, .double], returnType: .double) { columns, _ in
            let values = body(TypedBuffers.doubles(columns[0]), TypedBuffers.doubles(columns[1]))
            return Column(.double(values), validity: Validity.intersect(columns[0].validity, columns[1].validity))
        }
    }
}

extension ArithmeticOperators {
    /// Applies an overflow-reporting operation to every row; throws for the first valid row that overflowed.
    /// Overflow under a NULL row is ignored (those values are unspecified).
    /// - Complexity: O(n), one branch-free pass; a second pass only when something overflowed.
    @inline(__always)
    static func checkedValues(
        _ a: [Int64], _ b: [Int64], _ validity: Validity?, _ operation: String, _ symbol: String,
        _ op: (Int64, Int64) -> (partialValue: Int64, overflow: Bool)
    ) throws(KernelError) -> [Int64] {
        precondition(a.count == b.count, "argument columns differ in length")
        var overflowSeen: UInt8 = 0
        let values = a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                [Int64](unsafeUninitializedCapacity: x.count) { out, initialized in
                    var seen: UInt8 = 0
                    for i in 0..<x.count {
                        let result = op(x[i], y[i])
                        out[i] = result.partialValue
                        seen |= result.overflow ? 1 : 0
                    }
                    overflowSeen = seen
                    initialized = x.count
                }
            }
        }
        if overflowSeen != 0,
            let row = Vectorised.firstValidRow(count: a.count, validity: validity, where: { op(a[$0], b[$0]).overflow })
        {
            let operands = symbol == "-" && operation == "negation" ? "-(\(b[row]))" : "\(a[row]) \(symbol) \(b[row])"
            throw KernelError(.overflow, "Overflow in \(operation) of BIGINT (\(operands))")
        }
        return values
    }

    /// Validity of a division: NULL where either side is NULL or the divisor is zero.
    static func zeroDivisorsNull<T: Numeric>(_ columns: [Column], _ divisors: [T]) -> Validity? {
        let validity = Validity.intersect(columns[0].validity, columns[1].validity)
        guard divisors.contains(0) else { return validity }
        return Vectorised.nullifying(validity, count: divisors.count) { divisors[$0] == 0 }
    }
}
