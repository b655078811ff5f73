import Columnar

/// count / sum / avg / min / max over frames `[partition start, end)` with `end` never decreasing inside
/// a partition: one pass that extends a running state, O(n) overall.
enum RunningAggregation {
    static func evaluate(
        _ kind: RunningAggregateKind, arguments: [Column], resultType: DataType, layout: WindowLayout, ends: [Int32]
    ) throws(KernelError) -> Column {
        let n = layout.rowCount
        let order = layout.order
        let column = arguments.first
        let present = column.map(RowValidity.init)
        /// Walks positions; `extend(row)` adds an original row to the state, `emit(row, count)` records the
        /// current result for an original row; `reset()` starts a partition.
        func walk(reset: () -> Void, extend: (Int) throws(KernelError) -> Void, emit: (Int) -> Void) throws(KernelError)
        {
            var reached = 0
            for p in 0..<n {
                if p == Int(layout.partitionStart[p]) {
                    reset()
                    reached = p
                }
                while reached < Int(ends[p]) {
                    let row = Int(order[reached])
                    if present?.isValid(row) ?? true { try extend(row) }
                    reached += 1
                }
                emit(Int(order[p]))
            }
        }
        switch kind {
        case .count, .countStar:
            var result = [Int64](repeating: 0, count: n)
            var count: Int64 = 0
            try walk(reset: { count = 0 }, extend: { _ in count += 1 }, emit: { result[$0] = count })
            return Column(.bigint(result))
        case .sum, .average:
            var counts = [Int64](repeating: 0, count: n)
            var count: Int64 = 0
            switch column!.storage {
            case .bigint(let values) where kind == .sum:
                var result = [Int64](repeating: 0, count: n)
                var sum: Int64 = 0
                try walk(
                    reset: {
                        sum = 0; count = 0
                    },
                    extend: { row throws(KernelError) in
                        let (next, overflow) = sum.addingReportingOverflow(values[row])
                        if overflow { throw KernelError(.overflow, "Overflow in SUM of BIGINT values") }
                        sum = next
                        count += 1
                    },
                    emit: {
                        result[$0] = sum; counts[$0] = count
                    })
                return Column(.bigint(result), validity: validity(counts))
            case .bigint(let values):
                var result = [Double](repeating: 0, count: n)
                var high: Int64 = 0, low: UInt64 = 0
                try walk(
                    reset: {
                        high = 0; low = 0; count = 0
                    },
                    extend: { row in
                        IntegerAverageAccumulator.add(values[row], high: &high, low: &low)
                        count += 1
                    },
                    emit: { row in
                        counts[row] = count
                        if count > 0 {
                            result[row] = IntegerAverageAccumulator.double(high: high, low: low) / Double(count)
                        }
                    })
                return Column(.double(result), validity: validity(counts))
            case .double(let values):
                var result = [Double](repeating: 0, count: n)
                var sum: Double = 0
                let averages = kind == .average
                try walk(
                    reset: {
                        sum = 0; count = 0
                    },
                    extend: { row in
                        sum += values[row]; count += 1
                    },
                    emit: { row in
                        counts[row] = count
                        if count > 0 { result[row] = averages ? sum / Double(count) : sum }
                    })
                return Column(.double(result), validity: validity(counts))
            default: preconditionFailure("sum/avg of \(column!.type)")
            }
        case .minimum, .maximum:
            let images =
                SortImage.images(of: SortKey(column: column!), rowCount: n).last?.values
                ?? [UInt64](repeating: 0, count: n)
            let isMax = kind == .maximum
            var sources = [Int32](repeating: -1, count: n)
            var best = -1
            try walk(
                reset: { best = -1 },
                extend: { row in
                    if best < 0 || (isMax ? images[row] > images[best] : images[row] < images[best]) { best = row }
                }, emit: { sources[$0] = Int32(best) })
            return WindowGather.select(column!, rows: sources)
        }
    }

    private static func validity(_ counts: [Int64]) -> Validity? {
        AccumulatorSupport.validity(groupCount: counts.count) { counts[$0] > 0 }
    }
}
