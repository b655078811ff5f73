import Kernels
import Columnar
import QueryLanguage

/// `DATE ± INTERVAL n DAY|WEEK|MONTH|YEAR` (and `INTERVAL ... + DATE`). Days shift the date; months keep
/// the day of the month, clamped to a shorter month's end, as DuckDB. The result is a DATE, where DuckDB
/// gives a TIMESTAMP (yotq has none).
extension ExpressionBinder {
    static func isInterval(_ e: Expression) -> Bool {
        if case .interval = e.kind { return true }
        return false
    }

    func bindIntervalArithmetic(
        _ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression, range: SourceRange
    ) throws(QueryError) -> BoundExpression {
        let dateSide: Expression
        let interval: Expression
        if case .interval = rhs.kind {
            (dateSide, interval) = (lhs, rhs)
        } else if op == .add {
            (dateSide, interval) = (rhs, lhs)
        } else {
            throw QueryError(.invalidQuery, "an INTERVAL cannot have a value subtracted from it", range: range)
        }
        guard case .interval(let quantity, let unit) = interval.kind, !ExpressionBinder.isInterval(dateSide) else {
            throw QueryError(.invalidQuery, "INTERVAL can only be added to or subtracted from a DATE", range: range)
        }
        let date = try bind(dateSide)
        guard date.resolutionType == .date || date.resolutionType == nil else {
            throw QueryError(
                .typeMismatch,
                "INTERVAL can only be added to or subtracted from a DATE, not \(date.type.rawValue)", range: range)
        }
        var amount = try binder.implicitCast(try bind(quantity), to: .bigint, range: quantity.range)
        if op == .subtract { amount = try call("negate", [amount], range: range) }
        switch unit {
        case .day: return try call("+", [date, amount], range: range)
        case .month: return try call(MonthArithmetic.functionName, [date, amount], range: range)
        }
    }
}
