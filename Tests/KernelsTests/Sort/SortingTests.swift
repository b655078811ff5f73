import Columnar
import Kernels
import TestSupport
import Testing

@Suite struct SortingTests {
    /// Reference order: compare boxed values key by key, NULL placement per key, then row index.
    static func reference(_ keys: [SortKey], rowCount: Int) -> [Int32] {
        let values = keys.map(\.column.values)
        return (0..<Int32(rowCount)).sorted { a, b in
            for (k, key) in keys.enumerated() {
                let x = values[k][Int(a)], y = values[k][Int(b)]
                if x.isNull && y.isNull { continue }
                if x.isNull { return key.nullsFirst }
                if y.isNull { return !key.nullsFirst }
                if valuePrecedes(x, y) { return key.ascending }
                if valuePrecedes(y, x) { return !key.ascending }
            }
            return a < b
        }
    }

    @Test func equalKeysKeepInputOrder() {
        let column = Column(.bigint([2, 1, 2, 1, 2]))
        #expect(Sorting.permutation([SortKey(column: column)], rowCount: 5) == [1, 3, 0, 2, 4])
        #expect(Sorting.permutation([SortKey(column: column, ascending: false)], rowCount: 5) == [0, 2, 4, 1, 3])
    }

    @Test(arguments: [(true, false), (true, true), (false, false), (false, true)])
    func nullPlacementFollowsTheKey(ascending: Bool, nullsFirst: Bool) {
        let column = Column(type: .bigint, values: [.bigint(2), .null, .bigint(1), .null])
        let order = Sorting.permutation(
            [SortKey(column: column, ascending: ascending, nullsFirst: nullsFirst)], rowCount: 4)
        let values: [Int32] = ascending ? [2, 0] : [0, 2]
        #expect(order == (nullsFirst ? [1, 3] + values : values + [1, 3]))
    }

    @Test func nanSortsAfterEveryNumber() {
        let column = Column(
            type: .double, values: [.double(.nan), .double(.infinity), .double(-1), .null, .double(-.infinity)])
        #expect(Sorting.permutation([SortKey(column: column)], rowCount: 5) == [4, 2, 1, 0, 3])
        #expect(Sorting.permutation([SortKey(column: column, ascending: false)], rowCount: 5) == [0, 1, 2, 4, 3])
    }

    @Test func stringsSortByCodePoint() {
        var rng = SeededGenerator(seed: 3)
        let column = TestColumns.varchar(["b", "é", "Z", "e\u{301}", "", "a"], using: &rng)
        #expect(Sorting.permutation([SortKey(column: column)], rowCount: 6) == [4, 2, 5, 0, 3, 1])
    }

    @Test func fullRangeIntegersWithNulls() {
        let column = Column(type: .bigint, values: [.bigint(.max), .null, .bigint(.min), .bigint(0)])
        let key = SortKey(column: column, nullsFirst: true)
        #expect(Sorting.permutation([key], rowCount: 4) == [1, 2, 3, 0])
        #expect(Sorting.permutation([key, key, key], rowCount: 4) == [1, 2, 3, 0])
    }

    /// Int64.min and Int64.max with no NULL: the values span every 64-bit image (this trapped on `span + 1`).
    @Test(arguments: [(true, false), (true, true), (false, false), (false, true)])
    func fullRangeIntegersWithoutNulls(ascending: Bool, nullsFirst: Bool) {
        let column = Column(.bigint([.max, .min, 0]))
        let key = SortKey(column: column, ascending: ascending, nullsFirst: nullsFirst)
        #expect(Sorting.permutation([key], rowCount: 3) == (ascending ? [1, 2, 0] : [0, 2, 1]))
        #expect(Sorting.permutation([key, key], rowCount: 3, limit: 2) == (ascending ? [1, 2] : [0, 2]))
    }

    @Test func limitReturnsTheFirstRowsOfTheOrder() {
        let column = Column(.bigint([5, 3, 9, 3, 1, 7, 3, 8, 2, 6, 0, 4, 3, 3, 3, 3]))
        let full = Sorting.permutation([SortKey(column: column)], rowCount: 16)
        #expect(Sorting.permutation([SortKey(column: column)], rowCount: 16, limit: 3) == Array(full.prefix(3)))
        #expect(Sorting.permutation([SortKey(column: column)], rowCount: 16, limit: 0) == [])
        #expect(Sorting.permutation([SortKey(column: column)], rowCount: 16, limit: 40) == full)
    }

    @Test(arguments: [41, 42, 43, 44] as [UInt64])
    func randomMultiKeySortsMatchReference(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let types: [DataType] = [.varchar, .double, .bigint, .date, .boolean]
        let table = RandomTable(
            types: types, chunkSizes: [3000], nulls: 0.1, domains: [20, 12, 1000, 9, 2], seed: seed)
        let columns = table.chunks[0]
        // Full-range integers force the wide (comparison) path.
        let wide = Column(
            type: .bigint,
            values: (0..<3000).map { _ in
                rng.chance(0.05) ? .null : .bigint(Int64(bitPattern: rng.next() % 4 == 0 ? 0 : rng.next()))
            })
        for trial in 0..<6 {
            var keys: [SortKey] = []
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let column = trial == 5 && keys.isEmpty ? wide : columns[Int(rng.next() % UInt64(columns.count))]
                keys.append(SortKey(column: column, ascending: rng.chance(0.5), nullsFirst: rng.chance(0.5)))
            }
            if trial == 4 { keys += [SortKey(column: wide), SortKey(column: wide, ascending: false)] }
            let expected = Self.reference(keys, rowCount: 3000)
            #expect(Sorting.permutation(keys, rowCount: 3000) == expected)
            #expect(Sorting.permutation(keys, rowCount: 3000, limit: 25) == Array(expected.prefix(25)))
        }
    }
}
