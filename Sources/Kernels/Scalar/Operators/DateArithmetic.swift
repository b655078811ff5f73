import Columnar

/// `DATE ± BIGINT` (days) and `DATE - DATE` (days between), the `+`/`-` overloads on dates.
enum DateArithmetic {
    static let datePlusDays = ScalarOverload(parameterTypes: [.date, .bigint], returnType: .date) {
        columns, _ throws(KernelError) in
        try shift(columns[0], by: columns[1], sign: 1)
    }

    static let daysPlusDate = ScalarOverload(parameterTypes: [.bigint, .date], returnType: .date) {
        columns, _ throws(KernelError) in
        try shift(columns[1], by: columns[0], sign: 1)
    }

    static let dateMinusDays = ScalarOverload(parameterTypes: [.date, .bigint], returnType: .date) {
        columns, _ throws(KernelError) in
        try shift(columns[0], by: columns[1], sign: -1)
    }

    static let dateMinusDate = ScalarOverload(parameterTypes: [.date, .date], returnType: .bigint) { columns, _ in
        let values = Vectorised.zip(TypedBuffers.days(columns[0]), TypedBuffers.days(columns[1])) {
            Int64($0) - Int64($1)
        }
        return Column(.bigint(values), validity: Validity.intersect(columns[0].validity, columns[1].validity))
    }

    /// - Throws: `.overflow` when a valid row leaves the DATE range (Int32 days).
    private static func shift(_ dates: Column, by days: Column, sign: Int64) throws(KernelError) -> Column {
        let validity = Validity.intersect(dates.validity, days.validity)
        let d = TypedBuffers.days(dates), n = TypedBuffers.bigints(days)
        var failed: UInt8 = 0
        func result(_ date: Int32, _ delta: Int64) -> (Int32, Bool) {
            let (scaled, o1) = delta.multipliedReportingOverflow(by: sign)
            let (sum, o2) = Int64(date).addingReportingOverflow(scaled)
            guard !o1, !o2, let narrow = Int32(exactly: sum) else { return (0, true) }
            return (narrow, false)
        }
        let values = Vectorised.zip(d, n) { date, delta -> Int32 in
            let (value, bad) = result(date, delta)
            failed |= bad ? 1 : 0
            return value
        }
        if failed != 0,
            let row = Vectorised.firstValidRow(count: d.count, validity: validity, where: { result(d[$0], n[$0]).1 })
        {
            let date = Date32(daysSinceEpoch: d[row])
            throw KernelError(.overflow, "Date out of range: \(date) \(sign > 0 ? "+" : "-") \(n[row]) days")
        }
        return Column(.date(values), validity: validity)
    }
}
