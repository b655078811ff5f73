import Columnar
import Kernels
import TestSupport
import Testing

/// BIGINT keys of a small range take a direct-mapped path in front of the hash map; chunk after chunk
/// (ranges that shift and widen, a chunk with NULLs, one too wide, small chunks) the ids must stay those
/// of first-seen numbering, and the key columns the values.
@Suite struct SmallRangeKeyTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func idsFollowFirstSeenOrderWhateverPathEachChunkTakes(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let index = GroupIndex(keyTypes: [.bigint])
        var idOf: [Int64?: UInt32] = [:]
        var order: [Int64?] = []
        let chunks: [(count: Int, low: Int64, high: Int64, nulls: Bool)] = [
            (5000, 1, 100, false), (3000, 50, 400, false), (2000, -20, 10, false), (4000, 1, 100, true),
            (1500, 0, 1 << 40, false), (100, 1, 5, false), (6000, Int64.max - 50, Int64.max, false),
            (3000, 90, 3000, false),
        ]
        for chunk in chunks {
            var values: [Int64] = []
            var valid: [Bool] = []
            for _ in 0..<chunk.count {
                values.append(Int64.random(in: chunk.low...chunk.high, using: &rng))
                valid.append(!chunk.nulls || Int.random(in: 0..<10, using: &rng) > 0)
            }
            let column = Column(.bigint(values), validity: chunk.nulls ? Validity(valid) : nil)
            let ids = index.groupIDs(for: [column])
            var expected: [UInt32] = []
            for (value, isValid) in zip(values, valid) {
                let key: Int64? = isValid ? value : nil
                if idOf[key] == nil {
                    idOf[key] = UInt32(order.count)
                    order.append(key)
                }
                expected.append(idOf[key]!)
            }
            #expect(ids == expected, "chunk \(chunk)")
        }
        #expect(index.groupCount == order.count)
        #expect(index.keyColumns()[0].values == order.map { $0.map(Value.bigint) ?? .null })
    }
}
