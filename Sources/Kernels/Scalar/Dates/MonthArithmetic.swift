import Columnar

/// Whole months added to a DATE, as DuckDB's `d + INTERVAL n MONTH`: the day of the month is kept, or
/// clamped to the last day of a shorter month (`2024-01-31` + 1 month is `2024-02-29`). The binder
/// reaches it through `+`/`-` with an INTERVAL; its name cannot be typed in SQL.
public enum MonthArithmetic {
    public static let functionName = "#add_months"

    static let addMonths = ScalarFunction(
        name: functionName, summary: "d + INTERVAL n MONTH — n months later, the day clamped to the month's end",
        overloads: [
            Rowwise.overload([.date, .bigint], DateResults.self) { rows, row throws(KernelError) in
                let start = Date32(daysSinceEpoch: rows.day(0, row))
                let (year, month, day) = start.components
                let n = rows.bigint(1, row)
                let (total, o1) = Int64(year).multipliedReportingOverflow(by: 12)
                let (shifted, o2) = total.addingReportingOverflow(Int64(month - 1))
                let (target, o3) = shifted.addingReportingOverflow(n)
                let newYear = target >= 0 ? target / 12 : (target - 11) / 12
                let newMonth = Int(target - newYear * 12) + 1
                guard !o1, !o2, !o3, let y = Int(exactly: newYear),
                    let date = Date32(
                        year: y, month: newMonth, day: min(day, Date32.daysInMonth(year: y, month: newMonth)))
                else {
                    throw KernelError(.overflow, "Date out of range: \(start) + \(n) months")
                }
                return date.daysSinceEpoch
            }
        ])
}
