import Columnar
import Kernels
import Testing

@Suite struct ComparisonTests {
    static let nan = Value.double(.nan)

    static let cases: [Call] = [
        Call("=", [.bigint(1), .bigint(1)], .boolean(true)),
        Call("=", [.bigint(1), .bigint(2)], .boolean(false)),
        Call("=", [.bigint(1), .double(1.0)], .boolean(true)),
        Call("=", [.bigint(1), .null], .null),
        Call("=", [.null, .null], .null),
        Call("<>", [.bigint(1), .bigint(2)], .boolean(true)),
        Call("<", [.bigint(-1), .bigint(2)], .boolean(true)),
        Call("<=", [.bigint(2), .bigint(2)], .boolean(true)),
        Call(">", [.bigint(2), .bigint(2)], .boolean(false)),
        Call(">=", [.bigint(3), .bigint(2)], .boolean(true)),
        Call("=", [nan, nan], .boolean(true)),
        Call("<>", [nan, nan], .boolean(false)),
        Call(">", [nan, .double(.infinity)], .boolean(true)),
        Call("<", [.double(.infinity), nan], .boolean(true)),
        Call("<", [nan, .double(1)], .boolean(false)),
        Call(">=", [nan, nan], .boolean(true)),
        Call("<=", [.double(1), nan], .boolean(true)),
        Call("=", [.double(-0.0), .double(0.0)], .boolean(true)),
        Call("<", [.double(-0.0), .double(0.0)], .boolean(false)),
        Call("=", [.varchar("a"), .varchar("a")], .boolean(true)),
        Call("<", [.varchar("B"), .varchar("a")], .boolean(true)),
        Call("<", [.varchar("a"), .varchar("ab")], .boolean(true)),
        Call("<", [.varchar(""), .varchar("a")], .boolean(true)),
        Call(">", [.varchar("é"), .varchar("z")], .boolean(true)),
        // Binary, not canonical equivalence: precomposed é differs from e + combining acute.
        Call("=", [.varchar("\u{E9}"), .varchar("e\u{301}")], .boolean(false)),
        Call("<>", [.varchar("\u{E9}"), .varchar("e\u{301}")], .boolean(true)),
        Call("<", [.varchar("Z"), .varchar("a")], .boolean(true)),
        Call("=", [.boolean(true), .boolean(true)], .boolean(true)),
        Call("<", [.boolean(false), .boolean(true)], .boolean(true)),
        Call(">", [.boolean(false), .boolean(true)], .boolean(false)),
        Call("<", [.day("2024-02-29"), .day("2024-03-01")], .boolean(true)),
        Call("=", [.day("2024-02-29"), .day("2024-02-29")], .boolean(true)),
        Call(">=", [.day("1969-12-31"), .day("1970-01-01")], .boolean(false)),
        Call("=", [.varchar("x"), .null], .null),
    ]

    @Test(arguments: cases)
    func computesExactResult(_ call: Call) throws { try call.check() }

    @Test func mismatchedTypesHaveNoOverload() {
        let equal = ScalarFunctions.standard["="]!
        #expect(equal.resolve([.varchar, .bigint]) == nil)
        #expect(equal.resolve([.date, .varchar]) == nil)
        #expect(equal.resolve([.bigint, .double])?.parameterTypes == [.double, .double])
        #expect(equal.resolve([nil, .date])?.parameterTypes == [.date, .date])
    }

    @Test(arguments: ["=", "<>", "<", "<=", ">", ">="])
    func varcharAgainstConstantMatchesRowByRow(_ symbol: String) throws {
        let words = ["pear", "apple", "fig", "Apple", "", "pear", "zebra", "ápple"]
        let column = Column(type: .varchar, values: words.map(Value.varchar) + [.null])
        let constant = Column(repeating: .varchar("fig"), count: column.count)
        let forward = try ScalarHarness.evaluate(symbol, [column, constant], rowCount: column.count)
        let backward = try ScalarHarness.evaluate(symbol, [constant, column], rowCount: column.count)
        for (row, word) in words.enumerated() {
            let order = Array(word.utf8).lexicographicallyPrecedes(Array("fig".utf8)) ? -1 : (word == "fig" ? 0 : 1)
            #expect(forward[row] == .boolean(Self.holds(symbol, order)), "\(word) \(symbol) fig")
            #expect(backward[row] == .boolean(Self.holds(symbol, -order)), "fig \(symbol) \(word)")
        }
        #expect(forward[words.count] == .null)
        #expect(backward[words.count] == .null)
    }

    @Test func sharedDictionaryEqualityUsesCodes() throws {
        let dictionary = StringDictionary(distinct: ["a", "b", "c"])
        let x = Column(.varchar(codes: [0, 1, 2, 2], dictionary: dictionary))
        let y = Column(.varchar(codes: [0, 2, 2, 1], dictionary: dictionary))
        let equal = try ScalarHarness.evaluate("=", [x, y], rowCount: 4)
        #expect(equal.values == [true, false, true, false].map(Value.boolean))
        let less = try ScalarHarness.evaluate("<", [x, y], rowCount: 4)
        #expect(less.values == [false, true, false, false].map(Value.boolean))
    }

    static func holds(_ symbol: String, _ order: Int) -> Bool {
        switch symbol {
        case "=": order == 0
        case "<>": order != 0
        case "<": order < 0
        case "<=": order <= 0
        case ">": order > 0
        default: order >= 0
        }
    }
}

@Suite struct LogicalTests {
    static let t = Value.boolean(true), f = Value.boolean(false), n = Value.null

    static let cases: [Call] = [
        Call("and", [t, t], t), Call("and", [t, f], f), Call("and", [f, t], f), Call("and", [f, f], f),
        Call("and", [t, n], n), Call("and", [n, t], n), Call("and", [f, n], f), Call("and", [n, f], f),
        Call("and", [n, n], n),
        Call("or", [t, t], t), Call("or", [t, f], t), Call("or", [f, t], t), Call("or", [f, f], f),
        Call("or", [t, n], t), Call("or", [n, t], t), Call("or", [f, n], n), Call("or", [n, f], n),
        Call("or", [n, n], n),
        Call("not", [t], f), Call("not", [f], t), Call("not", [n], n),
    ]

    @Test(arguments: cases)
    func followsThreeValuedLogic(_ call: Call) throws { try call.check() }
}
