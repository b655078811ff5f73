import Columnar
import Kernels
import TestSupport
import Testing

@Suite struct JoinHashTableTests {
    @Test func matchesAreGroupedByProbeRowAndNullsNeverMatch() {
        var rng = SeededGenerator(seed: 21)
        let build = JoinHashTable(buildKeys: [TestColumns.varchar(["a", nil, "b", "a"], using: &rng)])
        #expect(build.buildRowCount == 4)
        let (probe, matched) = build.probe([TestColumns.varchar(["a", "c", nil, "b", "a"], using: &rng)])
        #expect(probe == [0, 0, 3, 4, 4])
        #expect(matched == [0, 3, 2, 0, 3])
    }

    @Test func multiColumnKeysOfMixedTypes() {
        let build = JoinHashTable(buildKeys: [
            Column(.bigint([1, 1, 2, 2])),
            Column(type: .double, values: [.double(0.5), .double(-0.0), .double(0.5), .null]),
        ])
        let (probe, matched) = build.probe([
            Column(.bigint([2, 1, 1, 3, 2])),
            Column(.double([0.5, 0.0, 0.5, 0.5, .nan])),
        ])
        #expect(probe == [0, 1, 2])
        #expect(matched == [2, 1, 0])
    }

    @Test func emptyBuildMatchesNothing() {
        let build = JoinHashTable(buildKeys: [Column(.bigint([]))])
        let (probe, matched) = build.probe([Column(.bigint([1, 2]))])
        #expect(probe.isEmpty && matched.isEmpty)
    }

    @Test(arguments: [31, 32, 33] as [UInt64])
    func randomJoinsMatchANestedLoopReference(seed: UInt64) {
        let types: [DataType] = [.varchar, .bigint]
        let buildTable = RandomTable(types: types, chunkSizes: [700], nulls: 0.1, domains: [25, 6], seed: seed)
        let probeTable = RandomTable(
            types: types, chunkSizes: RandomTable.chunkSizes(count: 4, maximum: 500, seed: seed),
            nulls: 0.1, domains: [30, 7], seed: seed + 100)
        for keyCount in 1...2 {
            let table = JoinHashTable(buildKeys: Array(buildTable.chunks[0].prefix(keyCount)))
            var offset = 0
            for chunk in probeTable.chunks {
                let (probe, matched) = table.probe(Array(chunk.prefix(keyCount)))
                var expectedProbe: [Int32] = [], expectedBuild: [Int32] = []
                for p in 0..<(chunk.first?.count ?? 0) {
                    let key = Array(probeTable.rows[offset + p].prefix(keyCount))
                    guard !key.contains(.null) else { continue }
                    for (b, buildRow) in buildTable.rows.enumerated() where Array(buildRow.prefix(keyCount)) == key {
                        expectedProbe.append(Int32(p))
                        expectedBuild.append(Int32(b))
                    }
                }
                #expect(probe == expectedProbe)
                #expect(matched == expectedBuild)
                offset += chunk.first?.count ?? 0
            }
        }
    }

    /// Keys packed into one 64-bit image (two columns) and keys too wide for it (six columns of about
    /// two thousand values each) find the same matches as a dictionary of the build rows.
    @Test(arguments: [2, 6])
    func packedAndFoldedKeysFindTheirBuildRows(width: Int) {
        var rng = SeededGenerator(seed: 34)
        let build = (0..<width).map { _ in (0..<2000).map { _ in Int64(rng.next() % 1_000_000) } }
        // Every other probe row copies a build row; the rest are new keys (almost surely unmatched).
        let probe = build.map { column in
            (0..<1000).map { row in row % 2 == 0 ? column[row * 2] : Int64(rng.next() % 1_000_000) }
        }
        var rowsByKey: [[Int64]: [Int32]] = [:]
        for row in 0..<2000 { rowsByKey[build.map { $0[row] }, default: []].append(Int32(row)) }
        var expectedProbe: [Int32] = [], expectedBuild: [Int32] = []
        for row in 0..<1000 {
            for match in rowsByKey[probe.map { $0[row] }] ?? [] {
                expectedProbe.append(Int32(row))
                expectedBuild.append(match)
            }
        }
        let table = JoinHashTable(buildKeys: build.map { Column(.bigint($0)) })
        let (probeRows, buildRows) = table.probe(probe.map { Column(.bigint($0)) })
        #expect(probeRows == expectedProbe)
        #expect(buildRows == expectedBuild)
        #expect(expectedProbe.count >= 500)
    }
}
