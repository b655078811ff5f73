import Columnar

/// `var_samp`, `var_pop`, `stddev_samp`, `stddev_pop`: Welford's streaming mean and sum of squared
/// deviations per group, combined across partial states with Chan et al.'s parallel formula.
final class VarianceAccumulator: GroupedAccumulator {
    enum Statistic { case sampleVariance, populationVariance, sampleDeviation, populationDeviation }

    private let statistic: Statistic
    private var counts: [Double] = []
    private var means: [Double] = []
    private var squares: [Double] = []

    init(_ statistic: Statistic) { self.statistic = statistic }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        let needed = AccumulatorSupport.requiredCount(groups)
        // The state arrays are moved into locals and walked through buffers: touching the properties from
        // the per-row closure would pay a dynamic exclusivity check per access.
        var counts = self.counts, means = self.means, squares = self.squares
        self.counts = []; self.means = []; self.squares = []
        AccumulatorSupport.grow(&counts, to: needed, with: 0)
        AccumulatorSupport.grow(&means, to: needed, with: 0)
        AccumulatorSupport.grow(&squares, to: needed, with: 0)
        let column = arguments[0]
        let values = StatisticsSupport.doubles(column)
        values.withUnsafeBufferPointer { values in
            counts.withUnsafeMutableBufferPointer { counts in
                means.withUnsafeMutableBufferPointer { means in
                    squares.withUnsafeMutableBufferPointer { squares in
                        AccumulatorSupport.forEachValidRow(column) { row in
                            let g = Int(groups[row])
                            let x = values[row]
                            counts[g] += 1
                            let delta = x - means[g]
                            means[g] += delta / counts[g]
                            squares[g] += delta * (x - means[g])
                        }
                    }
                }
            }
        }
        self.counts = counts; self.means = means; self.squares = squares
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: VarianceAccumulator.self)
        let needed = AccumulatorSupport.requiredCount(mapping)
        AccumulatorSupport.grow(&counts, to: needed, with: 0)
        AccumulatorSupport.grow(&means, to: needed, with: 0)
        AccumulatorSupport.grow(&squares, to: needed, with: 0)
        for g in 0..<min(other.counts.count, mapping.count) where other.counts[g] > 0 {
            let t = Int(mapping[g])
            let n = counts[t] + other.counts[g]
            let delta = other.means[g] - means[t]
            squares[t] += other.squares[g] + delta * delta * counts[t] * other.counts[g] / n
            means[t] += delta * other.counts[g] / n
            counts[t] = n
        }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        let minimum: Double = statistic == .sampleVariance || statistic == .sampleDeviation ? 2 : 1
        let values = (0..<groupCount).map { g -> Double in
            guard g < counts.count, counts[g] >= minimum else { return 0 }
            switch statistic {
            case .sampleVariance: return squares[g] / (counts[g] - 1)
            case .populationVariance: return squares[g] / counts[g]
            case .sampleDeviation: return (squares[g] / (counts[g] - 1)).squareRoot()
            case .populationDeviation: return (squares[g] / counts[g]).squareRoot()
            }
        }
        let validity = AccumulatorSupport.validity(groupCount: groupCount) {
            $0 < counts.count && counts[$0] >= minimum
        }
        return Column(.double(values), validity: validity)
    }
}
