import Columnar
import Kernels
import TestSupport
import Testing

/// Vectorised kernels against `ReferenceSemantics` on seeded random columns (with NULLs, extremes and
/// constant broadcasts).
@Suite struct RandomisedKernelTests {
    static let rows = 3000
    static let seeds: [UInt64] = [1, 2, 3]

    /// Runs `name` on random columns of `types` and checks every row against `reference`
    /// (nil: the row must make the kernel throw).
    static func check(
        _ name: String, _ types: [DataType], seed: UInt64, rows: Int = rows,
        reference: ([Value]) -> Value?
    ) throws {
        var random = RandomColumns(seed: seed)
        let generated = types.map { random.column($0, count: rows) }
        let expected = (0..<rows).map { row in reference(generated.map { $0.1[row] }) }
        let mustThrow = expected.contains { $0 == nil }
        do {
            let result = try ScalarHarness.evaluate(name, generated.map(\.0), rowCount: rows)
            #expect(!mustThrow, "\(name)\(types) should have failed")
            var mismatches = 0
            for row in 0..<rows where result[row] != expected[row]! && mismatches < 5 {
                mismatches += 1
                Issue.record(
                    "\(name)(\(generated.map { $0.1[row].literal })) = \(result[row].literal), expected \(expected[row]!.literal)"
                )
            }
        } catch let error as KernelError {
            #expect(mustThrow, "\(name)\(types) threw \(error.message)")
        }
    }

    @Test(arguments: ["+", "-", "*", "/", "//", "%"], seeds)
    func bigintArithmeticMatchesReference(_ symbol: String, _ seed: UInt64) throws {
        try Self.check(symbol, [.bigint, .bigint], seed: seed) { ReferenceSemantics.arithmetic(symbol, $0[0], $0[1]) }
    }

    @Test(arguments: ["+", "-", "*", "/", "//", "%"], seeds)
    func doubleArithmeticMatchesReference(_ symbol: String, _ seed: UInt64) throws {
        try Self.check(symbol, [.double, .double], seed: seed) { ReferenceSemantics.arithmetic(symbol, $0[0], $0[1]) }
        // Mixed operands widen the BIGINT side.
        try Self.check(symbol, [.bigint, .double], seed: seed &+ 100) { row in
            let widened: Value = if case .bigint(let v) = row[0] { .double(Double(v)) } else { row[0] }
            return ReferenceSemantics.arithmetic(symbol, widened, row[1])
        }
    }

    @Test(arguments: ["=", "<>", "<", "<=", ">", ">="], DataType.allCases)
    func comparisonMatchesReference(_ symbol: String, _ type: DataType) throws {
        for seed in Self.seeds {
            try Self.check(symbol, [type, type], seed: seed) { ReferenceSemantics.compare(symbol, $0[0], $0[1]) }
        }
    }

    @Test(arguments: seeds)
    func logicMatchesReference(_ seed: UInt64) throws {
        try Self.check("and", [.boolean, .boolean], seed: seed) { ReferenceSemantics.logic("and", $0[0], $0[1]) }
        try Self.check("or", [.boolean, .boolean], seed: seed) { ReferenceSemantics.logic("or", $0[0], $0[1]) }
        try Self.check("not", [.boolean], seed: seed) { row in
            if case .boolean(let b) = row[0] { return .boolean(!b) }
            return .null
        }
    }

    @Test(arguments: seeds)
    func likeMatchesReference(_ seed: UInt64) throws {
        try Self.check("like", [.varchar, .varchar], seed: seed) { row in
            guard case .varchar(let s) = row[0], case .varchar(let p) = row[1] else { return .null }
            return .boolean(ReferenceSemantics.like(s, p))
        }
    }

    @Test(arguments: seeds)
    func substringMatchesReference(_ seed: UInt64) throws {
        var random = RandomColumns(seed: seed)
        let strings = random.values(.varchar, count: Self.rows)
        let starts = (0..<Self.rows).map { _ in Value.bigint(Int64.random(in: -8...8, using: &random.generator)) }
        let lengths = (0..<Self.rows).map { _ in Value.bigint(Int64.random(in: -8...8, using: &random.generator)) }
        let three = try ScalarHarness.callColumns(
            "substr", [strings, starts, lengths], types: [.varchar, .bigint, .bigint])
        let two = try ScalarHarness.callColumns("substr", [strings, starts], types: [.varchar, .bigint])
        for row in 0..<Self.rows {
            guard case .varchar(let s) = strings[row], case .bigint(let start) = starts[row],
                case .bigint(let length) = lengths[row]
            else {
                #expect(three[row] == .null && two[row] == .null)
                continue
            }
            #expect(
                three[row] == .varchar(ReferenceSemantics.substring(s, start, length)),
                "substr('\(s)', \(start), \(length))")
            #expect(two[row] == .varchar(ReferenceSemantics.substring(s, start, nil)), "substr('\(s)', \(start))")
        }
    }

    @Test(arguments: seeds)
    func textFunctionsMatchReference(_ seed: UInt64) throws {
        try Self.check("length", [.varchar], seed: seed) { row in
            guard case .varchar(let s) = row[0] else { return .null }
            return .bigint(Int64(s.unicodeScalars.count))
        }
        try Self.check("||", [.varchar, .varchar], seed: seed) { row in
            guard case .varchar(let a) = row[0], case .varchar(let b) = row[1] else { return .null }
            return .varchar(a + b)
        }
        try Self.check("concat", [.varchar, .bigint, .varchar], seed: seed) { row in
            .varchar(row.map { $0.isNull ? "" : $0.description }.joined())
        }
        try Self.check("contains", [.varchar, .varchar], seed: seed) { row in
            guard case .varchar(let a) = row[0], case .varchar(let b) = row[1] else { return .null }
            let (x, y) = (Array(a.utf8), Array(b.utf8))
            return .boolean(
                y.isEmpty
                    || (0...max(0, x.count - y.count)).contains {
                        x.count >= y.count && Array(x[$0..<$0 + y.count]) == y
                    })
        }
        try Self.check("reverse", [.varchar], seed: seed) { row in
            guard case .varchar(let s) = row[0] else { return .null }
            return .varchar(String(s.reversed()))
        }
    }

    @Test(arguments: DataType.allCases)
    func coalesceLeastGreatestMatchReference(_ type: DataType) throws {
        for seed in Self.seeds {
            try Self.check("coalesce", [type, type, type], seed: seed) { row in row.first { !$0.isNull } ?? .null }
            try Self.check("least", [type, type, type], seed: seed) { row in
                row.filter { !$0.isNull }.min { ReferenceSemantics.order($0, $1) < 0 } ?? .null
            }
            try Self.check("greatest", [type, type], seed: seed) { row in
                row.filter { !$0.isNull }.max { ReferenceSemantics.order($0, $1) < 0 } ?? .null
            }
            try Self.check("nullif", [type, type], seed: seed) { row in
                if row[0].isNull { return .null }
                if !row[1].isNull && ReferenceSemantics.order(row[0], row[1]) == 0 { return .null }
                return row[0]
            }
        }
    }

    @Test(arguments: seeds)
    func dateDiffMatchesReference(_ seed: UInt64) throws {
        for part in ["day", "month", "year", "quarter"] {
            var random = RandomColumns(seed: seed)
            let a = random.values(.date, count: Self.rows), b = random.values(.date, count: Self.rows)
            let parts = Array(repeating: Value.varchar(part), count: Self.rows)
            let result = try ScalarHarness.callColumns("date_diff", [parts, a, b], types: [.varchar, .date, .date])
            for row in 0..<Self.rows {
                guard case .date(let x) = a[row], case .date(let y) = b[row] else {
                    #expect(result[row] == .null)
                    continue
                }
                let (p, q) = (x.components, y.components)
                let expected: Int64 =
                    switch part {
                    case "day": Int64(y.daysSinceEpoch - x.daysSinceEpoch)
                    case "month": Int64((q.year - p.year) * 12 + q.month - p.month)
                    case "quarter": Int64((q.year - p.year) * 4 + (q.month - 1) / 3 - (p.month - 1) / 3)
                    default: Int64(q.year - p.year)
                    }
                #expect(result[row] == .bigint(expected), "date_diff('\(part)', \(x), \(y))")
            }
        }
    }

    @Test(arguments: DataType.allCases, seeds)
    func textRoundTripRestoresValues(_ type: DataType, _ seed: UInt64) throws {
        var random = RandomColumns(seed: seed)
        let (column, values) = random.column(type, count: Self.rows)
        let text = try CastKernel.cast(column, to: .varchar, mode: .strict)
        expectValid(text)
        for row in 0..<Self.rows {
            #expect(text[row] == (values[row].isNull ? .null : .varchar(values[row].description)))
        }
        let back = try CastKernel.cast(text, to: type, mode: .strict)
        expectValid(back)
        #expect(back.values == values)
    }

    @Test(arguments: seeds)
    func textToBigintMatchesReference(_ seed: UInt64) throws {
        var random = RandomColumns(seed: seed)
        let pieces = ["1", "0", "-", "+", " ", ".", "5", "9", "x", "_", "4"]
        let strings = (0..<Self.rows).map { _ in
            Value.varchar(
                (0..<Int.random(in: 0...6, using: &random.generator)).map { _ in
                    pieces.randomElement(using: &random.generator)!
                }.joined())
        }
        let result = try CastKernel.cast(Column(type: .varchar, values: strings), to: .bigint, mode: .try)
        expectValid(result)
        for (row, value) in strings.enumerated() {
            guard case .varchar(let s) = value else { continue }
            #expect(result[row] == Self.referenceBigint(s).map(Value.bigint) ?? .null, "'\(s)'")
        }
    }

    /// Integers with an optional fraction rounded half away from zero, via Decimal-free string surgery.
    static func referenceBigint(_ text: String) -> Int64? {
        var s = text.trimmingCharacters(in: " ")
        var negative = false
        if let sign = s.first, sign == "-" || sign == "+" { negative = sign == "-"; s.removeFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
        guard !(whole.isEmpty && fraction.isEmpty), fraction.allSatisfy(\.isNumber) else { return nil }
        guard whole.isEmpty || (whole.first!.isNumber && whole.last!.isNumber && !whole.contains("__")) else {
            return nil
        }
        let digits = whole.filter { $0 != "_" }
        guard digits.allSatisfy(\.isNumber) else { return nil }
        guard var magnitude = digits.isEmpty ? 0 : Int64(negative ? "-" + digits : digits) else { return nil }
        if let first = fraction.first, first >= "5" {
            let (r, o) = magnitude.addingReportingOverflow(negative ? -1 : 1)
            guard !o else { return nil }
            magnitude = r
        }
        return magnitude
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
