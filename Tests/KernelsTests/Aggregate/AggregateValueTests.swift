import Columnar
import Kernels
import TestSupport
import Testing

@Suite struct AggregateValueTests {
    let ints = Column(type: .bigint, values: [.bigint(1), .bigint(2), .null, .bigint(4)])

    @Test func countSkipsNullsAndEmptyGroupsCountZero() throws {
        let result = try AggregateHarness.run("count", [ints], groups: [0, 0, 1, 1], groupCount: 3)
        #expect(result == [.bigint(2), .bigint(1), .bigint(0)])
    }

    @Test func countStarCountsRowsIncludingNulls() throws {
        let result = try AggregateHarness.run("count_star", [], groups: [0, 0, 1, 0], groupCount: 2)
        #expect(result == [.bigint(3), .bigint(1)])
        #expect(AggregateHarness.overload("count", [])?.returnType == .bigint)
    }

    @Test func sumOfEmptyOrAllNullGroupIsNull() throws {
        let result = try AggregateHarness.run("sum", [ints], groups: [0, 0, 1, 0], groupCount: 3)
        #expect(result == [.bigint(7), .null, .null])
    }

    @Test func sumOfBigintOverflowIsAnError() {
        let big = Column(type: .bigint, values: [.bigint(.max), .bigint(1)])
        #expect(throws: KernelError.self) { try AggregateHarness.run("sum", [big]) }
        let negative = Column(type: .bigint, values: [.bigint(.min), .bigint(-1)])
        #expect(throws: KernelError.self) { try AggregateHarness.run("sum", [negative]) }
    }

    @Test func sumOfDoublesAddsLeftToRightLikeDuckDB() throws {
        let doubles = Column(type: .double, values: [.double(0.1), .double(0.2), .double(0.3)])
        #expect(try AggregateHarness.run("sum", [doubles]) == [.double(0.1 + 0.2 + 0.3)])
        #expect(try AggregateHarness.run("avg", [doubles]) == [.double((0.1 + 0.2 + 0.3) / 3)])
    }

    @Test func avgOfBigintIsExactBeyondInt64Sums() throws {
        let big = Column(type: .bigint, values: [.bigint(.max), .bigint(.max), .bigint(1), .bigint(2)])
        #expect(
            try AggregateHarness.run("avg", [big], groups: [0, 0, 1, 1]) == [.double(Double(Int64.max)), .double(1.5)])
    }

    @Test func minAndMaxOfStringsUseCodePoints() throws {
        var rng = SeededGenerator(seed: 1)
        let strings = TestColumns.varchar(["b", "a", "é", "e\u{301}", nil, "Z"], using: &rng)
        #expect(try AggregateHarness.run("min", [strings]) == [.varchar("Z")])
        #expect(try AggregateHarness.run("max", [strings]) == [.varchar("é")])
        let grouped = try AggregateHarness.run("max", [strings], groups: [0, 0, 1, 1, 2, 2], groupCount: 4)
        #expect(grouped == [.varchar("b"), .varchar("é"), .varchar("Z"), .null])
    }

    @Test func minAndMaxOfDoublesPlaceNaNAboveEverything() throws {
        let doubles = Column(type: .double, values: [.double(1), .double(.nan), .double(-.infinity), .null])
        #expect(try AggregateHarness.run("min", [doubles]) == [.double(-.infinity)])
        let maximum = try AggregateHarness.run("max", [doubles])
        #expect(maximum.count == 1 && approximatelyEqual(maximum[0], .double(.nan)))
    }

    @Test func minAndMaxOfDatesBooleansAndIntegers() throws {
        let dates = Column(type: .date, values: [.date(Date32(iso: "2020-01-02")!), .date(Date32(iso: "1969-12-31")!)])
        #expect(try AggregateHarness.run("min", [dates]) == [.date(Date32(iso: "1969-12-31")!)])
        let booleans = Column(type: .boolean, values: [.boolean(true), .boolean(false)])
        #expect(try AggregateHarness.run("max", [booleans]) == [.boolean(true)])
        let ints = Column(type: .bigint, values: [.bigint(-5), .bigint(.min), .bigint(.max)])
        #expect(try AggregateHarness.run("min", [ints]) == [.bigint(.min)])
        #expect(try AggregateHarness.run("max", [ints]) == [.bigint(.max)])
    }

    @Test(
        arguments: [
            ([3, 1, 2], 2.0),
            ([1, 2, 3, 4], 2.5),
            ([7], 7.0),
        ] as [([Int64], Double)])
    func medianInterpolatesAsDouble(values: [Int64], expected: Double) throws {
        let column = Column(.bigint(values))
        #expect(try AggregateHarness.run("median", [column]) == [.double(expected)])
    }

    @Test(
        arguments: [
            (0.0, 1.0, 1), (0.25, 1.75, 1), (0.5, 2.5, 2), (0.75, 3.25, 3), (1.0, 4.0, 4), (0.1, 1.3, 1), (0.9, 3.7, 4),
        ] as [(Double, Double, Int64)])
    func quantilesOfFourValues(p: Double, continuous: Double, discrete: Int64) throws {
        let column = Column(.bigint([4, 2, 1, 3]))
        let fraction = Column(.double([p, p, p, p]))
        let cont = try AggregateHarness.run("quantile_cont", [column, fraction])
        #expect(approximatelyEqual(cont[0], .double(continuous), tolerance: 1e-12))
        #expect(try AggregateHarness.run("quantile_disc", [column, fraction]) == [.bigint(discrete)])
    }

    @Test func quantileDiscOfOddCountPicksTheMiddle() throws {
        let column = Column(.double([5, 1, 3, 2, 4]))
        #expect(
            try AggregateHarness.run("quantile_disc", [column, Column(.double(Array(repeating: 0.5, count: 5)))])
                == [.double(3)])
    }

    @Test func medianOfStringsIsTheLowerMiddleByCodePoint() throws {
        var rng = SeededGenerator(seed: 5)
        let strings = TestColumns.varchar(["d", "b", "a", "c", nil], using: &rng)
        #expect(try AggregateHarness.run("median", [strings]) == [.varchar("b")])
        let p = Column(.double(Array(repeating: 1, count: 5)))
        #expect(try AggregateHarness.run("quantile_disc", [strings, p]) == [.varchar("d")])
    }

    @Test func quantileRejectsFractionsOutsideZeroOne() {
        let column = Column(.bigint([1, 2]))
        #expect(throws: KernelError.self) {
            try AggregateHarness.run("quantile_cont", [column, Column(.double([1.5, 1.5]))])
        }
    }

    @Test func varianceFamilyOnAKnownSample() throws {
        let column = Column(.bigint([2, 4, 4, 4, 5, 5, 7, 9]))
        #expect(try AggregateHarness.run("var_pop", [column]) == [.double(4)])
        #expect(try AggregateHarness.run("stddev_pop", [column]) == [.double(2)])
        let sample = try AggregateHarness.run("var_samp", [column])
        #expect(approximatelyEqual(sample[0], .double(32.0 / 7)))
        let stddev = try AggregateHarness.run("stddev", [column])
        #expect(approximatelyEqual(stddev[0], .double((32.0 / 7).squareRoot())))
    }

    @Test func varianceOfOneValue() throws {
        let one = Column(.double([3]))
        #expect(try AggregateHarness.run("var_samp", [one]) == [.null])
        #expect(try AggregateHarness.run("stddev_samp", [one]) == [.null])
        #expect(try AggregateHarness.run("var_pop", [one]) == [.double(0)])
        #expect(try AggregateHarness.run("variance", [one], groupCount: 2) == [.null, .null])
    }

    @Test func stringAggJoinsInInputOrder() throws {
        var rng = SeededGenerator(seed: 2)
        let strings = TestColumns.varchar(["b", nil, "a", "c"], using: &rng)
        let separator = TestColumns.varchar(["-", "-", "-", "-"], using: &rng)
        #expect(try AggregateHarness.run("string_agg", [strings, separator]) == [.varchar("b-a-c")])
        #expect(
            try AggregateHarness.run("string_agg", [strings], groups: [1, 1, 1, 0], groupCount: 3)
                == [.varchar("c"), .varchar("b,a"), .null])
    }

    @Test func booleanAggregates() throws {
        let column = Column(type: .boolean, values: [.boolean(true), .null, .boolean(false), .boolean(true), .null])
        #expect(
            try AggregateHarness.run("bool_and", [column], groups: [0, 0, 0, 1, 2]) == [
                .boolean(false), .boolean(true), .null,
            ])
        #expect(
            try AggregateHarness.run("bool_or", [column], groups: [0, 0, 0, 1, 2]) == [
                .boolean(true), .boolean(true), .null,
            ])
    }

    @Test func firstLastAndAnyValue() throws {
        let column = Column(type: .bigint, values: [.null, .bigint(2), .bigint(3), .null])
        #expect(try AggregateHarness.run("first", [column]) == [.null])
        #expect(try AggregateHarness.run("last", [column]) == [.null])
        #expect(try AggregateHarness.run("any_value", [column]) == [.bigint(2)])
        #expect(try AggregateHarness.run("last", [column], groups: [0, 0, 0, 1]) == [.bigint(3), .null])
    }

    @Test func distinctCountsEachValueOncePerGroup() throws {
        let column = Column(type: .bigint, values: [.bigint(1), .bigint(1), .bigint(2), .null, .bigint(2), .bigint(2)])
        let groups: [UInt32] = [0, 0, 0, 0, 1, 1]
        #expect(
            try AggregateHarness.run("count", [column], groups: groups, distinct: true) == [.bigint(2), .bigint(1)])
        #expect(try AggregateHarness.run("sum", [column], groups: groups, distinct: true) == [.bigint(3), .bigint(2)])
    }

    @Test func overloadsResolveFromArgumentTypes() {
        #expect(AggregateHarness.overload("sum", [.bigint])?.returnType == .bigint)
        #expect(AggregateHarness.overload("sum", [.varchar]) == nil)
        #expect(AggregateHarness.overload("avg", [.bigint])?.returnType == .double)
        #expect(AggregateHarness.overload("median", [.bigint])?.returnType == .double)
        #expect(AggregateHarness.overload("quantile_disc", [.date, .double])?.returnType == .date)
        #expect(AggregateHarness.overload("quantile_cont", [.bigint, .bigint])?.parameterTypes == [.bigint, .double])
        #expect(AggregateHarness.overload("min", [.varchar])?.returnType == .varchar)
        #expect(AggregateHarness.overload("bool_and", [.bigint]) == nil)
        #expect(AggregateHarness.overload("count", [nil])?.returnType == .bigint)
        for function in AggregateFunctions.standard.values { #expect(!function.summary.isEmpty) }
    }
}
