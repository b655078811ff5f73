import Columnar
import Kernels
import Testing

/// The same answers whichever evaluation path a kernel takes: per dictionary entry, per row for a small
/// chunk of a huge dictionary, once for constants, with NULL-only arguments.
@Suite struct EvaluationPathTests {
    /// A chunk of `rows` rows pointing into a dictionary far larger than the chunk (a filtered column).
    static func sparseChunk(rows: Int) -> (Column, [String]) {
        let dictionary = StringDictionary(distinct: (0..<5000).map { "Entry \($0) Môn" })
        let codes = (0..<rows).map { UInt32(($0 * 977) % 5000) }
        return (Column(.varchar(codes: codes, dictionary: dictionary)), codes.map { dictionary[$0] })
    }

    @Test func hugeDictionarySmallChunkMatchesPerRow() throws {
        let (column, strings) = Self.sparseChunk(rows: 12)
        let upper = try ScalarHarness.evaluate("upper", [column], rowCount: 12)
        #expect(upper.values == strings.map { .varchar($0.uppercased()) })
        let length = try ScalarHarness.evaluate("length", [column], rowCount: 12)
        #expect(length.values == strings.map { .bigint(Int64($0.unicodeScalars.count)) })
        let constant = Column(repeating: .varchar("Entry 2"), count: 12)
        let less = try ScalarHarness.evaluate("<", [column, constant], rowCount: 12)
        #expect(
            less.values == strings.map { .boolean(Array($0.utf8).lexicographicallyPrecedes(Array("Entry 2".utf8))) })
        let like = try ScalarHarness.evaluate(
            "like", [column, Column(repeating: .varchar("%9%"), count: 12)], rowCount: 12)
        #expect(like.values == strings.map { .boolean($0.contains("9")) })
        let cast = try CastKernel.cast(column, to: .bigint, mode: .try)
        #expect(cast.nullCount == 12)
    }

    @Test func allConstantArgumentsEvaluateOnce() throws {
        let rows = 1000
        let text = Column(repeating: .varchar("Ynys Môn"), count: rows)
        let start = Column(repeating: .bigint(6), count: rows)
        let result = try ScalarHarness.evaluate("substr", [text, start], rowCount: rows)
        #expect(result.values == Array(repeating: .varchar("Môn"), count: rows))
        guard case .varchar(_, let dictionary) = result.storage else { Issue.record("not text"); return }
        #expect(dictionary.count == 1)
    }

    @Test(arguments: ["upper", "length", "reverse", "trim"])
    func allNullArgumentGivesAllNull(_ name: String) throws {
        let nulls = Column(nullsOf: .varchar, count: 7)
        let result = try ScalarHarness.evaluate(name, [nulls], rowCount: 7)
        #expect(result.nullCount == 7)
    }

    @Test func emptyChunk() throws {
        for name in ["+", "=", "||", "like", "coalesce"] {
            let type: DataType = ["+"].contains(name) ? .bigint : .varchar
            let empty = Column(nullsOf: type, count: 0)
            let result = try ScalarHarness.evaluate(name, [empty, empty], rowCount: 0)
            #expect(result.count == 0, "\(name)")
        }
    }

    @Test func nullsInsideConstantDictionaryDoNotLeak() throws {
        // One dictionary entry but some NULL rows: the entry's result must not appear in NULL rows.
        let column = Column(
            .varchar(codes: [0, 0, 0], dictionary: StringDictionary(distinct: ["abc"])),
            validity: Validity([true, false, true]))
        let upper = try ScalarHarness.evaluate("upper", [column], rowCount: 3)
        #expect(upper.values == [.varchar("ABC"), .null, .varchar("ABC")])
        let concat = try ScalarHarness.evaluate(
            "concat", [column, Column(repeating: .varchar("!"), count: 3)], rowCount: 3)
        #expect(concat.values == [.varchar("abc!"), .varchar("!"), .varchar("abc!")])
    }

    @Test func failureOnlyForRowsThatAreNotNull() throws {
        // sqrt(-1) sits under a NULL row: no error.
        let column = Column(.double([4, -1, 9]), validity: Validity([true, false, true]))
        let result = try ScalarHarness.evaluate("sqrt", [column], rowCount: 3)
        #expect(result.values == [.double(2), .null, .double(3)])
        let divided = try ScalarHarness.evaluate(
            "//", [Column(.bigint([Int64.min, 4])), Column(.bigint([-1, 2]), validity: Validity([false, true]))],
            rowCount: 2)
        #expect(divided.values == [.null, .bigint(2)])
    }
}

@Suite struct RandomisedNumericTests {
    @Test(arguments: [11, 12, 13] as [UInt64])
    func roundMatchesReference(_ seed: UInt64) throws {
        var random = RandomColumns(seed: seed)
        let values = random.values(.double, count: 3000)
        let digits = (0..<3000).map { _ in Value.bigint(Int64.random(in: -3...3, using: &random.generator)) }
        let result = try ScalarHarness.callColumns("round", [values, digits], types: [.double, .bigint])
        for row in 0..<3000 {
            guard case .double(let x) = values[row], case .bigint(let d) = digits[row] else {
                #expect(result[row] == .null)
                continue
            }
            let scale = Double(sign: .plus, exponent: 0, significand: 1) * Self.power(10, abs(d))
            var expected =
                d >= 0
                ? (x * scale).rounded(.toNearestOrAwayFromZero) / scale
                : (x / scale).rounded(.toNearestOrAwayFromZero) * scale
            if !expected.isFinite { expected = x }
            #expect(result[row] == .double(expected), "round(\(x), \(d))")
        }
    }

    @Test(arguments: [21, 22] as [UInt64])
    func doubleToBigintCastMatchesReference(_ seed: UInt64) throws {
        var random = RandomColumns(seed: seed)
        let values = random.values(.double, count: 3000)
        let result = try CastKernel.cast(Column(type: .double, values: values), to: .bigint, mode: .try)
        for (row, value) in values.enumerated() {
            guard case .double(let x) = value else { #expect(result[row] == .null); continue }
            let rounded = x.rounded(.toNearestOrAwayFromZero)
            let expected: Value = x.isFinite && abs(rounded) < 9.2e18 ? .bigint(Int64(rounded)) : .null
            #expect(result[row] == expected, "CAST(\(x) AS BIGINT)")
        }
    }

    @Test(arguments: [31, 32] as [UInt64])
    func dateArithmeticMatchesReference(_ seed: UInt64) throws {
        var random = RandomColumns(seed: seed)
        let dates = random.values(.date, count: 3000)
        let offsets = (0..<3000).map { _ in Value.bigint(Int64.random(in: -1000...1000, using: &random.generator)) }
        let plus = try ScalarHarness.callColumns("+", [dates, offsets], types: [.date, .bigint])
        let minus = try ScalarHarness.callColumns("-", [dates, offsets], types: [.date, .bigint])
        let between = try ScalarHarness.callColumns("-", [plus, dates], types: [.date, .date])
        for row in 0..<3000 {
            guard case .date(let d) = dates[row], case .bigint(let k) = offsets[row] else { continue }
            #expect(plus[row] == .date(Date32(daysSinceEpoch: d.daysSinceEpoch + Int32(k))))
            #expect(minus[row] == .date(Date32(daysSinceEpoch: d.daysSinceEpoch - Int32(k))))
            #expect(between[row] == .bigint(k))
            // The calendar agrees: components of the shifted day rebuild it.
            if case .date(let shifted) = plus[row] {
                let (y, m, day) = shifted.components
                #expect(Date32(year: y, month: m, day: day) == shifted)
            }
        }
    }

    static func power(_ base: Double, _ exponent: Int64) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= base }
        return result
    }
}
