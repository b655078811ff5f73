import Columnar

/// Per-value memo over the span of integers present (dates, small counts): each distinct value is
/// computed once and rows look it up, turning calendar arithmetic or formatting per row into one load.
enum SpanMemo {
    /// `f` of every valid row's value, `placeholder` under NULL rows. Uses a direct table when the span of
    /// values is at most about four times the row count; otherwise calls `f` per row.
    /// - Complexity: O(rows + span), `f` called at most once per distinct value when tabulated.
    @inline(__always)
    static func map<T: FixedWidthInteger, R, Failure: Error>(
        _ values: [T], validity: Validity?, placeholder: R, _ f: (T) throws(Failure) -> R
    ) throws(Failure) -> [R] {
        var low = T.max, high = T.min
        for row in values.indices where validity?.isValid(row) ?? true {
            low = min(low, values[row])
            high = max(high, values[row])
        }
        var result = [R](repeating: placeholder, count: values.count)
        guard low <= high else { return result }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow, span.magnitude <= UInt64(4 * values.count + 1024) {
            var table = [R?](repeating: nil, count: Int(span) + 1)
            for row in values.indices where validity?.isValid(row) ?? true {
                let slot = Int(values[row] - low)
                if let known = table[slot] {
                    result[row] = known
                } else {
                    let computed = try f(values[row])
                    table[slot] = computed
                    result[row] = computed
                }
            }
        } else {
            for row in values.indices where validity?.isValid(row) ?? true { result[row] = try f(values[row]) }
        }
        return result
    }
}
