import Testing

@testable import Kernels

/// The linear-time regex engine (`RegexParser`, `RegexProgram`, `PikeVM`): submatches, priorities, and
/// patterns that made the former backtracking engine run for seconds or hours. Those tests assert the
/// answer only; that they finish at all is the point (time is not asserted).
@Suite struct RegexEngineTests {
    func slots(_ pattern: String, _ text: String, caseInsensitive: Bool = false) throws -> [Int]? {
        let program = try RegexProgram(pattern: pattern, caseInsensitive: caseInsensitive)
        var machine = PikeVM(program, text: text.unicodeScalars.map(\.value))
        return machine.search(from: 0, captures: true)
    }

    func matches(_ pattern: String, _ text: String) throws -> Bool {
        let program = try RegexProgram(pattern: pattern, caseInsensitive: false)
        var machine = PikeVM(program, text: text.unicodeScalars.map(\.value))
        return machine.search(from: 0, captures: false) != nil
    }

    @Test func leftmostFirstSubmatchesAsRE2() throws {
        #expect(try slots("(a|ab)(c|bcd)", "abcd") == [0, 4, 0, 1, 1, 4])
        #expect(try slots("a(b)?c", "ac") == [0, 2, -1, -1])
        #expect(try slots("(a*)+", "b") == [0, 0, 0, 0])
        #expect(try slots("x*", "aaxx") == [0, 0])
        #expect(try slots("a+?", "aaa") == [0, 1])
        #expect(try slots("(?:a|b)+c", "zabac") == [1, 5])
        #expect(try slots("b", "abc") == [1, 2])
    }

    @Test func caseFoldingFollowsSimpleUnicodeFolding() throws {
        #expect(try slots("k", "\u{212A}", caseInsensitive: true) == [0, 1])
        #expect(try slots("S", "\u{17F}", caseInsensitive: true) == [0, 1])
        #expect(try slots("école", "ÉCOLE", caseInsensitive: true) == [0, 5])
        #expect(try slots("[^a]b", "Ab", caseInsensitive: true) == nil)
    }

    @Test(arguments: [
        ("(a*)*b", String(repeating: "a", count: 1000), false),
        ("^(a+)+$", String(repeating: "a", count: 60) + "c", false),
        ("a*b", String(repeating: "a", count: 16_000), false),
        ("(a|aa)*b", String(repeating: "a", count: 5000) + "b", true),
        ("(x+x+)+y", String(repeating: "x", count: 5000), false),
        ("^(\\w+\\s?)*$", String(repeating: "word ", count: 2000) + "!", false),
        ("(a?){30}a{30}", String(repeating: "a", count: 30), true),
    ])
    func pathologicalPatternsFinish(pattern: String, text: String, expected: Bool) throws {
        #expect(try matches(pattern, text) == expected)
    }

    @Test(arguments: [
        ("(a)\\1", "backreferences"), ("a(?=b)", "lookaround"), ("a(?!b)", "lookaround"), ("a**", "bad repetition"),
        ("a{1001}", "invalid repetition size"), ("a{3,2}", "invalid repetition size"), ("(a", "missing )"),
        ("a)", "unmatched ')'"), ("[a", "missing ]"), ("[z-a]", "invalid character class range"),
        ("\\q", "invalid escape"), ("\\p{Greek}", "unknown Unicode class"), ("((a{100}){100}){100}", "too large"),
    ])
    func invalidPatternsAreNamed(pattern: String, reason: String) {
        #expect {
            _ = try RegexProgram(pattern: pattern, caseInsensitive: false)
        } throws: { error in
            guard let error = error as? KernelError else { return false }
            return error.kind == .invalidArgument && error.message.contains(reason)
        }
    }
}
