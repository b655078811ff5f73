import Columnar
import Kernels
import Testing

@Suite struct WindowValueTests {
    // Scores 10, 20, 20, 30 in one partition (rows given out of order).
    let scores = Column(.bigint([20, 10, 30, 20]))

    func rank(_ name: String, _ arguments: [Column] = []) throws -> [Value] {
        try WindowEvaluation.evaluate(
            .ranking(name: name, arguments: arguments), partitionBy: [], orderBy: [SortKey(column: scores)],
            frame: .default(hasOrderBy: true), rowCount: 4
        ).values
    }

    @Test func rankingFunctionsOnTies() throws {
        #expect(try rank("row_number") == [.bigint(2), .bigint(1), .bigint(4), .bigint(3)])
        #expect(try rank("rank") == [.bigint(2), .bigint(1), .bigint(4), .bigint(2)])
        #expect(try rank("dense_rank") == [.bigint(2), .bigint(1), .bigint(3), .bigint(2)])
        #expect(try rank("percent_rank") == [.double(1.0 / 3), .double(0), .double(1), .double(1.0 / 3)])
        #expect(try rank("cume_dist") == [.double(0.75), .double(0.25), .double(1), .double(0.75)])
    }

    @Test func ntileSplitsWithLargerBucketsFirst() throws {
        let column = Column(.bigint(Array(0..<7)))
        let result = try WindowEvaluation.evaluate(
            .ranking(name: "ntile", arguments: [Column(.bigint(Array(repeating: 3, count: 7)))]),
            partitionBy: [], orderBy: [SortKey(column: column)], frame: .default(hasOrderBy: true), rowCount: 7)
        #expect(result.values == [1, 1, 1, 2, 2, 3, 3].map { Value.bigint($0) })
        #expect(throws: KernelError.self) {
            try rank("ntile", [Column(.bigint([0, 0, 0, 0]))])
        }
    }

    @Test func runningSumIncludesPeers() throws {
        let overload = try #require(AggregateFunctions.standard["sum"]?.resolve([.bigint]))
        let result = try WindowEvaluation.evaluate(
            .aggregate(overload, arguments: [scores], distinct: false), partitionBy: [],
            orderBy: [SortKey(column: scores)], frame: .default(hasOrderBy: true), rowCount: 4)
        #expect(result.values == [.bigint(50), .bigint(10), .bigint(80), .bigint(50)])
        let rows = try WindowEvaluation.evaluate(
            .aggregate(overload, arguments: [scores], distinct: false), partitionBy: [],
            orderBy: [SortKey(column: scores)],
            frame: FrameSpecification(unit: .rows, start: .unboundedPreceding, end: .currentRow), rowCount: 4)
        #expect(rows.values == [.bigint(30), .bigint(10), .bigint(80), .bigint(50)])
    }

    @Test func wholePartitionAggregateWithoutOrderBy() throws {
        let overload = try #require(AggregateFunctions.standard["avg"]?.resolve([.bigint]))
        let groups = Column(type: .varchar, values: [.varchar("a"), .varchar("b"), .varchar("a"), .null])
        let result = try WindowEvaluation.evaluate(
            .aggregate(overload, arguments: [scores], distinct: false), partitionBy: [groups], orderBy: [],
            frame: .default(hasOrderBy: false), rowCount: 4)
        #expect(result.values == [.double(25), .double(10), .double(25), .double(20)])
    }

    @Test func lagAndLeadWithDefaults() throws {
        #expect(try rank("lag", [scores]) == [.bigint(10), .null, .bigint(20), .bigint(20)])
        let two = Column(.bigint([2, 2, 2, 2]))
        let fallback = Column(.bigint([-1, -2, -3, -4]))
        #expect(try rank("lead", [scores, two, fallback]) == [.bigint(30), .bigint(20), .bigint(-3), .bigint(-4)])
        let doubles = Column(.double([2.5, 1.5, 3.5, 2.5]))
        #expect(try rank("lag", [doubles, two, fallback]) == [.double(-1), .double(-2), .double(2.5), .double(1.5)])
    }

    @Test func framedNavigationFunctions() throws {
        #expect(try rank("first_value", [scores]) == [.bigint(10), .bigint(10), .bigint(10), .bigint(10)])
        #expect(try rank("last_value", [scores]) == [.bigint(20), .bigint(10), .bigint(30), .bigint(20)])
        #expect(
            try rank("nth_value", [scores, Column(.bigint([2, 2, 2, 2]))]) == [
                .bigint(20), .null, .bigint(20), .bigint(20),
            ])
    }

    @Test func rangeOffsetsNeedOneNumericOrderKey() throws {
        let overload = try #require(AggregateFunctions.standard["count_star"]?.resolve([]))
        let strings = Column(type: .varchar, values: [.varchar("a"), .varchar("b")])
        #expect(throws: KernelError.self) {
            try WindowEvaluation.evaluate(
                .aggregate(overload, arguments: [], distinct: false), partitionBy: [],
                orderBy: [SortKey(column: strings)],
                frame: FrameSpecification(unit: .range, start: .preceding(1), end: .currentRow), rowCount: 2)
        }
        let result = try WindowEvaluation.evaluate(
            .aggregate(overload, arguments: [], distinct: false), partitionBy: [], orderBy: [SortKey(column: scores)],
            frame: FrameSpecification(unit: .range, start: .preceding(10), end: .currentRow), rowCount: 4)
        #expect(result.values == [.bigint(3), .bigint(1), .bigint(3), .bigint(3)])
    }

    @Test func hugeRowOffsetsAndWrongArgumentCountsDoNotCrash() throws {
        let overload = try #require(AggregateFunctions.standard["count_star"]?.resolve([]))
        let result = try WindowEvaluation.evaluate(
            .aggregate(overload, arguments: [], distinct: false), partitionBy: [], orderBy: [SortKey(column: scores)],
            frame: FrameSpecification(unit: .rows, start: .preceding(Int.max), end: .following(Int.max)), rowCount: 4)
        #expect(result.values == Array(repeating: .bigint(4), count: 4))
        #expect(throws: KernelError.self) { try rank("nth_value", [scores]) }
        #expect(throws: KernelError.self) { try rank("lag") }
        #expect(throws: KernelError.self) { try rank("no_such_function") }
    }

    /// Full-range integers with NULLs need more than one 64-bit image: the unpacked layout path.
    @Test func rankOverFullRangeKeysInPartitions() throws {
        let values = Column(
            type: .bigint, values: [.bigint(.max), .bigint(.min), .null, .bigint(.max), .bigint(0), .null])
        let partitions = Column(type: .varchar, values: ["x", "x", "x", "y", "y", "y"].map { Value.varchar($0) })
        let result = try WindowEvaluation.evaluate(
            .ranking(name: "rank", arguments: []), partitionBy: [partitions], orderBy: [SortKey(column: values)],
            frame: .default(hasOrderBy: true), rowCount: 6)
        #expect(result.values == [2, 1, 3, 2, 1, 3].map { Value.bigint($0) })
    }

    @Test func resultTypesForTheBinder() {
        #expect(WindowEvaluation.rankingFunctionNames.contains("dense_rank"))
        #expect(WindowEvaluation.resultType(ofRanking: "row_number", argumentTypes: []) == .bigint)
        #expect(WindowEvaluation.resultType(ofRanking: "cume_dist", argumentTypes: []) == .double)
        #expect(
            WindowEvaluation.resultType(ofRanking: "lag", argumentTypes: [.varchar, .bigint, .varchar]) == .varchar)
        #expect(WindowEvaluation.resultType(ofRanking: "lag", argumentTypes: [.varchar, .bigint, .bigint]) == nil)
        #expect(WindowEvaluation.resultType(ofRanking: "ntile", argumentTypes: [.varchar]) == nil)
        #expect(WindowEvaluation.resultType(ofRanking: "row_number", argumentTypes: [.bigint]) == nil)
        #expect(WindowEvaluation.resultType(ofRanking: "median", argumentTypes: [.bigint]) == nil)
    }

    @Test func emptyRelation() throws {
        let result = try WindowEvaluation.evaluate(
            .ranking(name: "rank", arguments: []), partitionBy: [Column(.bigint([]))],
            orderBy: [SortKey(column: Column(.bigint([])))], frame: .default(hasOrderBy: true), rowCount: 0)
        #expect(result.count == 0)
    }
}
