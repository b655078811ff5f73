import Columnar

/// `quantile_disc(x, p)` and `median(x)` of VARCHAR: the string at DuckDB's discrete index
/// v[max(1, ⌈n·p⌉) − 1] in code-point order (so the median of an even count is the lower middle).
final class StringQuantileAccumulator: GroupedAccumulator {
    private var fraction: Double?
    private var groupOfValue: [UInt32] = []
    private var values: [String] = []

    init(fraction: Double?) { self.fraction = fraction }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        if fraction == nil, arguments.count > 1, groups.count > 0 {
            fraction = try QuantileAccumulator.fraction(arguments[1])
        }
        guard case .varchar(let codes, let dictionary) = arguments[0].storage else {
            preconditionFailure("expects VARCHAR")
        }
        AccumulatorSupport.forEachValidRow(arguments[0]) { row in
            groupOfValue.append(groups[row])
            values.append(dictionary.strings[Int(codes[row])])
        }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: StringQuantileAccumulator.self)
        if fraction == nil { fraction = other.fraction }
        groupOfValue += other.groupOfValue.map { mapping[Int($0)] }
        values += other.values
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        let p = fraction ?? 0.5
        var buckets = [[String]](repeating: [], count: groupCount)
        for (g, value) in zip(groupOfValue, values) where Int(g) < groupCount { buckets[Int(g)].append(value) }
        var builder = ColumnBuilder(type: .varchar, capacity: groupCount)
        for bucket in buckets {
            guard !bucket.isEmpty else { builder.appendNull(); continue }
            let sorted = bucket.sorted { $0.binaryPrecedes($1) }
            builder.append(sorted[QuantileAccumulator.discreteIndex(count: sorted.count, fraction: p)])
        }
        return builder.build()
    }
}
