import Columnar

/// `= <> < <= > >=` on every type; both sides share a type after the binder's casts (BIGINT widens to DOUBLE).
///
/// VARCHAR compares by code point (UTF-8 bytes). DOUBLE follows DuckDB: NaN equals NaN and is greater than
/// every other value, so comparisons are a total order; -0.0 equals 0.0. BOOLEAN orders false before true.
enum ComparisonOperators {
    static let functions: [ScalarFunction] = Comparison.allCases.map { comparison in
        ScalarFunction(
            name: comparison.rawValue, summary: comparison.summary,
            overloads: DataType.comparisonOrder.map { type in
                ScalarOverload(parameterTypes: [type, type], returnType: .boolean) { columns, _ in
                    compare(columns[0], comparison, columns[1])
                }
            })
    }

    /// `a <op> b` row by row; NULL where either side is NULL.
    static func compare(_ a: Column, _ comparison: Comparison, _ b: Column) -> Column {
        let validity = Validity.intersect(a.validity, b.validity)
        let values: [Bool]
        switch (a.storage, b.storage) {
        case (.bigint(let x), .bigint(let y)): values = evaluate(comparison, x, y, equal: ==, less: <)
        case (.date(let x), .date(let y)): values = evaluate(comparison, x, y, equal: ==, less: <)
        case (.boolean(let x), .boolean(let y)): values = evaluate(comparison, x, y, equal: ==) { !$0 && $1 }
        case (.double(let x), .double(let y)):
            values = evaluate(comparison, x, y, equal: DoubleOrder.equal, less: DoubleOrder.less)
        case (.varchar(let xCodes, let xDictionary), .varchar(let yCodes, let yDictionary)):
            values = VarcharComparison.compare(
                comparison, (xCodes, xDictionary), (yCodes, yDictionary), rowCount: a.count)
        default:
            preconditionFailure("comparison of \(a.type) with \(b.type); the binder must cast to a common type")
        }
        return Column(.boolean(values), validity: validity)
    }

    /// One specialised loop per operator, all derived from `equal` and a strict total order `less`.
    @inline(__always)
    static func evaluate<T>(
        _ comparison: Comparison, _ a: [T], _ b: [T], equal: (T, T) -> Bool, less: (T, T) -> Bool
    ) -> [Bool] {
        switch comparison {
        case .equal: Vectorised.zip(a, b) { equal($0, $1) }
        case .notEqual: Vectorised.zip(a, b) { !equal($0, $1) }
        case .less: Vectorised.zip(a, b) { less($0, $1) }
        case .lessOrEqual: Vectorised.zip(a, b) { !less($1, $0) }
        case .greater: Vectorised.zip(a, b) { less($1, $0) }
        case .greaterOrEqual: Vectorised.zip(a, b) { !less($0, $1) }
        }
    }
}

/// A comparison operator, named by its SQL symbol.
enum Comparison: String, CaseIterable, Sendable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    var summary: String {
        switch self {
        case .equal: "a = b — equality (text by code point, NaN = NaN)"
        case .notEqual: "a <> b — inequality"
        case .less: "a < b — less than (text by code point, NaN greatest)"
        case .lessOrEqual: "a <= b — less than or equal"
        case .greater: "a > b — greater than"
        case .greaterOrEqual: "a >= b — greater than or equal"
        }
    }

    /// The outcome given the sign of a three-way comparison (negative: a < b).
    @inline(__always)
    func holds(forOrder order: Int) -> Bool {
        switch self {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        }
    }
}

/// DuckDB's total order on doubles: NaN equals NaN and sorts above +inf.
enum DoubleOrder {
    @inline(__always)
    static func equal(_ a: Double, _ b: Double) -> Bool { a == b || (a.isNaN && b.isNaN) }

    @inline(__always)
    static func less(_ a: Double, _ b: Double) -> Bool { a < b || (b.isNaN && !a.isNaN) }
}

extension DataType {
    /// Overload declaration order for type-generic operators: an untyped `NULL = NULL` picks the first.
    static let comparisonOrder: [DataType] = [.bigint, .double, .varchar, .boolean, .date]
}
