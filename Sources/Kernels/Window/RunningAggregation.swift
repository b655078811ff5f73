import Columnar

/// count / sum / avg / min / max over frames `[partition start, end)`: one pass computes the aggregate of
/// every prefix of each partition (in sorted order), then each row reads the prefix ending at its frame
/// end. O(n) overall, no per-row state objects.
enum RunningAggregation {
    static func evaluate(
        _ kind: RunningAggregateKind, arguments: [Column], resultType: DataType, layout: WindowLayout, ends: [Int32]
    ) throws(KernelError) -> Column {
        let n = layout.rowCount
        let order = layout.order
        let column = arguments.first
        let present = column.map(RowValidity.init)
        let starts = layout.partitionStart
        // Non-NULL values in each prefix, and the prefix (last position) answering each position.
        var counts = [Int64](repeating: 0, count: n)
        var running: Int64 = 0
        for q in 0..<n {
            if q == Int(starts[q]) { running = 0 }
            if present?.isValid(Int(order[q])) ?? true { running += 1 }
            counts[q] = running
        }
        let answering = (0..<n).map { p in ends[p] > starts[p] ? Int(ends[p]) - 1 : -1 }
        var answeringOfRow = [Int](repeating: -1, count: n)
        for p in 0..<n { answeringOfRow[Int(order[p])] = answering[p] }
        /// NULL where the row's frame holds no value.
        func validity() -> Validity? {
            AccumulatorSupport.validity(groupCount: n) { row in
                let q = answeringOfRow[row]
                return q >= 0 && counts[q] > 0
            }
        }

        switch kind {
        case .count, .countStar:
            return Column(.bigint(answeringOfRow.map { $0 >= 0 ? counts[$0] : 0 }))
        case .minimum, .maximum:
            let images =
                SortImage.images(of: SortKey(column: column!), rowCount: n).last?.values
                ?? [UInt64](repeating: 0, count: n)
            let isMax = kind == .maximum
            var best = [Int32](repeating: -1, count: n)
            var current = -1
            for q in 0..<n {
                if q == Int(starts[q]) { current = -1 }
                let row = Int(order[q])
                if present!.isValid(row),
                    current < 0 || (isMax ? images[row] > images[current] : images[row] < images[current])
                {
                    current = row
                }
                best[q] = Int32(current)
            }
            return WindowGather.select(column!, rows: answeringOfRow.map { $0 >= 0 ? best[$0] : -1 })
        case .sum, .average:
            switch column!.storage {
            case .bigint(let values) where kind == .sum:
                var sums = [Int64](repeating: 0, count: n)
                var overflowFrom = [Int](repeating: Int.max, count: n)
                var sum: Int64 = 0, poisonedAt = Int.max
                for q in 0..<n {
                    if q == Int(starts[q]) { sum = 0; poisonedAt = Int.max }
                    let row = Int(order[q])
                    if present!.isValid(row) {
                        let (next, overflow) = sum.addingReportingOverflow(values[row])
                        if overflow && poisonedAt == Int.max { poisonedAt = q }
                        sum = next
                    }
                    sums[q] = sum
                    overflowFrom[q] = poisonedAt
                }
                for q in answering where q >= 0 && overflowFrom[q] <= q {
                    throw KernelError(.overflow, "Overflow in SUM of BIGINT values")
                }
                return Column(.bigint(answeringOfRow.map { $0 >= 0 ? sums[$0] : 0 }), validity: validity())
            case .bigint(let values):
                var averages = [Double](repeating: 0, count: n)
                var high: Int64 = 0, low: UInt64 = 0
                for q in 0..<n {
                    if q == Int(starts[q]) { high = 0; low = 0 }
                    let row = Int(order[q])
                    if present!.isValid(row) { IntegerAverageAccumulator.add(values[row], high: &high, low: &low) }
                    if counts[q] > 0 {
                        averages[q] = IntegerAverageAccumulator.double(high: high, low: low) / Double(counts[q])
                    }
                }
                return Column(.double(answeringOfRow.map { $0 >= 0 ? averages[$0] : 0 }), validity: validity())
            case .double(let values):
                var results = [Double](repeating: 0, count: n)
                var sum: Double = 0
                let averages = kind == .average
                for q in 0..<n {
                    if q == Int(starts[q]) { sum = 0 }
                    let row = Int(order[q])
                    if present!.isValid(row) { sum += values[row] }
                    if counts[q] > 0 { results[q] = averages ? sum / Double(counts[q]) : sum }
                }
                return Column(.double(answeringOfRow.map { $0 >= 0 ? results[$0] : 0 }), validity: validity())
            default: preconditionFailure("sum/avg of \(column!.type)")
            }
        }
    }
}
