import Columnar
import Kernels
import Testing

@Suite struct TextTests {
    static func s(_ text: String) -> Value { .varchar(text) }
    static func n(_ v: Int64) -> Value { .bigint(v) }

    static let cases: [Call] = [
        Call("lower", [s("Ynys Môn")], s("ynys môn")),
        Call("upper", [s("Ynys Môn")], s("YNYS MÔN")),
        Call("upper", [s("straße")], s("STRAßE")),
        Call("lower", [s("ÀÉÎ ΣΑΣ")], s("àéî σασ")),
        Call("upper", [s("")], s("")),
        Call("lower", [.null], .null),
        Call("length", [s("Ynys Môn")], n(8)),
        Call("length", [s("")], n(0)),
        Call("length", [s("e\u{301}")], n(2)),
        Call("length", [s("👍🏽")], n(2)),
        Call("length", [s("Caerdydd")], n(8)),
        Call("substr", [s("hello"), n(2)], s("ello")),
        Call("substr", [s("hello"), n(2), n(3)], s("ell")),
        Call("substring", [s("hello"), n(1), n(5)], s("hello")),
        Call("substr", [s("hello"), n(0), n(2)], s("h")),
        Call("substr", [s("hello"), n(0), n(1)], s("")),
        Call("substr", [s("hello"), n(0)], s("hello")),
        Call("substr", [s("hello"), n(-3), n(2)], s("ll")),
        Call("substr", [s("hello"), n(-3)], s("llo")),
        // The start is placed five before the string; three characters from there are all outside it.
        Call("substr", [s("hello"), n(-10), n(3)], s("")),
        Call("substr", [s("hello"), n(-6), n(3)], s("he")),
        Call("substr", [s("hello"), n(3), n(-2)], s("he")),
        Call("substr", [s("hello"), n(5)], s("o")),
        Call("substr", [s("hello"), n(6)], s("")),
        Call("substr", [s("hello"), n(10), n(2)], s("")),
        Call("substr", [s("hello"), n(1), n(0)], s("")),
        Call("substr", [s("hello"), n(2), n(.max)], s("ello")),
        Call("substr", [s("hello"), n(.min), n(.min)], s("")),
        Call("substr", [s("Ynys Môn"), n(6), n(2)], s("Mô")),
        Call("substr", [s("hello"), .null], .null),
        Call("trim", [s("  a b  ")], s("a b")),
        Call("ltrim", [s("  a b  ")], s("a b  ")),
        Call("rtrim", [s("  a b  ")], s("  a b")),
        Call("trim", [s("\ta ")], s("\ta")),
        Call("trim", [s("\u{A0}a\u{A0}")], s("a")),
        Call("trim", [s("xxaxx"), s("x")], s("a")),
        Call("trim", [s("xyaxyz"), s("xyz")], s("a")),
        Call("ltrim", [s("xxaxx"), s("x")], s("axx")),
        Call("trim", [s("   ")], s("")),
        Call("replace", [s("banana"), s("an"), s("AN")], s("bANANa")),
        Call("replace", [s("aaa"), s("aa"), s("b")], s("ba")),
        Call("replace", [s("abc"), s(""), s("x")], s("abc")),
        Call("replace", [s("Môn"), s("ô"), s("o")], s("Mon")),
        Call("replace", [s("abc"), s("b"), s("")], s("ac")),
        Call("concat", [s("a"), .null, s("b")], s("ab")),
        Call("concat", [.null], s("")),
        Call("concat", [s("n="), n(42)], s("n=42")),
        Call("concat", [.double(1.5), .boolean(true), .day("2024-02-29")], s("1.5true2024-02-29")),
        Call("||", [s("a"), s("b")], s("ab")),
        Call("||", [s("a"), .null], .null),
        Call("||", [s("n"), n(1)], s("n1")),
        Call("starts_with", [s("hello"), s("he")], .boolean(true)),
        Call("starts_with", [s("hello"), s("")], .boolean(true)),
        Call("starts_with", [s("he"), s("hello")], .boolean(false)),
        Call("ends_with", [s("hello"), s("lo")], .boolean(true)),
        Call("ends_with", [s("lo"), s("hello")], .boolean(false)),
        Call("contains", [s("hello"), s("ell")], .boolean(true)),
        Call("contains", [s("hello"), s("")], .boolean(true)),
        Call("contains", [s("hello"), s("elo")], .boolean(false)),
        Call("contains", [s("Ynys Môn"), s("ô")], .boolean(true)),
        Call("contains", [s("e\u{301}"), s("e")], .boolean(true)),
        Call("contains", [s("\u{E9}"), s("e")], .boolean(false)),
        Call("left", [s("hello"), n(2)], s("he")),
        Call("left", [s("hello"), n(-2)], s("hel")),
        Call("left", [s("hello"), n(10)], s("hello")),
        Call("left", [s("hello"), n(-10)], s("")),
        Call("right", [s("hello"), n(2)], s("lo")),
        Call("right", [s("hello"), n(-2)], s("llo")),
        Call("right", [s("hello"), n(-10)], s("")),
        Call("right", [s("hello"), n(0)], s("")),
        Call("right", [s("Môn"), n(2)], s("ôn")),
        Call("repeat", [s("ab"), n(3)], s("ababab")),
        Call("repeat", [s("ab"), n(0)], s("")),
        Call("repeat", [s("ab"), n(-1)], s("")),
        Call("reverse", [s("abc")], s("cba")),
        Call("reverse", [s("Môn")], s("nôM")),
        Call("reverse", [s("")], s("")),
        Call("instr", [s("hello"), s("l")], n(3)),
        Call("strpos", [s("hello"), s("z")], n(0)),
        Call("instr", [s("Môn"), s("n")], n(3)),
        Call("instr", [s("hello"), s("")], n(1)),
        Call("lpad", [s("hello"), n(8), s(">")], s(">>>hello")),
        Call("lpad", [s("hello"), n(3), s(">")], s("hel")),
        Call("rpad", [s("hi"), n(5), s("xy")], s("hixyx")),
        Call("lpad", [s("hi"), n(5), s("xy")], s("xyxhi")),
        Call("lpad", [s("hi"), n(0), s("x")], s("")),
        Call("rpad", [s("hi"), n(-1), s("x")], s("")),
        Call("lpad", [s("hi"), n(2), s("")], s("hi")),
        Call("rpad", [s("Môn"), n(4), s("ô")], s("Mônô")),
        Call("lcase", [s("AbC")], s("abc")),
        Call("ucase", [s("AbC")], s("ABC")),
        Call("char_length", [s("Môn")], n(3)),
        Call("prefix", [s("hello"), s("he")], .boolean(true)),
        Call("suffix", [s("hello"), s("he")], .boolean(false)),
        Call("concat_ws", [s(", "), s("a"), .null, s("b")], s("a, b")),
        Call("concat_ws", [s("-"), n(1), .double(2.5)], s("1-2.5")),
        Call("concat_ws", [.null, s("a")], .null),
        Call("concat_ws", [s("-"), .null], s("")),
        Call("regexp_matches", [s("abc123"), s("[0-9]+")], .boolean(true)),
        Call("regexp_matches", [s("abc"), s("^b")], .boolean(false)),
        Call("regexp_matches", [s("ABC"), s("b"), s("i")], .boolean(true)),
        Call("regexp_matches", [s("Môn"), s("^M.n$")], .boolean(true)),
        Call("regexp_replace", [s("a1b22c"), s("[0-9]+"), s("#")], s("a#b22c")),
        Call("regexp_replace", [s("a1b22c"), s("[0-9]+"), s("#"), s("g")], s("a#b#c")),
        Call("regexp_replace", [s("2024-03-01"), s("(\\d+)-(\\d+)-(\\d+)"), s("\\3/\\2/\\1")], s("01/03/2024")),
        Call("regexp_replace", [s("abc"), s("x"), s("y")], s("abc")),
        Call("regexp_replace", [s("Ynys Môn"), s("ô"), s("o"), s("g")], s("Ynys Mon")),
        Call("regexp_replace", [s("abc"), s("b*"), s("-"), s("g")], s("-a-c-")),
        Call("regexp_matches", [s(String(repeating: "a", count: 60)), s("(a*)*b")], .boolean(false)),
        Call("typeof", [n(1)], s("BIGINT")),
        Call("typeof", [s("a")], s("VARCHAR")),
        Call("typeof", [.double(1)], s("DOUBLE")),
        Call("typeof", [.day("2024-01-01")], s("DATE")),
        Call("typeof", [.boolean(false)], s("BOOLEAN")),
        Call("typeof", [.null], s("NULL")),
    ]

    @Test(arguments: cases)
    func computesExactResult(_ call: Call) throws { try call.check() }

    static let failures: [FailingCall] = [
        FailingCall("lpad", [s("hi"), n(5), s("")], .invalidArgument, "Insufficient padding in LPAD"),
        FailingCall("rpad", [s("hi"), n(5), s("")], .invalidArgument, "Insufficient padding in RPAD"),
        FailingCall("repeat", [s("ab"), n(.max)], .invalidArgument, "too large"),
        FailingCall("regexp_matches", [s("a"), s("(")], .invalidArgument, "invalid pattern"),
        FailingCall("regexp_matches", [s("aa"), s("(a)\\1")], .invalidArgument, "backreferences"),
        FailingCall("regexp_replace", [s("a"), s("a"), s("b"), s("q")], .invalidArgument, "unknown option"),
        FailingCall("lpad", [s("ab"), n(.max), s("x")], .invalidArgument, "too large"),
    ]

    @Test(arguments: failures)
    func rejectsBadArguments(_ call: FailingCall) { call.check() }

    @Test func upperOfManyRowsSharesOutputCodes() throws {
        // Distinct inputs that map to one output must share a code (the VARCHAR invariant).
        let column = Column(type: .varchar, values: ["a", "A", "b", "a", "B"].map(Value.varchar))
        let result = try ScalarHarness.evaluate("upper", [column], rowCount: 5)
        guard case .varchar(let codes, let dictionary) = result.storage else { Issue.record("not text"); return }
        #expect(dictionary.strings.sorted() == ["A", "B"])
        #expect(codes[0] == codes[1] && codes[1] == codes[3] && codes[2] == codes[4])
        #expect(result.values == ["A", "A", "B", "A", "B"].map(Value.varchar))
    }

    @Test func varyingSecondArgumentIsEvaluatedPerRow() throws {
        let strings = Column(
            type: .varchar, values: [.varchar("hello"), .varchar("hello"), .varchar("world"), .null].map { $0 })
        let starts = Column(.bigint([1, 2, 3, 1]))
        let result = try ScalarHarness.evaluate("substr", [strings, starts], rowCount: 4)
        #expect(result.values == [.varchar("hello"), .varchar("ello"), .varchar("rld"), .null])
    }
}
