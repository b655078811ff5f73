import Columnar

import Platform

/// Calendar functions on DATE (days since 1970-01-01, proleptic Gregorian).
enum DateFunctions {
    static let functions: [ScalarFunction] = [
        field("year", "year(d) — the year") { Int64($0.components.year) },
        field("month", "month(d) — the month, 1–12") { Int64($0.components.month) },
        field("day", "day(d) — the day of the month, 1–31") { Int64($0.components.day) },
        field("quarter", "quarter(d) — the quarter, 1–4") { Int64(($0.components.month - 1) / 3 + 1) },
        field("dayofweek", "dayofweek(d) — 0 (Sunday) to 6 (Saturday)") { Int64($0.dayOfWeek) },
        field("dayofyear", "dayofyear(d) — 1–366") { Int64($0.dayOfYear) },
        name("monthname", "monthname(d) — the month's English name") { DateFormat.monthNames[$0.components.month - 1] },
        name("dayname", "dayname(d) — the weekday's English name") { DateFormat.weekdayNames[$0.dayOfWeek] },
        dateDiff, dateDiff.renamed("datediff"), dateTrunc, datePart, makeDate, currentDate, MonthArithmetic.addMonths,
    ]

    static let dateDiff = ScalarFunction(
        name: "date_diff",
        summary:
            "date_diff(part, a, b) — part boundaries crossed from a to b ('day', 'week', 'month', 'quarter', 'year')",
        overloads: [
            withPart([.varchar, .date, .date], BigintResults.self, function: "date_diff") { part, columns in
                let validity = Vectorised.combinedValidity(columns)
                let (a, b) = (TypedBuffers.days(columns[1]), TypedBuffers.days(columns[2]))
                let values: [Int64]
                switch part {
                case .day: values = Vectorised.zip(a, b) { Int64($1) - Int64($0) }
                case .week: values = Vectorised.zip(a, b) { (Int64($1) - Int64($0)) / 7 }
                default:
                    // Count in whole periods since year 0, then subtract.
                    let ordinal: (Int32) -> Int64 = { day in
                        let (y, m, _) = Date32(daysSinceEpoch: day).components
                        switch part {
                        case .year: return Int64(y)
                        case .quarter: return Int64(y) * 4 + Int64((m - 1) / 3)
                        default: return Int64(y) * 12 + Int64(m - 1)
                        }
                    }
                    let start = SpanMemo.map(a, validity: validity, placeholder: 0, ordinal)
                    let end = SpanMemo.map(b, validity: validity, placeholder: 0, ordinal)
                    values = Vectorised.zip(start, end) { $1 - $0 }
                }
                return Column(.bigint(values), validity: validity)
            } perRow: { part, rows, row in
                difference(part, Date32(daysSinceEpoch: rows.day(1, row)), Date32(daysSinceEpoch: rows.day(2, row)))
            }
        ])

    static let dateTrunc = ScalarFunction(
        name: "date_trunc",
        summary: "date_trunc(part, d) — d rounded down to the start of its year, quarter, month, week or day",
        overloads: [
            withPart([.varchar, .date], DateResults.self, function: "date_trunc") { part, columns throws(KernelError) in
                let validity = Vectorised.combinedValidity(columns)
                let values = try SpanMemo.map(TypedBuffers.days(columns[1]), validity: validity, placeholder: 0) {
                    (days: Int32) throws(KernelError) -> Int32 in
                    try truncate(Date32(daysSinceEpoch: days), to: part)
                }
                return Column(.date(values), validity: validity)
            } perRow: { part, rows, row throws(KernelError) in
                try truncate(Date32(daysSinceEpoch: rows.day(1, row)), to: part)
            }
        ])

    static let datePart = ScalarFunction(
        name: "date_part",
        summary: "date_part(part, d) — d's year, quarter, month, ISO week, day, dow, isodow, doy, isoyear, decade, …",
        overloads: [
            withPart([.varchar, .date], BigintResults.self, function: "date_part") { (part: DateField, columns) in
                let validity = Vectorised.combinedValidity(columns)
                let values = SpanMemo.map(TypedBuffers.days(columns[1]), validity: validity, placeholder: 0) {
                    field(part, of: Date32(daysSinceEpoch: $0))
                }
                return Column(.bigint(values), validity: validity)
            } perRow: { (part: DateField, rows, row) in
                field(part, of: Date32(daysSinceEpoch: rows.day(1, row)))
            }
        ])

    static func field(_ field: DateField, of date: Date32) -> Int64 {
        let (y, m, d) = date.components
        let year = Int64(y)
        switch field {
        case .unit(.year): return year
        case .unit(.quarter): return Int64((m - 1) / 3 + 1)
        case .unit(.month): return Int64(m)
        case .unit(.day): return Int64(d)
        case .unit(.week): return Int64(isoWeek(date))
        case .dayOfWeek: return Int64(date.dayOfWeek)
        case .isoDayOfWeek: return Int64(date.dayOfWeek == 0 ? 7 : date.dayOfWeek)
        case .dayOfYear: return Int64(date.dayOfYear)
        case .isoYear: return Int64(isoYear(date))
        case .yearWeek: return Int64(isoYear(date)) * 100 + Int64(isoWeek(date))
        case .decade: return year >= 0 ? year / 10 : (year - 9) / 10
        // Years 1–100 are the first century, as DuckDB and PostgreSQL count (2000 is in the 20th).
        case .century: return year > 0 ? (year - 1) / 100 + 1 : year / 100 - 1
        case .millennium: return year > 0 ? (year - 1) / 1000 + 1 : year / 1000 - 1
        }
    }

    /// A function whose first argument names a date part: parsed once when it is constant (the usual
    /// case) and handed to the vectorised `constant` body, else parsed per row.
    private static func withPart<Encoder: ResultEncoder & SendableMetatype, Part: NamedDatePart>(
        _ parameters: [DataType], _ encoder: Encoder.Type, function: String,
        constant: @escaping @Sendable (Part, [Column]) throws(KernelError) -> Column,
        perRow: @escaping @Sendable (Part, ArgumentRows, Int) throws(KernelError) -> Encoder.Result
    ) -> ScalarOverload {
        ScalarOverload(parameterTypes: parameters, returnType: Encoder.type) { columns, rowCount throws(KernelError) in
            let (partCodes, partNames) = TypedBuffers.strings(columns[0])
            if partNames.count == 1 {
                guard columns[0].nullCount < rowCount else { return Column(nullsOf: Encoder.type, count: rowCount) }
                _ = partCodes
                return try constant(try Part(parsing: partNames.strings[0], function: function), columns)
            }
            return try RowwiseKernel.map(columns, rowCount: rowCount, into: Encoder()) {
                rows, row throws(KernelError) in
                try perRow(try Part(parsing: rows.string(0, row), function: function), rows, row)
            }
        }
    }

    static let makeDate = ScalarFunction(
        name: "make_date", summary: "make_date(year, month, day) — a DATE; an error when no such day exists",
        overloads: [
            Rowwise.overload([.bigint, .bigint, .bigint], DateResults.self) { rows, row throws(KernelError) in
                let (y, m, d) = (rows.bigint(0, row), rows.bigint(1, row), rows.bigint(2, row))
                // No `abs(year)`: it traps on Int64.min. Date32 checks the year's range itself.
                guard let year = Int(exactly: y), let month = Int(exactly: m),
                    let day = Int(exactly: d),
                    let date = Date32(year: year, month: month, day: day)
                else {
                    throw KernelError(.conversion, "Date out of range: \(y)-\(m)-\(d)")
                }
                return date.daysSinceEpoch
            }
        ])

    static let currentDate = ScalarFunction(
        name: "current_date", summary: "current_date — today's date (UTC)",
        overloads: [
            ScalarOverload(parameterTypes: [], returnType: .date, isDeterministic: false) { _, rowCount in
                let today = Int32(time(nil) / 86_400)
                return Column(.date([Int32](repeating: today, count: rowCount)))
            }
        ])

    /// Boundaries crossed, as DuckDB: `date_diff('month', '2020-01-31', '2020-02-01')` is 1; weeks,
    /// as DuckDB 2.0 counts them, are whole weeks of days (truncated toward zero), not Mondays crossed.
    static func difference(_ part: DatePart, _ a: Date32, _ b: Date32) -> Int64 {
        let (ya, ma, _) = a.components, (yb, mb, _) = b.components
        switch part {
        case .day: return Int64(b.daysSinceEpoch) - Int64(a.daysSinceEpoch)
        case .week: return (Int64(b.daysSinceEpoch) - Int64(a.daysSinceEpoch)) / 7
        case .month: return Int64((yb * 12 + mb) - (ya * 12 + ma))
        case .quarter: return Int64((yb * 4 + (mb - 1) / 3) - (ya * 4 + (ma - 1) / 3))
        case .year: return Int64(yb - ya)
        }
    }

    /// Days since the epoch of the first day of `part` containing `date` (weeks start on Monday).
    /// - Throws: `.overflow` when that day is before the earliest DATE (it used to be replaced silently by
    ///   the date itself, or by the earliest DATE for weeks).
    static func truncate(_ date: Date32, to part: DatePart) throws(KernelError) -> Int32 {
        let (y, m, _) = date.components
        let first: Int
        switch part {
        case .day: return date.daysSinceEpoch
        case .week: first = Int(date.mondayOfWeek)
        case .month: first = Date32.dayNumber(year: y, month: m, day: 1)!
        case .quarter: first = Date32.dayNumber(year: y, month: (m - 1) / 3 * 3 + 1, day: 1)!
        case .year: first = Date32.dayNumber(year: y, month: 1, day: 1)!
        }
        guard let narrow = Int32(exactly: first) else {
            throw KernelError(.overflow, "Date out of range: date_trunc('\(part)', \(date))")
        }
        return narrow
    }

    /// The year the ISO week of `date` belongs to: the year of its Thursday.
    static func isoYear(_ date: Date32) -> Int {
        Date32(daysSinceEpoch: Int32(clamping: date.mondayOfWeek + 3)).components.year
    }

    /// ISO 8601 week number, 1–53 (week 1 holds the year's first Thursday).
    static func isoWeek(_ date: Date32) -> Int {
        let thursday = date.mondayOfWeek + 3
        let year = isoYear(date)
        let firstOfYear = Int64(Date32.dayNumber(year: year, month: 1, day: 1)!)
        return Int((thursday - firstOfYear) / 7) + 1
    }

    /// A VARCHAR name of a date, e.g. its month; each distinct date is named once.
    private static func name(_ name: String, _ summary: String, _ f: @escaping @Sendable (Date32) -> String)
        -> ScalarFunction
    {
        ScalarFunction(
            name: name, summary: summary,
            overloads: [
                ScalarOverload(parameterTypes: [.date], returnType: .varchar) { columns, _ in
                    var names = StringDictionaryBuilder()
                    let codes = SpanMemo.map(
                        TypedBuffers.days(columns[0]), validity: columns[0].validity, placeholder: UInt32(0)
                    ) { names.intern(f(Date32(daysSinceEpoch: $0))) }
                    return Column(.varchar(codes: codes, dictionary: names.build()), validity: columns[0].validity)
                }
            ])
    }

    /// A BIGINT field of a date, computed in one vectorised pass.
    private static func field(_ name: String, _ summary: String, _ f: @escaping @Sendable (Date32) -> Int64)
        -> ScalarFunction
    {
        ScalarFunction(
            name: name, summary: summary,
            overloads: [
                ScalarOverload(parameterTypes: [.date], returnType: .bigint) { columns, _ in
                    let values = SpanMemo.map(
                        TypedBuffers.days(columns[0]), validity: columns[0].validity, placeholder: 0
                    ) {
                        f(Date32(daysSinceEpoch: $0))
                    }
                    return Column(.bigint(values), validity: columns[0].validity)
                }
            ])
    }
}
