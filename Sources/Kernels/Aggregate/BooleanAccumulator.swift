import Columnar

/// `bool_and` (every non-NULL value true) and `bool_or` (any true); NULL for a group without values.
final class BooleanAccumulator: GroupedAccumulator {
    private let isAnd: Bool
    /// 0: no value yet; 1: false; 2: true.
    private var states: [UInt8] = []

    init(isAnd: Bool) { self.isAnd = isAnd }

    @inline(__always)
    private func combine(_ state: UInt8, _ value: UInt8) -> UInt8 {
        if state == 0 { return value }
        return isAnd ? min(state, value) : max(state, value)
    }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        guard case .boolean(let values) = arguments[0].storage else { preconditionFailure("expects BOOLEAN") }
        AccumulatorSupport.grow(&states, to: AccumulatorSupport.requiredCount(groups), with: 0)
        AccumulatorSupport.forEachValidRow(arguments[0]) { row in
            let g = Int(groups[row])
            states[g] = combine(states[g], values[row] ? 2 : 1)
        }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: BooleanAccumulator.self)
        AccumulatorSupport.grow(&states, to: AccumulatorSupport.requiredCount(mapping), with: 0)
        for g in 0..<min(other.states.count, mapping.count) where other.states[g] != 0 {
            let t = Int(mapping[g])
            states[t] = combine(states[t], other.states[g])
        }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        let values = (0..<groupCount).map { $0 < states.count && states[$0] == 2 }
        let validity = AccumulatorSupport.validity(groupCount: groupCount) { $0 < states.count && states[$0] != 0 }
        return Column(.boolean(values), validity: validity)
    }
}
