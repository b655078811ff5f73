import Columnar
import Kernels
import TestSupport
import Testing

/// Grouped aggregates over random chunks (NULL keys, strings with a different dictionary per chunk)
/// against the row-at-a-time reference, in one pass and as a merge of two partial states.
@Suite struct AggregateRandomTests {
    /// Columns: 0 VARCHAR key, 1 BIGINT key, 2 BIGINT, 3 DOUBLE, 4 VARCHAR, 5 BOOLEAN, 6 DATE.
    static let types: [DataType] = [.varchar, .bigint, .bigint, .double, .varchar, .boolean, .date]
    static let domains = [15, 5, 50, 40, 20, 2, 30]

    struct Call: CustomStringConvertible, Sendable {
        var name: String
        var columns: [Int]
        var parameter: Value? = nil
        var distinct = false
        var description: String { "\(name)\(distinct ? " distinct" : "")\(columns)" }
    }

    static let calls: [Call] = [
        Call(name: "count", columns: [2]), Call(name: "count_star", columns: []),
        Call(name: "sum", columns: [2]), Call(name: "sum", columns: [3]),
        Call(name: "avg", columns: [2]), Call(name: "avg", columns: [3]),
        Call(name: "min", columns: [2]), Call(name: "max", columns: [3]), Call(name: "min", columns: [4]),
        Call(name: "max", columns: [4]), Call(name: "min", columns: [6]), Call(name: "max", columns: [5]),
        Call(name: "median", columns: [2]), Call(name: "median", columns: [3]),
        Call(name: "quantile_cont", columns: [3], parameter: .double(0.25)),
        Call(name: "quantile_disc", columns: [2], parameter: .double(0.75)),
        Call(name: "quantile_disc", columns: [6], parameter: .double(0.5)),
        Call(name: "quantile_disc", columns: [4], parameter: .double(0.3)), Call(name: "median", columns: [4]),
        Call(name: "var_samp", columns: [3]), Call(name: "var_pop", columns: [2]),
        Call(name: "stddev_samp", columns: [2]), Call(name: "stddev_pop", columns: [3]),
        Call(name: "string_agg", columns: [4], parameter: .varchar("|")),
        Call(name: "bool_and", columns: [5]), Call(name: "bool_or", columns: [5]),
        Call(name: "first", columns: [4]), Call(name: "last", columns: [2]), Call(name: "any_value", columns: [6]),
        Call(name: "count", columns: [4], distinct: true), Call(name: "sum", columns: [2], distinct: true),
        Call(name: "string_agg", columns: [4], parameter: .varchar(","), distinct: true),
        Call(name: "avg", columns: [3], distinct: true),
        Call(name: "skewness", columns: [2]), Call(name: "kurtosis", columns: [2]),
        Call(name: "kurtosis_pop", columns: [2]), Call(name: "product", columns: [2]),
        Call(name: "mode", columns: [4]), Call(name: "mode", columns: [2]), Call(name: "mode", columns: [6]),
        Call(name: "entropy", columns: [4]), Call(name: "entropy", columns: [3]),
    ]

    /// Argument columns of a call for one chunk (constant parameter columns appended).
    static func arguments(_ call: Call, chunk: [Column], rng: inout SeededGenerator) -> [Column] {
        var arguments = call.columns.map { chunk[$0] }
        if let parameter = call.parameter {
            let count = chunk.first?.count ?? 0
            arguments.append(
                TestColumns.column(parameter.type!, Array(repeating: parameter, count: count), using: &rng))
        }
        return arguments
    }

    /// Group index + accumulators over a range of chunks.
    static func partial(_ table: RandomTable, chunks: Range<Int>) throws -> (GroupIndex, [any GroupedAccumulator]) {
        let index = GroupIndex(keyTypes: [.varchar, .bigint])
        var rng = SeededGenerator(seed: 99)
        let accumulators = calls.map { call in
            AggregateFunctions.standard[call.name]!
                .resolve(call.columns.map { types[$0] } + (call.parameter.map { [$0.type] } ?? []))!
                .makeAccumulator(call.distinct)
        }
        for c in chunks {
            let chunk = table.chunks[c]
            let groups = index.groupIDs(for: [chunk[0], chunk[1]])
            for (call, accumulator) in zip(calls, accumulators) {
                let arguments = Self.arguments(call, chunk: chunk, rng: &rng)
                try groups.withUnsafeBufferPointer { try accumulator.update(groups: $0, arguments: arguments) }
            }
        }
        return (index, accumulators)
    }

    static func check(_ table: RandomTable, index: GroupIndex, accumulators: [any GroupedAccumulator]) throws {
        // Reference: rows grouped by their key tuple, in input order.
        var rowsOfKey: [[Value]: [Int]] = [:]
        for (i, row) in table.rows.enumerated() { rowsOfKey[[row[0], row[1]], default: []].append(i) }
        #expect(index.groupCount == rowsOfKey.count)
        let keys = index.keyColumns()
        for key in keys {
            #expect(key.count == index.groupCount)
            expectValid(key)
        }
        for (call, accumulator) in zip(calls, accumulators) {
            let result = try accumulator.finalize(groupCount: index.groupCount)
            #expect(result.count == index.groupCount)
            expectValid(result)
            for g in 0..<index.groupCount {
                let key = [keys[0][g], keys[1][g]]
                let rows = try #require(rowsOfKey[key], "group \(key) not in reference")
                let values = rows.map { call.columns.isEmpty ? Value.null : table.rows[$0][call.columns[0]] }
                let expected = ReferenceAggregate.evaluate(
                    call.name, values, parameter: call.parameter, distinct: call.distinct)
                #expect(approximatelyEqual(result[g], expected), "\(call) of \(key): \(result[g]) vs \(expected)")
            }
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func singlePassMatchesReference(seed: UInt64) throws {
        let table = RandomTable(
            types: Self.types, chunkSizes: RandomTable.chunkSizes(count: 5, maximum: 1200, seed: seed),
            nulls: 0.15, domains: Self.domains, seed: seed)
        let (index, accumulators) = try Self.partial(table, chunks: 0..<table.chunks.count)
        try Self.check(table, index: index, accumulators: accumulators)
    }

    @Test(arguments: [4, 5] as [UInt64])
    func mergeOfTwoPartialStatesMatchesReference(seed: UInt64) throws {
        let table = RandomTable(
            types: Self.types, chunkSizes: RandomTable.chunkSizes(count: 6, maximum: 1000, seed: seed),
            nulls: 0.15, domains: Self.domains, seed: seed)
        let (left, leftAccumulators) = try Self.partial(table, chunks: 0..<3)
        let (right, rightAccumulators) = try Self.partial(table, chunks: 3..<6)
        let mapping = left.groupIDs(for: right.keyColumns())
        for (target, source) in zip(leftAccumulators, rightAccumulators) {
            try mapping.withUnsafeBufferPointer { try target.merge(source, mapping: $0) }
        }
        try Self.check(table, index: left, accumulators: leftAccumulators)
    }
}
