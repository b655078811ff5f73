import Columnar

/// `min`/`max` of BIGINT, DOUBLE, DATE, BOOLEAN: compares order images (NaN above every number).
final class ExtremumAccumulator: GroupedAccumulator {
    private let type: DataType
    private let isMax: Bool
    private var best: [UInt64] = []
    private var has: [Bool] = []

    init(type: DataType, isMax: Bool) {
        self.type = type
        self.isMax = isMax
    }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        let needed = AccumulatorSupport.requiredCount(groups)
        var best = self.best, has = self.has
        self.best = []; self.has = []
        AccumulatorSupport.grow(&best, to: needed, with: 0)
        AccumulatorSupport.grow(&has, to: needed, with: false)
        let isMax = self.isMax
        best.withUnsafeMutableBufferPointer { best in
            has.withUnsafeMutableBufferPointer { has in
                KeyNormalization.withOrderKeys(arguments[0]) { key in
                    AccumulatorSupport.forEachValidRow(arguments[0]) { row in
                        let g = Int(groups[row])
                        let k = key(row)
                        if !has[g] || (isMax ? k > best[g] : k < best[g]) {
                            best[g] = k
                            has[g] = true
                        }
                    }
                }
            }
        }
        self.best = best; self.has = has
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: ExtremumAccumulator.self)
        let needed = AccumulatorSupport.requiredCount(mapping)
        AccumulatorSupport.grow(&best, to: needed, with: 0)
        AccumulatorSupport.grow(&has, to: needed, with: false)
        for g in 0..<min(other.has.count, mapping.count) where other.has[g] {
            let t = Int(mapping[g]), k = other.best[g]
            if !has[t] || (isMax ? k > best[t] : k < best[t]) {
                best[t] = k
                has[t] = true
            }
        }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        let keys = (0..<groupCount).map { $0 < best.count ? best[$0] : 0 }
        let validity = AccumulatorSupport.validity(groupCount: groupCount) { $0 < has.count && has[$0] }
        return KeyNormalization.column(fromOrderKeys: keys, type: type, validity: validity)
    }
}

/// `min`/`max` of VARCHAR by code point: within a chunk rows compete by dictionary rank (integers);
/// only each touched group's chunk winner is compared as a string with the running best.
final class StringExtremumAccumulator: GroupedAccumulator {
    private let isMax: Bool
    private var best: [String?] = []
    private let ranks = DictionaryRankCache()
    /// Scratch per group: the winning code of the current chunk, or `UInt32.max`.
    private var chunkBest: [UInt32] = []

    init(isMax: Bool) { self.isMax = isMax }

    func update(groups: UnsafeBufferPointer<UInt32>, arguments: [Column]) throws(KernelError) {
        guard case .varchar(let codes, let dictionary) = arguments[0].storage else {
            preconditionFailure("expected VARCHAR")
        }
        let needed = AccumulatorSupport.requiredCount(groups)
        AccumulatorSupport.grow(&best, to: needed, with: nil)
        var chunkBest = self.chunkBest
        self.chunkBest = []
        AccumulatorSupport.grow(&chunkBest, to: needed, with: UInt32.max)
        let rank = ranks.ranks(of: dictionary)
        var touched: [Int] = []
        let isMax = self.isMax
        codes.withUnsafeBufferPointer { codes in
            rank.withUnsafeBufferPointer { rank in
                chunkBest.withUnsafeMutableBufferPointer { chunkBest in
                    AccumulatorSupport.forEachValidRow(arguments[0]) { row in
                        let g = Int(groups[row])
                        let code = codes[row]
                        let current = chunkBest[g]
                        if current == UInt32.max {
                            chunkBest[g] = code
                            touched.append(g)
                        } else if isMax ? rank[Int(code)] > rank[Int(current)] : rank[Int(code)] < rank[Int(current)] {
                            chunkBest[g] = code
                        }
                    }
                }
            }
        }
        for g in touched {
            offer(dictionary.strings[Int(chunkBest[g])], to: g)
            chunkBest[g] = UInt32.max
        }
        self.chunkBest = chunkBest
    }

    private func offer(_ candidate: String, to g: Int) {
        guard let current = best[g] else { best[g] = candidate; return }
        if isMax ? current.binaryPrecedes(candidate) : candidate.binaryPrecedes(current) { best[g] = candidate }
    }

    func merge(_ other: any GroupedAccumulator, mapping: UnsafeBufferPointer<UInt32>) throws(KernelError) {
        let other = AccumulatorSupport.cast(other, to: StringExtremumAccumulator.self)
        AccumulatorSupport.grow(&best, to: AccumulatorSupport.requiredCount(mapping), with: nil)
        for g in 0..<min(other.best.count, mapping.count) {
            if let candidate = other.best[g] { offer(candidate, to: Int(mapping[g])) }
        }
    }

    func finalize(groupCount: Int) throws(KernelError) -> Column {
        var builder = ColumnBuilder(type: .varchar, capacity: groupCount)
        for g in 0..<groupCount {
            if g < best.count, let value = best[g] { builder.append(value) } else { builder.appendNull() }
        }
        return builder.build()
    }
}
