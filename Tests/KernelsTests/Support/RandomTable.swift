import Columnar
import TestSupport

/// A random relation split into chunks, with boxed rows kept for the references.
struct RandomTable {
    var types: [DataType]
    /// Chunks of columns; VARCHAR chunks each have their own shuffled dictionary.
    var chunks: [[Column]] = []
    /// All rows, boxed, in order.
    var rows: [[Value]] = []

    init(types: [DataType], chunkSizes: [Int], nulls: Double, domains: [Int], seed: UInt64) {
        self.types = types
        var rng = SeededGenerator(seed: seed)
        for size in chunkSizes {
            var chunkRows: [[Value]] = []
            for _ in 0..<size {
                chunkRows.append(
                    types.indices.map { i in
                        TestColumns.randomValue(types[i], nulls: nulls, domain: domains[i], using: &rng)
                    })
            }
            chunks.append(
                types.indices.map { i in
                    TestColumns.column(types[i], chunkRows.map { $0[i] }, using: &rng)
                })
            rows += chunkRows
        }
    }

    static func chunkSizes(count: Int, maximum: Int, seed: UInt64) -> [Int] {
        var rng = SeededGenerator(seed: seed ^ 0xabcdef)
        return (0..<count).map { i in i == 1 ? 0 : Int(rng.next() % UInt64(maximum)) + 1 }
    }
}
