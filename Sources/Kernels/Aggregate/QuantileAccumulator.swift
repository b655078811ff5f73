import Columnar

/// `median`, `quantile_cont(x, p)` and `quantile_disc(x, p)`: keeps every non-NULL value (as an order image,
/// with its group) and selects per group at the end.
///
/// - `quantile_cont` (and `median`) interpolate: with the group's n values sorted, RN = (n − 1)·p,
///   result = v[⌊RN⌋] + (RN − ⌊RN⌋)·(v[⌈RN⌉] − v[⌊RN⌋]), a DOUBLE (DuckDB's rule; `median` of integers is
///   DOUBLE, e.g. 1.5).
/// - `quantile_disc` returns an actual value: v[max(1, ⌈n·p⌉) − 1] (DuckDB's index, computed as it does:
///   n − ⌊n − n·p⌋), of the argument's type.
final class QuantileAccumulator: GroupedAccumulator {
    private let type: DataType
    private let continuous: Bool
    private var fraction: Double?
    private var groupOfValue: [UInt32] = []
    private var keys: [UInt64] = []

    /// - Parameter fraction: fixed p (median: 0.5), or nil to read it from the second argument.
    init(type: DataType, continuous: Bool, fraction: Double?) {
        self.type = type
        self.continuous = continuous
        self.fraction = fraction
    }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        if fraction == nil, arguments.count > 1, groups.count > 0 {
            fraction = try QuantileAccumulator.fraction(arguments[1])
        }
        let column = arguments[0]
        // Appended through locals: the properties touched from the per-row closure would pay a dynamic
        // exclusivity check per row.
        var groupOfValue = self.groupOfValue, keys = self.keys
        self.groupOfValue = []; self.keys = []
        if continuous, case .bigint(let values) = column.storage {
            AccumulatorSupport.forEachValidRow(column) { row in
                groupOfValue.append(groups[row])
                keys.append(KeyNormalization.orderBits(Double(values[row])))
            }
        } else {
            KeyNormalization.withOrderKeys(column) { key in
                AccumulatorSupport.forEachValidRow(column) { row in
                    groupOfValue.append(groups[row])
                    keys.append(key(row))
                }
            }
        }
        self.groupOfValue = groupOfValue; self.keys = keys
    }

    /// The order images the quantiles select among: integers as DOUBLE when interpolating.
    static func withKeys(_ column: Column, continuous: Bool, _ body: ((Int) -> UInt64) -> Void) {
        if continuous, case .bigint(let values) = column.storage {
            body { KeyNormalization.orderBits(Double(values[$0])) }
            return
        }
        KeyNormalization.withOrderKeys(column, body)
    }

    static func fraction(_ column: Column) throws(KernelError) -> Double {
        let p: Double
        switch AccumulatorSupport.firstValue(column) {
        case .double(let v): p = v
        case .bigint(let v): p = Double(v)
        default: throw KernelError(.invalidArgument, "QUANTILE needs a constant, non-NULL fraction")
        }
        guard p >= 0, p <= 1 else {
            throw KernelError(
                .invalidArgument, "QUANTILE can only take parameters in the range [0, 1], got \(Value.format(p))")
        }
        return p
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: QuantileAccumulator.self)
        if fraction == nil { fraction = other.fraction }
        groupOfValue += other.groupOfValue.map { mapping[Int($0)] }
        keys += other.keys
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        let p = fraction ?? 0.5
        // Bucket values by group (counting sort), then select within each bucket.
        var start = [Int](repeating: 0, count: groupCount + 1)
        for g in groupOfValue where Int(g) < groupCount { start[Int(g) + 1] += 1 }
        for g in 0..<groupCount { start[g + 1] += start[g] }
        var fill = start
        var bucketed = [UInt64](repeating: 0, count: start[groupCount])
        for (g, key) in zip(groupOfValue, keys) where Int(g) < groupCount {
            bucketed[fill[Int(g)]] = key
            fill[Int(g)] += 1
        }
        var resultKeys = [UInt64](repeating: 0, count: groupCount)
        var doubles = [Double](repeating: 0, count: groupCount)
        bucketed.withUnsafeMutableBufferPointer { all in
            for g in 0..<groupCount where start[g + 1] > start[g] {
                // Selection, not a sort: the wanted order statistic in expected linear time.
                let values = UnsafeMutableBufferPointer(rebasing: all[start[g]..<start[g + 1]])
                let n = values.count
                if continuous {
                    let position = Double(n - 1) * p
                    let lower = position.rounded(.down), upper = position.rounded(.up)
                    let low = QuantileAccumulator.double(QuantileAccumulator.select(values, Int(lower)))
                    var high = low
                    if upper != lower {
                        // After selecting index k, the (k+1)-th smallest is the minimum of what lies above k.
                        var next = values[Int(upper)]
                        for i in Int(upper)..<n where values[i] < next { next = values[i] }
                        high = QuantileAccumulator.double(next)
                    }
                    doubles[g] = lower == upper ? low : low + (position - lower) * (high - low)
                } else {
                    resultKeys[g] = QuantileAccumulator.select(
                        values, QuantileAccumulator.discreteIndex(count: n, fraction: p))
                }
            }
        }
        let validity = AccumulatorSupport.validity(groupCount: groupCount) { start[$0 + 1] > start[$0] }
        if continuous { return Column(.double(doubles), validity: validity) }
        return KeyNormalization.column(fromOrderKeys: resultKeys, type: type, validity: validity)
    }

    /// The continuous p-quantile of `n` sorted keys, `key(i)` the i-th: DuckDB's interpolation.
    static func interpolated(count n: Int, fraction p: Double, key: (Int) -> UInt64) -> Double {
        let position = Double(n - 1) * p
        let lower = position.rounded(.down), upper = position.rounded(.up)
        let low = QuantileAccumulator.double(key(Int(lower)))
        if lower == upper { return low }
        let high = QuantileAccumulator.double(key(Int(upper)))
        return low + (position - lower) * (high - low)
    }

    /// The k-th smallest of `values` (0-based), leaving it at index k with nothing larger before it and
    /// nothing smaller after it (Hoare's selection with median-of-three pivots; insertion sort when short).
    static func select(_ values: UnsafeMutableBufferPointer<UInt64>, _ k: Int) -> UInt64 {
        var low = 0, high = values.count - 1
        while high - low > 16 {
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while pivot < values[j] { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return values[k]
            }
        }
        if low < high {
            for i in (low + 1)...high {
                let value = values[i]
                var j = i
                while j > low && values[j - 1] > value {
                    values[j] = values[j - 1]
                    j -= 1
                }
                values[j] = value
            }
        }
        return values[k]
    }

    /// DuckDB's discrete quantile index, computed as it does (n − ⌊n − n·p⌋, at least 1, minus 1).
    static func discreteIndex(count n: Int, fraction p: Double) -> Int {
        let floored = (Double(n) - Double(n) * p).rounded(.down)
        return min(max(1, n - Int(floored)), n) - 1
    }

    @inline(__always)
    static func double(_ key: UInt64) -> Double {
        key & (1 << 63) != 0 ? Double(bitPattern: key ^ (1 << 63)) : Double(bitPattern: ~key)
    }
}
