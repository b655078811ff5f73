import Columnar
import Kernels
import TestSupport
import Testing

@Suite struct GroupIndexTests {
    @Test func idsAreDenseInFirstSeenOrderAcrossDictionaries() {
        var rng = SeededGenerator(seed: 7)
        let index = GroupIndex(keyTypes: [.varchar])
        let first = index.groupIDs(for: [TestColumns.varchar(["b", "a", nil, "b"], using: &rng)])
        let second = index.groupIDs(for: [TestColumns.varchar(["c", "a", "b", nil], using: &rng)])
        #expect(first == [0, 1, 2, 0])
        #expect(second == [3, 1, 0, 2])
        #expect(index.groupCount == 4)
        #expect(index.keyColumns()[0].values == [.varchar("b"), .varchar("a"), .null, .varchar("c")])
    }

    @Test func stringsGroupByBytesNotCanonicalEquivalence() {
        var rng = SeededGenerator(seed: 8)
        let index = GroupIndex(keyTypes: [.varchar])
        let ids = index.groupIDs(for: [TestColumns.varchar(["é", "e\u{301}", "é"], using: &rng)])
        #expect(ids == [0, 1, 0])
    }

    @Test func doublesGroupNegativeZeroWithZeroAndNaNWithNaN() {
        let index = GroupIndex(keyTypes: [.double])
        let ids = index.groupIDs(for: [Column(.double([0.0, -0.0, .nan, -Double.nan, 1]))])
        #expect(ids == [0, 0, 1, 1, 2])
    }

    @Test func noKeysPutEveryRowInOneGroup() {
        let index = GroupIndex(keyTypes: [])
        #expect(index.groupCount == 0)
        #expect(index.groupIDs(for: [], rowCount: 3) == [0, 0, 0])
        #expect(index.groupCount == 1)
        #expect(index.keyColumns().isEmpty)
    }

    @Test func wideKeysOfEveryType() {
        let index = GroupIndex(keyTypes: [.boolean, .date, .bigint, .double])
        let keys = [
            Column(type: .boolean, values: [.boolean(true), .boolean(true), .null, .boolean(true)]),
            Column(
                type: .date,
                values: [.date(Date32(daysSinceEpoch: -3)), .date(Date32(daysSinceEpoch: -3)), .null, .null]),
            Column(type: .bigint, values: [.bigint(.min), .bigint(.min), .null, .bigint(.min)]),
            Column(type: .double, values: [.double(2.5), .double(2.5), .null, .double(2.5)]),
        ]
        #expect(index.groupIDs(for: keys) == [0, 0, 1, 2])
        let columns = index.keyColumns()
        #expect(columns.map(\.type) == [.boolean, .date, .bigint, .double])
        #expect(
            (0..<3).map { g in columns.map { $0[g] } } == [
                [.boolean(true), .date(Date32(daysSinceEpoch: -3)), .bigint(.min), .double(2.5)],
                [.null, .null, .null, .null],
                [.boolean(true), .null, .bigint(.min), .double(2.5)],
            ])
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func randomKeysMatchADictionaryReference(seed: UInt64) {
        let types: [DataType] = [.varchar, .bigint, .varchar, .date]
        let table = RandomTable(
            types: types, chunkSizes: RandomTable.chunkSizes(count: 6, maximum: 2000, seed: seed),
            nulls: 0.1, domains: [30, 7, 4, 9], seed: seed)
        for keyCount in 1...types.count {
            let index = GroupIndex(keyTypes: Array(types.prefix(keyCount)))
            var reference: [[Value]: UInt32] = [:]
            var row = 0
            for chunk in table.chunks {
                let ids = index.groupIDs(for: Array(chunk.prefix(keyCount)))
                for id in ids {
                    let key = Array(table.rows[row].prefix(keyCount))
                    let expected = reference[key] ?? UInt32(reference.count)
                    reference[key] = expected
                    #expect(id == expected, "row \(row) key \(key)")
                    row += 1
                }
            }
            #expect(index.groupCount == reference.count)
            let columns = index.keyColumns()
            for (key, id) in reference {
                #expect(columns.map { $0[Int(id)] } == key)
            }
        }
    }

    /// A first slice of mostly new groups makes room for every row at once (`reserve`); ids and keys must be
    /// those of the plain path, for the tuples reserved for and for those added after.
    @Test func reservingRoomForEveryRowKeepsIdsAndKeys() {
        let rows = 3 * 65_536 + 123  // four slices of Cancellation.slice
        var rng = SeededGenerator(seed: 5)
        // Mostly distinct pairs at first (the reserve fires), then repeats and a run of new tuples.
        let a = (0..<rows).map { row in Int64(row < rows / 2 ? row : Int(rng.next() % UInt64(rows))) }
        let b = (0..<rows).map { Int64($0 % 7) }
        let keys = [Column(.bigint(a)), Column(.bigint(b))]
        let sliced = GroupIndex(keyTypes: [.bigint, .bigint])
        let ids = sliced.groupIDs(for: keys, rowCount: rows, cancellation: Cancellation { false })
        let plain = GroupIndex(keyTypes: [.bigint, .bigint])
        #expect(ids == plain.groupIDs(for: keys))
        #expect(sliced.groupCount == plain.groupCount)
        #expect(sliced.keyColumns().map { $0.values } == plain.keyColumns().map { $0.values })
        let more = [Column(.bigint([-1, 0, Int64(rows) + 5])), Column(.bigint([0, 0, 3]))]
        #expect(sliced.groupIDs(for: more) == plain.groupIDs(for: more))
    }

    /// Small id spaces use a direct pair table; growing past its limit mid-stream switches to hashing.
    @Test func pairTableSurvivesGrowingIdSpaces() {
        var rng = SeededGenerator(seed: 77)
        let index = GroupIndex(keyTypes: [.bigint, .bigint])
        var reference: [[Int64]: UInt32] = [:]
        for domain in [4, 40, 3000, 5] as [UInt64] {
            let a = (0..<4000).map { _ in Int64(rng.next() % domain) }
            let b = (0..<4000).map { _ in Int64(rng.next() % domain) }
            let ids = index.groupIDs(for: [Column(.bigint(a)), Column(.bigint(b))])
            var mismatches = 0
            for row in 0..<4000 {
                let expected = reference[[a[row], b[row]]] ?? UInt32(reference.count)
                reference[[a[row], b[row]]] = expected
                if ids[row] != expected { mismatches += 1 }
            }
            #expect(mismatches == 0, "domain \(domain)")
        }
        #expect(index.groupCount == reference.count)
    }

    /// Several columns' ids are packed into one key; fields widen as id spaces grow, and once six columns
    /// of thousands of values no longer fit in 64 bits the tuples so far are re-folded by pairs: every
    /// tuple keeps the id it was given first.
    @Test func tupleIdsSurviveWideningAndTheSwitchToPairFolding() {
        var rng = SeededGenerator(seed: 78)
        let width = 6
        let index = GroupIndex(keyTypes: [DataType](repeating: .bigint, count: width))
        var reference: [[Int64]: UInt32] = [:]
        for domain in [3, 50, 3, 6000, 50] as [UInt64] {
            let columns = (0..<width).map { _ in (0..<3000).map { _ in Int64(rng.next() % domain) } }
            let ids = index.groupIDs(for: columns.map { Column(.bigint($0)) })
            var mismatches = 0
            for row in 0..<3000 {
                let key = columns.map { $0[row] }
                let expected = reference[key] ?? UInt32(reference.count)
                reference[key] = expected
                if ids[row] != expected { mismatches += 1 }
            }
            #expect(mismatches == 0, "domain \(domain)")
        }
        #expect(index.groupCount == reference.count)
        let keys = index.keyColumns()
        let wrong = reference.filter { key, id in keys.map { $0[Int(id)] } != key.map { Value.bigint($0) } }
        #expect(wrong.isEmpty)
    }
}
