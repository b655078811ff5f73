import Columnar

/// `arg_max(x, by)` / `arg_min(x, by)` (also `max_by` / `min_by`): the `x` of the row with the largest
/// (smallest) `by` — "which area had the highest score". Rows where `x` or `by` is NULL are skipped, as
/// in DuckDB; of tied rows the first seen wins. `by` compares as `max`/`min` do (text by code point).
final class ArgExtremumAccumulator: GroupedAccumulator {
    private let type: DataType
    private let isMax: Bool
    /// The winning `by` of each group as an order image (numbers, dates, booleans) or UTF-8 text.
    private var bestKey: [UInt64] = []
    private var bestText: [BinaryString?] = []
    private var picked: [Value?] = []

    init(type: DataType, isMax: Bool) {
        self.type = type
        self.isMax = isMax
    }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        let (value, by) = (arguments[0], arguments[1])
        let needed = AccumulatorSupport.requiredCount(groups)
        AccumulatorSupport.grow(&picked, to: needed, with: nil)
        if case .varchar(let codes, let dictionary) = by.storage {
            AccumulatorSupport.grow(&bestText, to: needed, with: nil)
            AccumulatorSupport.forEachValidRow(by) { row in
                guard !value.isNull(row) else { return }
                let g = Int(groups[row])
                let text = BinaryString(dictionary[codes[row]])
                if let best = bestText[g], !(isMax ? best < text : text < best) { return }
                bestText[g] = text
                picked[g] = value[row]
            }
            return
        }
        AccumulatorSupport.grow(&bestKey, to: needed, with: 0)
        KeyNormalization.withOrderKeys(by) { key in
            AccumulatorSupport.forEachValidRow(by) { row in
                guard !value.isNull(row) else { return }
                let g = Int(groups[row])
                let k = key(row)
                if picked[g] != nil && !(isMax ? k > bestKey[g] : k < bestKey[g]) { return }
                bestKey[g] = k
                picked[g] = value[row]
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: ArgExtremumAccumulator.self)
        let needed = AccumulatorSupport.requiredCount(mapping)
        AccumulatorSupport.grow(&picked, to: needed, with: nil)
        AccumulatorSupport.grow(&bestKey, to: needed, with: 0)
        AccumulatorSupport.grow(&bestText, to: needed, with: nil)
        for g in 0..<min(other.picked.count, mapping.count) {
            guard let value = other.picked[g] else { continue }
            let t = Int(mapping[g])
            if picked[t] != nil {
                let better: Bool
                if g < other.bestText.count, let text = other.bestText[g], let best = bestText[t] {
                    better = isMax ? best < text : text < best
                } else {
                    better = isMax ? other.bestKey[g] > bestKey[t] : other.bestKey[g] < bestKey[t]
                }
                if !better { continue }
            }
            picked[t] = value
            if g < other.bestKey.count { bestKey[t] = other.bestKey[g] }
            if g < other.bestText.count { bestText[t] = other.bestText[g] }
        }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        Column(type: type, values: (0..<groupCount).map { g in g < picked.count ? (picked[g] ?? .null) : .null })
    }
}
