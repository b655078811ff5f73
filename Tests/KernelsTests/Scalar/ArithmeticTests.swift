import Columnar
import Kernels
import Testing

@Suite struct ArithmeticTests {
    static let max = Int64.max, min = Int64.min

    static let cases: [Call] = [
        Call("+", [.bigint(2), .bigint(3)], .bigint(5)),
        Call("+", [.bigint(-2), .bigint(3)], .bigint(1)),
        Call("+", [.bigint(2), .double(0.5)], .double(2.5)),
        Call("+", [.double(0.1), .double(0.2)], .double(0.1 + 0.2)),
        Call("+", [.null, .bigint(3)], .null),
        Call("+", [.bigint(max), .bigint(-1)], .bigint(max - 1)),
        Call("-", [.bigint(2), .bigint(3)], .bigint(-1)),
        Call("-", [.double(2), .bigint(3)], .double(-1)),
        Call("-", [.bigint(min + 1), .bigint(1)], .bigint(min)),
        Call("-", [.bigint(5)], .bigint(-5)),
        Call("*", [.bigint(6), .bigint(7)], .bigint(42)),
        Call("*", [.bigint(-6), .bigint(7)], .bigint(-42)),
        Call("*", [.double(1.5), .double(2)], .double(3)),
        Call("*", [.bigint(3_037_000_499), .bigint(3_037_000_499)], .bigint(9_223_372_030_926_249_001)),
        Call("/", [.bigint(7), .bigint(2)], .double(3.5)),
        Call("/", [.bigint(-7), .bigint(2)], .double(-3.5)),
        Call("/", [.bigint(7), .bigint(0)], .null),
        Call("/", [.double(1), .double(0)], .null),
        Call("/", [.double(0), .double(0)], .null),
        Call("/", [.double(1), .double(3)], .double(1.0 / 3.0)),
        Call("/", [.null, .bigint(0)], .null),
        Call("//", [.bigint(7), .bigint(2)], .bigint(3)),
        Call("//", [.bigint(-7), .bigint(2)], .bigint(-3)),
        Call("//", [.bigint(7), .bigint(-2)], .bigint(-3)),
        Call("//", [.bigint(-7), .bigint(-2)], .bigint(3)),
        Call("//", [.bigint(7), .bigint(0)], .null),
        Call("//", [.double(7.5), .double(2)], .double(3.75)),
        Call("//", [.double(-7.5), .double(2)], .double(-3.75)),
        Call("//", [.double(7.5), .double(0)], .null),
        Call("%", [.bigint(7), .bigint(2)], .bigint(1)),
        Call("%", [.bigint(-7), .bigint(2)], .bigint(-1)),
        Call("%", [.bigint(7), .bigint(-2)], .bigint(1)),
        Call("%", [.bigint(7), .bigint(0)], .null),
        Call("%", [.bigint(min), .bigint(-1)], .bigint(0)),
        Call("%", [.double(7.5), .double(2)], .double(1.5)),
        Call("%", [.double(-7.5), .double(2)], .double(-1.5)),
        Call("%", [.double(1), .double(0)], .null),
        Call("negate", [.bigint(5)], .bigint(-5)),
        Call("negate", [.bigint(max)], .bigint(-max)),
        Call("negate", [.double(-2.5)], .double(2.5)),
        Call("negate", [.null], .null),
        Call("+", [.double(.infinity), .double(1)], .double(.infinity)),
        Call("+", [.double(.nan), .double(1)], .double(.nan)),
        Call("+", [.day("2024-02-28"), .bigint(1)], .day("2024-02-29")),
        Call("+", [.day("2023-02-28"), .bigint(1)], .day("2023-03-01")),
        Call("+", [.bigint(366), .day("2024-01-01")], .day("2025-01-01")),
        Call("-", [.day("2024-03-01"), .bigint(1)], .day("2024-02-29")),
        Call("-", [.day("2000-03-01"), .day("2000-02-28")], .bigint(2)),
        Call("-", [.day("1900-03-01"), .day("1900-02-28")], .bigint(1)),
        Call("-", [.day("1970-01-01"), .day("2024-01-01")], .bigint(-19723)),
        Call("+", [.day("2024-01-01"), .null], .null),
    ]

    @Test(arguments: cases)
    func computesExactResult(_ call: Call) throws { try call.check() }

    static let failures: [FailingCall] = [
        FailingCall(
            "+", [.bigint(max), .bigint(1)], .overflow, "Overflow in addition of BIGINT (9223372036854775807 + 1)"),
        FailingCall("-", [.bigint(min), .bigint(1)], .overflow, "subtraction"),
        FailingCall("*", [.bigint(max), .bigint(2)], .overflow, "multiplication"),
        FailingCall("*", [.bigint(3_037_000_500), .bigint(3_037_000_500)], .overflow, "3037000500 * 3037000500"),
        FailingCall("//", [.bigint(min), .bigint(-1)], .overflow, "division"),
        FailingCall("negate", [.bigint(min)], .overflow, "negation"),
        FailingCall("-", [.bigint(min)], .overflow, "negation"),
        FailingCall("+", [.day("2024-01-01"), .bigint(max)], .overflow, "Date out of range"),
        FailingCall("+", [.day("2024-01-01"), .bigint(3_000_000_000)], .overflow, "Date out of range"),
    ]

    @Test(arguments: failures)
    func reportsOverflow(_ call: FailingCall) { call.check() }

    @Test func overflowUnderNullRowIsIgnored() throws {
        // The value stored under a NULL row is unspecified; overflow there must not raise.
        let a = Column(.bigint([Int64.max, 1]), validity: Validity([false, true]))
        let b = Column(.bigint([1, 1]))
        let result = try ScalarHarness.evaluate("+", [a, b], rowCount: 2)
        #expect(result.values == [.null, .bigint(2)])
    }

    @Test func overflowNamesTheFirstOffendingRow() throws {
        let a = Column(.bigint([1, Int64.max - 1, Int64.max]))
        let b = Column(.bigint([1, 5, 1]))
        #expect(throws: KernelError.self) { try ScalarHarness.evaluate("+", [a, b], rowCount: 3) }
        do {
            _ = try ScalarHarness.evaluate("+", [a, b], rowCount: 3)
        } catch let error as KernelError {
            #expect(error.message.contains("9223372036854775806 + 5"))
        }
    }
}
