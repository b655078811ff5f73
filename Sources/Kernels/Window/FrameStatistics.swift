import Columnar

/// `bool_and`, `bool_or` and the variance family (`var_samp`, `var_pop`, `stddev_samp`, `stddev_pop`)
/// over any frames, sliding ones included: booleans from prefix counts of true and false values (O(1) a
/// frame), variances from a segment tree of (count, mean, sum of squared deviations) summaries merged
/// with Chan et al.'s formula, as `VarianceAccumulator` merges partial states (O(log n) a frame). Sliding
/// frames were fed every row of every frame: O(n · frame size).
enum FrameStatistics {
    static func evaluate(
        _ kind: FrameStatisticKind, arguments: [Column], layout: WindowLayout, starts: [Int32], ends: [Int32]
    ) -> Column {
        let n = layout.rowCount
        let column = arguments[0]
        let present = RowValidity(column)
        var validity = Validity(allValid: n)
        var anyNull = false
        func setNull(_ p: Int) {
            validity.set(Int(layout.order[p]), valid: false)
            anyNull = true
        }
        switch kind {
        case .argExtremum(let isMax):
            return argExtremum(arguments, isMax: isMax, layout: layout, starts: starts, ends: ends)
        case .booleanAnd, .booleanOr:
            guard case .boolean(let values) = column.storage else { preconditionFailure("expects BOOLEAN") }
            var trues = [Int](repeating: 0, count: n + 1), falses = [Int](repeating: 0, count: n + 1)
            for q in 0..<n {
                let row = Int(layout.order[q])
                let valid = present.isValid(row)
                trues[q + 1] = trues[q] + (valid && values[row] ? 1 : 0)
                falses[q + 1] = falses[q] + (valid && !values[row] ? 1 : 0)
            }
            var results = [Bool](repeating: false, count: n)
            for p in 0..<n {
                let (s, e) = (Int(starts[p]), max(Int(ends[p]), Int(starts[p])))
                let t = trues[e] - trues[s], f = falses[e] - falses[s]
                if t + f == 0 {
                    setNull(p)
                    continue
                }
                results[Int(layout.order[p])] = kind == .booleanAnd ? f == 0 : t > 0
            }
            return Column(.boolean(results), validity: anyNull ? validity : nil)
        case .variance(let statistic):
            var leaves = [Moments](repeating: Moments(), count: n)
            for q in 0..<n {
                let row = Int(layout.order[q])
                guard present.isValid(row) else { continue }
                switch column.storage {
                case .double(let values): leaves[q] = Moments(values[row])
                case .bigint(let values): leaves[q] = Moments(Double(values[row]))
                default: preconditionFailure("expected a numeric column")
                }
            }
            let tree = MomentTree(leaves)
            let minimum: Double = statistic == .sampleVariance || statistic == .sampleDeviation ? 2 : 1
            var results = [Double](repeating: 0, count: n)
            for p in 0..<n {
                let m = tree.query(Int(starts[p])..<max(Int(ends[p]), Int(starts[p])))
                guard m.count >= minimum else {
                    setNull(p)
                    continue
                }
                let value: Double
                switch statistic {
                case .sampleVariance: value = m.squares / (m.count - 1)
                case .populationVariance: value = m.squares / m.count
                case .sampleDeviation: value = (m.squares / (m.count - 1)).squareRoot()
                case .populationDeviation: value = (m.squares / m.count).squareRoot()
                }
                results[Int(layout.order[p])] = value
            }
            return Column(.double(results), validity: anyNull ? validity : nil)
        }
    }
}

extension FrameStatistics {
    /// `arg_max(x, by)` / `arg_min(x, by)` over frames whose bounds never move back: a queue of the
    /// positions that can still be a frame's winner, best `by` first. Of tied rows the earliest wins, as
    /// in `ArgExtremumAccumulator` (a newcomer evicts only strictly worse candidates); rows with a NULL
    /// `x` or `by` never enter.
    static func argExtremum(
        _ arguments: [Column], isMax: Bool, layout: WindowLayout, starts: [Int32], ends: [Int32]
    ) -> Column {
        let n = layout.rowCount
        let (value, by) = (arguments[0], arguments[1])
        let images =
            SortImage.images(of: SortKey(column: by), rowCount: n).last?.values ?? [UInt64](repeating: 0, count: n)
        let valueValid = RowValidity(value), byValid = RowValidity(by)
        func better(_ a: Int, than b: Int) -> Bool { isMax ? images[a] > images[b] : images[a] < images[b] }
        var chosen = [Int32](repeating: -1, count: n)
        var queue = [Int](repeating: 0, count: n)  // positions, best first
        var head = 0, tail = 0, added = 0
        for p in 0..<n {
            if p == Int(layout.partitionStart[p]) {
                head = 0
                tail = 0
                added = p
            }
            let start = Int(starts[p]), end = Int(ends[p])
            while added < end {
                let row = Int(layout.order[added])
                if valueValid.isValid(row) && byValid.isValid(row) {
                    while tail > head && better(row, than: Int(layout.order[queue[tail - 1]])) { tail -= 1 }
                    queue[tail] = added
                    tail += 1
                }
                added += 1
            }
            while tail > head && queue[head] < start { head += 1 }
            if tail > head && end > start { chosen[Int(layout.order[p])] = layout.order[queue[head]] }
        }
        return WindowGather.select(value, rows: chosen)
    }
}

/// Count, mean and sum of squared deviations of some values.
struct Moments {
    var count: Double = 0
    var mean: Double = 0
    var squares: Double = 0

    init() {}

    init(_ x: Double) {
        count = 1
        mean = x
    }

    /// The moments of both sets of values together (Chan et al.).
    func merged(with other: Moments) -> Moments {
        if other.count == 0 { return self }
        if count == 0 { return other }
        var result = Moments()
        result.count = count + other.count
        let delta = other.mean - mean
        result.mean = mean + delta * other.count / result.count
        result.squares = squares + other.squares + delta * delta * count * other.count / result.count
        return result
    }
}

/// A bottom-up segment tree of `Moments` over positions.
struct MomentTree {
    private let size: Int
    private var nodes: [Moments]

    init(_ leaves: [Moments]) {
        size = leaves.count
        nodes = [Moments](repeating: Moments(), count: 2 * max(size, 1))
        for i in 0..<size { nodes[size + i] = leaves[i] }
        var i = size - 1
        while i >= 1 {
            nodes[i] = nodes[2 * i].merged(with: nodes[2 * i + 1])
            i -= 1
        }
    }

    func query(_ range: Range<Int>) -> Moments {
        var left = Moments(), right = Moments()
        var low = range.lowerBound + size, high = range.upperBound + size
        while low < high {
            if low & 1 == 1 {
                left = left.merged(with: nodes[low])
                low += 1
            }
            if high & 1 == 1 {
                high -= 1
                right = nodes[high].merged(with: right)
            }
            low /= 2
            high /= 2
        }
        return left.merged(with: right)
    }
}
