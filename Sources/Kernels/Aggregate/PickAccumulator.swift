import Columnar

/// `first` / `last` (the group's first / last row in input order, NULL included, as DuckDB) and
/// `any_value` (the first non-NULL value). Boxes one value per group per chunk, never per row.
final class PickAccumulator: GroupedAccumulator {
    enum Rule { case first, last, anyValue }

    private let type: DataType
    private let rule: Rule
    private var picked: [Value?] = []

    init(type: DataType, rule: Rule) {
        self.type = type
        self.rule = rule
    }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        let column = arguments[0]
        AccumulatorSupport.grow(&picked, to: AccumulatorSupport.requiredCount(groups), with: nil)
        switch rule {
        case .first:
            for row in 0..<groups.count where picked[Int(groups[row])] == nil { picked[Int(groups[row])] = column[row] }
        case .anyValue:
            AccumulatorSupport.forEachValidRow(column) { row in
                if picked[Int(groups[row])] == nil { picked[Int(groups[row])] = column[row] }
            }
        case .last:
            var lastRow = [Int: Int]()
            for row in 0..<groups.count { lastRow[Int(groups[row])] = row }
            for (g, row) in lastRow { picked[g] = column[row] }
        }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: PickAccumulator.self)
        AccumulatorSupport.grow(&picked, to: AccumulatorSupport.requiredCount(mapping), with: nil)
        for g in 0..<min(other.picked.count, mapping.count) {
            guard let value = other.picked[g] else { continue }
            let t = Int(mapping[g])
            if rule == .last || picked[t] == nil { picked[t] = value }
        }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        Column(type: type, values: (0..<groupCount).map { g in g < picked.count ? (picked[g] ?? .null) : .null })
    }
}
