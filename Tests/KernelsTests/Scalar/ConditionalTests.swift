import Columnar
import Kernels
import Testing

@Suite struct ConditionalTests {
    static func n(_ v: Int64) -> Value { .bigint(v) }

    static let cases: [Call] = [
        Call("coalesce", [.null, n(2), n(3)], n(2)), Call("coalesce", [n(1), .null], n(1)),
        Call("coalesce", [.null, .null], .null), Call("coalesce", [n(1), .double(2.5)], .double(1)),
        Call("coalesce", [.null, .varchar("a")], .varchar("a")),
        Call("coalesce", [.varchar("a"), .varchar("b")], .varchar("a")),
        Call("coalesce", [.null, .day("2024-02-29")], .day("2024-02-29")),
        Call("nullif", [n(1), n(1)], .null), Call("nullif", [n(1), n(2)], n(1)),
        Call("nullif", [n(1), .null], n(1)), Call("nullif", [.null, n(1)], .null),
        Call("nullif", [.varchar("a"), .varchar("a")], .null),
        Call("nullif", [.varchar("a"), .varchar("b")], .varchar("a")),
        Call("nullif", [n(1), .double(1)], .null), Call("nullif", [.double(.nan), .double(.nan)], .null),
        Call("least", [n(3), n(1), n(2)], n(1)), Call("greatest", [n(3), n(1), n(2)], n(3)),
        Call("least", [n(3), .null, n(2)], n(2)), Call("greatest", [.null, .null], .null),
        Call("least", [n(1), .double(2.5)], .double(1)),
        Call("greatest", [.varchar("apple"), .varchar("banana")], .varchar("banana")),
        Call("greatest", [.varchar("Zebra"), .varchar("apple")], .varchar("apple")),
        Call("least", [.varchar("é"), .varchar("z")], .varchar("z")),
        Call("greatest", [.double(1), .double(.nan)], .double(.nan)),
        Call("least", [.double(.nan), .double(1)], .double(1)),
        Call("greatest", [.day("2024-01-01"), .day("2023-01-01")], .day("2024-01-01")),
        Call("least", [.boolean(true), .boolean(false)], .boolean(false)),
        Call("least", [n(5)], n(5)),
        Call("ifnull", [.null, n(2)], n(2)),
        Call("ifnull", [.varchar("a"), .varchar("b")], .varchar("a")),
    ]

    @Test(arguments: cases)
    func computesExactResult(_ call: Call) throws { try call.check() }

    @Test func incompatibleTypesHaveNoOverload() {
        for name in ["coalesce", "least", "greatest", "nullif"] {
            #expect(ScalarFunctions.standard[name]!.resolve([.bigint, .varchar]) == nil, "\(name)")
        }
        #expect(ScalarFunctions.standard["coalesce"]!.resolve([]) == nil)
        #expect(ScalarFunctions.standard["coalesce"]!.resolve([nil, .date])?.parameterTypes == [.date, .date])
    }

    @Test func coalesceMergesDictionaries() throws {
        let a = Column(type: .varchar, values: [.varchar("x"), .null, .null, .varchar("y")])
        let b = Column(type: .varchar, values: [.varchar("p"), .varchar("q"), .null, .varchar("x")])
        let result = try ScalarHarness.evaluate("coalesce", [a, b], rowCount: 4)
        #expect(result.values == [.varchar("x"), .varchar("q"), .null, .varchar("y")])
    }
}
