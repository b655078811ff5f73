import Columnar
import Kernels
import Testing

@Suite struct LikeTests {
    static func like(_ s: String?, _ p: String?, _ expected: Value) -> Call {
        Call("like", [s.map(Value.varchar) ?? .null, p.map(Value.varchar) ?? .null], expected)
    }
    static let t = Value.boolean(true), f = Value.boolean(false)

    static let cases: [Call] = [
        like("hello", "h%", t), like("hello", "%llo", t), like("hello", "h_llo", t), like("hello", "h_lo", f),
        like("hello", "%", t), like("", "%", t), like("", "_", f), like("", "", t), like("a", "", f),
        like("hello", "HELLO", f), like("Môn", "M_n", t), like("Môn", "M__n", f), like("abc", "a%c%", t),
        like("abcbc", "%bc", t), like("mississippi", "%iss%ipp%", t), like("mississippi", "%iss%ipp", f),
        like("aXb", "a%b%c", f), like("ab", "a%%b", t), like("a%b", "a%b", t), like("hello", "hello", t),
        like("hello", "hell", f), like("hello", "_____", t), like("hello", "______", f), like("👍🏽", "__", t),
        like(nil, "a", .null), like("a", nil, .null),
        Call("ilike", [.varchar("hello"), .varchar("HELLO")], t),
        Call("ilike", [.varchar("Ynys Môn"), .varchar("%MÔN")], t),
        Call("ilike", [.varchar("Ynys Môn"), .varchar("ynys_m_n")], t),
        Call("ilike", [.varchar("abc"), .varchar("ABD")], f),
        Call("like", [.varchar("100%"), .varchar("100\\%"), .varchar("\\")], t),
        Call("like", [.varchar("100x"), .varchar("100\\%"), .varchar("\\")], f),
        Call("like", [.varchar("a_b"), .varchar("a\\_b"), .varchar("\\")], t),
        Call("like", [.varchar("axb"), .varchar("a\\_b"), .varchar("\\")], f),
        Call("like", [.varchar("a\\b"), .varchar("a\\\\b"), .varchar("\\")], t),
        Call("like", [.varchar("a%b"), .varchar("a!%b"), .varchar("!")], t),
        Call("like", [.varchar("a\\b"), .varchar("a\\b"), .varchar("")], t),
        Call("ilike", [.varchar("A%B"), .varchar("a#%b"), .varchar("#")], t),
    ]

    @Test(arguments: cases)
    func matchesLikeDuckDB(_ call: Call) throws { try call.check() }

    static let failures: [FailingCall] = [
        FailingCall(
            "like", [.varchar("a"), .varchar("a"), .varchar("ab")], .invalidArgument,
            "Escape string must be empty or one character"),
        FailingCall(
            "like", [.varchar("a"), .varchar("a\\"), .varchar("\\")], .invalidArgument, "must not end with escape"),
    ]

    @Test(arguments: failures)
    func rejectsBadEscape(_ call: FailingCall) { call.check() }

    @Test func constantPatternOverManyRows() throws {
        let names = ["Harrow", "Hackney", "Havering", "Camden", "harrow", "Hull", ""]
        let column = Column(type: .varchar, values: (names + names).map(Value.varchar) + [.null])
        let pattern = Column(repeating: .varchar("H%r%"), count: column.count)
        let result = try ScalarHarness.evaluate("like", [column, pattern], rowCount: column.count)
        let expected = [true, false, true, false, false, false, false]
        #expect(result.values == (expected + expected).map(Value.boolean) + [.null])
    }
}
