import Columnar

/// Aggregates over window frames, by the cheapest strategy that fits:
/// 1. frames spanning the whole partition: one accumulator, one group per partition, computed once;
/// 2. frames starting at UNBOUNDED PRECEDING for count/sum/avg/min/max: one running pass per partition;
/// 3. sliding frames (neither bound moves back) for count/sum/avg/min/max: `SlidingAggregation`;
/// 4. numeric quantiles over sliding or growing frames: `WindowQuantile`, an order-statistics tree;
///    bool_and/bool_or and variances over any frames: `FrameStatistics`; count(DISTINCT x) over frames
///    whose ends never move back: `DistinctCounting`;
/// 5. other aggregates over frames growing from the partition start: `GrowingAggregation`, each row fed
///    once;
/// 6. anything else: one group per distinct consecutive frame, fed every row of its frame
///    (O(n · frame size)).
enum WindowAggregation {
    static func evaluate(
        _ overload: AggregateOverload, arguments: [Column], distinct: Bool, layout: WindowLayout,
        frame: FrameSpecification, orderBy: [SortKey]
    ) throws(KernelError) -> Column {
        let n = layout.rowCount
        let (starts, ends) = try layout.frames(frame, orderBy: orderBy)
        var wholePartition = true
        for p in 0..<n where starts[p] != layout.partitionStart[p] || ends[p] != layout.partitionEnd[p] {
            wholePartition = false
            break
        }
        if wholePartition {
            return try byPartition(overload, arguments: arguments, distinct: distinct, layout: layout)
        }
        if distinct, overload.runningKind == .count, DistinctCounting.applies(layout, ends: ends) {
            return DistinctCounting.evaluate(arguments[0], layout: layout, starts: starts, ends: ends)
        }
        if !distinct, let statistic = overload.frameStatistic,
            !statistic.needsSlidingFrames || SlidingAggregation.slides(layout, starts: starts, ends: ends)
        {
            return FrameStatistics.evaluate(statistic, arguments: arguments, layout: layout, starts: starts, ends: ends)
        }
        if !distinct, let kind = overload.runningKind, frame.start == .unboundedPreceding {
            return try RunningAggregation.evaluate(
                kind, arguments: arguments, resultType: overload.returnType, layout: layout, ends: ends)
        }
        if !distinct, let kind = overload.runningKind, SlidingAggregation.slides(layout, starts: starts, ends: ends) {
            return try SlidingAggregation.evaluate(
                kind, arguments: arguments, layout: layout, starts: starts, ends: ends)
        }
        if !distinct, let quantile = overload.quantile, SlidingAggregation.slides(layout, starts: starts, ends: ends) {
            return try WindowQuantile.evaluate(
                quantile, arguments: arguments, resultType: overload.returnType, layout: layout, starts: starts,
                ends: ends)
        }
        if GrowingAggregation.applies(layout, starts: starts, ends: ends) {
            return try GrowingAggregation.evaluate(
                overload, arguments: arguments, distinct: distinct, layout: layout, ends: ends)
        }
        return try byFrame(
            overload, arguments: arguments, distinct: distinct, layout: layout, starts: starts, ends: ends)
    }

    /// Whole-partition frames without ORDER BY: one group per partition, rows fed in input order.
    static func unordered(
        _ overload: AggregateOverload, arguments: [Column], distinct: Bool, partitionBy: [Column], rowCount: Int
    ) throws(KernelError) -> Column {
        let partitions = GroupIndex(keyTypes: partitionBy.map(\.type))
        let groups = partitions.groupIDs(for: partitionBy, rowCount: rowCount)
        let accumulator = overload.makeAccumulator(distinct)
        try groups.withUnsafeBufferPointer { groups throws(KernelError) in
            try accumulator.update(groups: groups, arguments: arguments)
        }
        let perPartition = try accumulator.finalize(groupCount: partitions.groupCount)
        return perPartition.gather(groups.map { Int32($0) })
    }

    private static func byPartition(
        _ overload: AggregateOverload, arguments: [Column], distinct: Bool, layout: WindowLayout
    ) throws(KernelError) -> Column {
        let accumulator = overload.makeAccumulator(distinct)
        // Feed in sorted order so order-sensitive aggregates (string_agg, first) follow ORDER BY.
        let sortedArguments = arguments.map { $0.gather(layout.order) }
        let groups = layout.order.map { layout.partitionOfRow[Int($0)] }
        try groups.withUnsafeBufferPointer { groups throws(KernelError) in
            try accumulator.update(groups: groups, arguments: sortedArguments)
        }
        let perPartition = try accumulator.finalize(groupCount: layout.partitionCount)
        return perPartition.gather(layout.partitionOfRow.map { Int32($0) })
    }

    private static func byFrame(
        _ overload: AggregateOverload, arguments: [Column], distinct: Bool, layout: WindowLayout,
        starts: [Int32], ends: [Int32]
    ) throws(KernelError) -> Column {
        let n = layout.rowCount
        let accumulator = overload.makeAccumulator(distinct)
        var frameOfRow = [Int32](repeating: 0, count: n)
        var frameCount: Int32 = 0
        var batchGroups: [UInt32] = []
        var batchRows: [Int32] = []
        let batchLimit = 1 << 16
        func flush() throws(KernelError) {
            guard !batchRows.isEmpty else { return }
            let picked = arguments.map { $0.gather(batchRows) }
            try batchGroups.withUnsafeBufferPointer { groups throws(KernelError) in
                try accumulator.update(groups: groups, arguments: picked)
            }
            batchGroups.removeAll(keepingCapacity: true)
            batchRows.removeAll(keepingCapacity: true)
        }
        for p in 0..<n {
            let isRepeat =
                p > 0 && starts[p] == starts[p - 1] && ends[p] == ends[p - 1]
                && layout.partitionStart[p] == layout.partitionStart[p - 1]
            if !isRepeat {
                frameCount += 1
                for position in Int(starts[p])..<Int(ends[p]) {
                    batchGroups.append(UInt32(frameCount - 1))
                    batchRows.append(layout.order[position])
                }
                if batchRows.count >= batchLimit { try flush() }
            }
            frameOfRow[Int(layout.order[p])] = frameCount - 1
        }
        try flush()
        return try accumulator.finalize(groupCount: Int(frameCount)).gather(frameOfRow)
    }
}
