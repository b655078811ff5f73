import Columnar
import Kernels
import Testing

@Suite struct MathTests {
    static let cases: [Call] = [
        Call("abs", [.bigint(-5)], .bigint(5)),
        Call("abs", [.bigint(5)], .bigint(5)),
        Call("abs", [.double(-2.5)], .double(2.5)),
        Call("abs", [.null], .null),
        Call("round", [.double(2.5)], .double(3)),
        Call("round", [.double(-2.5)], .double(-3)),
        Call("round", [.double(2.4999)], .double(2)),
        Call("round", [.double(-0.5)], .double(-1)),
        Call("round", [.bigint(7)], .bigint(7)),
        Call("round", [.double(3.14159), .bigint(2)], .double(3.14)),
        Call("round", [.double(-1.005), .bigint(1)], .double(-1.0)),
        Call("round", [.double(1234.5), .bigint(-2)], .double(1200)),
        Call("round", [.double(1250), .bigint(-2)], .double(1300)),
        Call("round", [.double(.infinity), .bigint(2)], .double(.infinity)),
        Call("round", [.double(1e300), .bigint(10)], .double(1e300)),
        Call("round", [.bigint(1250), .bigint(-2)], .bigint(1300)),
        Call("round", [.bigint(-1250), .bigint(-2)], .bigint(-1300)),
        Call("round", [.bigint(-1249), .bigint(-2)], .bigint(-1200)),
        Call("round", [.bigint(1249), .bigint(2)], .bigint(1249)),
        Call("round", [.bigint(4_999_999_999_999_999_999), .bigint(-19)], .bigint(0)),
        Call("floor", [.double(-2.5)], .double(-3)),
        Call("floor", [.double(2.5)], .double(2)),
        Call("floor", [.bigint(-3)], .bigint(-3)),
        Call("ceil", [.double(-2.5)], .double(-2)),
        Call("ceil", [.double(2.1)], .double(3)),
        Call("ceiling", [.double(2.1)], .double(3)),
        Call("ceil", [.bigint(4)], .bigint(4)),
        Call("sqrt", [.bigint(16)], .double(4)),
        Call("sqrt", [.double(2)], .double(2.0.squareRoot())),
        Call("sqrt", [.double(0)], .double(0)),
        Call("sqrt", [.null], .null),
        Call("ln", [.double(1)], .double(0)),
        Call("log10", [.bigint(1000)], .double(3)),
        Call("exp", [.bigint(0)], .double(1)),
        Call("exp", [.double(1000)], .double(.infinity)),
        Call("power", [.bigint(2), .bigint(10)], .double(1024)),
        Call("pow", [.double(2), .double(-1)], .double(0.5)),
        Call("power", [.double(-8), .double(1.0 / 3.0)], .double(.nan)),
        Call("power", [.bigint(0), .bigint(0)], .double(1)),
        Call("sign", [.bigint(-7)], .bigint(-1)),
        Call("sign", [.bigint(0)], .bigint(0)),
        Call("sign", [.double(0.1)], .bigint(1)),
        Call("sign", [.double(.nan)], .bigint(0)),
        Call("pi", [], .double(.pi)),
        Call("trunc", [.double(-2.7)], .double(-2)),
        Call("trunc", [.double(2.7)], .double(2)),
        Call("trunc", [.bigint(-9)], .bigint(-9)),
        Call("log", [.bigint(100)], .double(2)),
        Call("log", [.bigint(2), .bigint(8)], .double(3)),
        Call("log2", [.bigint(1024)], .double(10)),
    ]

    @Test(arguments: cases)
    func computesExactResult(_ call: Call) throws { try call.check() }

    static let failures: [FailingCall] = [
        FailingCall("sqrt", [.double(-1)], .invalidArgument, "square root of a negative"),
        FailingCall("ln", [.double(0)], .invalidArgument, "logarithm of zero"),
        FailingCall("ln", [.double(-1)], .invalidArgument, "logarithm of a negative"),
        FailingCall("log10", [.bigint(-10)], .invalidArgument, "logarithm"),
        FailingCall("abs", [.bigint(.min)], .overflow, "abs"),
        FailingCall("log2", [.double(0)], .invalidArgument, "logarithm of zero"),
        FailingCall("log", [.double(10), .double(-1)], .invalidArgument, "logarithm"),
        FailingCall("round", [.bigint(9_000_000_000_000_000_000), .bigint(-19)], .overflow, "rounding"),
        FailingCall("round", [.bigint(9_223_372_036_854_775_807), .bigint(-3)], .overflow, "rounding"),
    ]

    @Test(arguments: failures)
    func rejectsOutOfDomain(_ call: FailingCall) { call.check() }

    @Test func roundDoubleDigitsRefuseDouble() {
        // round(x, d) takes BIGINT digits; a DOUBLE digits argument has no overload (no narrowing).
        #expect(ScalarFunctions.standard["round"]!.resolve([.double, .double]) == nil)
    }
}
