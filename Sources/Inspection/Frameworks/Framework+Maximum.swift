extension Framework {
    /// The highest score `measure` can take, from the framework file alone: 100 for a percent; for
    /// points, the sum of its parts' maxima (`total` = twelve standards × 3 = 36) or its scale's top
    /// cut-point (a standard's Outstanding = 3); nil when the file does not tell (a rating without a scale).
    public func maximum(of measure: Measure) -> Double? {
        maximum(of: measure, depth: 0)
    }

    private func maximum(of measure: Measure, depth: Int) -> Double? {
        if measure.value == .percent { return 100 }
        // A sum of sums is finite in a valid file; the depth only guards a cyclic one.
        if case .sum(let parts)? = measure.rule, depth < 16 {
            var total = 0.0
            for id in parts {
                guard let part = self.measure(id), let top = maximum(of: part, depth: depth + 1) else { return nil }
                total += top
            }
            return total
        }
        return scale(for: measure)?.bands.last?.from
    }
}
