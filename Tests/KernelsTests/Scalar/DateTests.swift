import Columnar
import Kernels
import Testing

@Suite struct DateTests {
    static func d(_ iso: String) -> Value { .day(iso) }
    static func n(_ v: Int64) -> Value { .bigint(v) }

    static let cases: [Call] = [
        Call("year", [d("2024-02-29")], n(2024)), Call("month", [d("2024-02-29")], n(2)),
        Call("day", [d("2024-02-29")], n(29)), Call("year", [d("1969-12-31")], n(1969)),
        Call("day", [d("1900-03-01")], n(1)), Call("quarter", [d("2024-11-05")], n(4)),
        Call("quarter", [d("2024-03-31")], n(1)), Call("dayofweek", [d("2024-01-01")], n(1)),
        Call("dayofweek", [d("2023-12-31")], n(0)), Call("dayofweek", [d("1970-01-01")], n(4)),
        Call("dayofyear", [d("2024-12-31")], n(366)), Call("dayofyear", [d("2023-12-31")], n(365)),
        Call("year", [.null], .null),
        Call("date_diff", [.varchar("day"), d("2024-01-01"), d("2024-03-01")], n(60)),
        Call("date_diff", [.varchar("day"), d("2023-01-01"), d("2023-03-01")], n(59)),
        Call("date_diff", [.varchar("month"), d("2020-01-31"), d("2020-02-01")], n(1)),
        Call("date_diff", [.varchar("month"), d("2024-03-31"), d("2024-01-01")], n(-2)),
        Call("date_diff", [.varchar("year"), d("2020-12-31"), d("2021-01-01")], n(1)),
        Call("date_diff", [.varchar("year"), d("2021-01-01"), d("2020-12-31")], n(-1)),
        Call("date_diff", [.varchar("year"), d("2020-01-01"), d("2020-12-31")], n(0)),
        Call("date_diff", [.varchar("quarter"), d("2024-03-31"), d("2024-04-01")], n(1)),
        Call("date_diff", [.varchar("quarter"), d("2023-01-01"), d("2024-12-31")], n(7)),
        // Whole weeks of days, as DuckDB 2.0.1: a Sunday to the next Monday is no week.
        Call("date_diff", [.varchar("week"), d("2024-01-07"), d("2024-01-08")], n(0)),
        Call("date_diff", [.varchar("week"), d("2024-01-07"), d("2024-01-14")], n(1)),
        Call("date_diff", [.varchar("week"), d("2024-01-01"), d("2024-01-07")], n(0)),
        Call("date_diff", [.varchar("week"), d("2024-01-08"), d("2024-01-01")], n(-1)),
        Call("datediff", [.varchar("DAY"), d("2024-03-01"), d("2024-01-01")], n(-60)),
        Call("date_diff", [.varchar("days"), d("1969-12-31"), d("1970-01-01")], n(1)),
        Call("date_diff", [.varchar("month"), .null, d("1970-01-01")], .null),
        Call("date_trunc", [.varchar("month"), d("2024-02-29")], d("2024-02-01")),
        Call("date_trunc", [.varchar("year"), d("2024-02-29")], d("2024-01-01")),
        Call("date_trunc", [.varchar("quarter"), d("2024-05-15")], d("2024-04-01")),
        Call("date_trunc", [.varchar("week"), d("2024-01-07")], d("2024-01-01")),
        Call("date_trunc", [.varchar("week"), d("1970-01-01")], d("1969-12-29")),
        Call("date_trunc", [.varchar("day"), d("2024-01-07")], d("2024-01-07")),
        Call("date_part", [.varchar("year"), d("2024-01-07")], n(2024)),
        Call("date_part", [.varchar("week"), d("2021-01-01")], n(53)),
        Call("date_part", [.varchar("week"), d("2024-01-01")], n(1)),
        Call("date_part", [.varchar("week"), d("2020-12-31")], n(53)),
        Call("make_date", [n(2024), n(2), n(29)], d("2024-02-29")),
        Call("make_date", [n(2000), n(2), n(29)], d("2000-02-29")),
        Call("make_date", [n(2024), .null, n(29)], .null),
        Call("strftime", [d("2024-03-01"), .varchar("%d %B %Y")], .varchar("01 March 2024")),
        Call("strftime", [d("2024-03-01"), .varchar("%Y-%m-%d")], .varchar("2024-03-01")),
        Call("strftime", [d("2024-03-01"), .varchar("%a %b %e")], .varchar("Fri Mar  1")),
        Call("strftime", [d("2024-03-01"), .varchar("%A, %-d %B")], .varchar("Friday, 1 March")),
        Call("strftime", [d("2024-03-01"), .varchar("%j")], .varchar("061")),
        Call("strftime", [d("2023-03-01"), .varchar("%-j")], .varchar("60")),
        Call("strftime", [d("2024-03-01"), .varchar("%y")], .varchar("24")),
        Call("strftime", [d("2024-03-01"), .varchar("100%%")], .varchar("100%")),
        Call("strftime", [d("2024-03-01"), .varchar("%F")], .varchar("2024-03-01")),
        Call("strftime", [d("2024-03-10"), .varchar("%u %w %V")], .varchar("7 0 10")),
        Call("strftime", [d("2024-03-01"), .varchar("Q: %-m/%-d")], .varchar("Q: 3/1")),
        Call("strftime", [d("2024-03-01"), .varchar("Môn %Y")], .varchar("Môn 2024")),
        Call("strftime", [.null, .varchar("%Y")], .null),
        Call("monthname", [d("2024-02-29")], .varchar("February")),
        Call("dayname", [d("2024-02-29")], .varchar("Thursday")),
        Call("dayname", [.null], .null),
    ]

    @Test(arguments: cases)
    func computesExactResult(_ call: Call) throws { try call.check() }

    static let failures: [FailingCall] = [
        FailingCall("make_date", [n(2023), n(2), n(29)], .conversion, "2023-2-29"),
        FailingCall("make_date", [n(2023), n(13), n(1)], .conversion, "Date out of range"),
        FailingCall("make_date", [n(.max), n(1), n(1)], .conversion, "Date out of range"),
        FailingCall(
            "date_diff", [.varchar("fortnight"), d("2024-01-01"), d("2024-01-01")], .invalidArgument, "fortnight"),
        FailingCall("date_trunc", [.varchar("hour"), d("2024-01-01")], .invalidArgument, "unknown date part"),
        FailingCall("strftime", [d("2024-01-01"), .varchar("%Q")], .invalidArgument, "%Q"),
        FailingCall("strftime", [d("2024-01-01"), .varchar("50%")], .invalidArgument, "lone %"),
    ]

    @Test(arguments: failures)
    func rejectsBadArguments(_ call: FailingCall) { call.check() }

    @Test func currentDateIsTodayAndNotDeterministic() throws {
        let overload = try #require(ScalarFunctions.standard["current_date"]?.resolve([]))
        #expect(!overload.isDeterministic)
        let result = try overload.evaluate([], 3)
        #expect(result.count == 3)
        guard case .date(let today) = result[0] else { Issue.record("not a date"); return }
        #expect(today > Date32(iso: "2024-01-01")!)
        #expect(result[2] == result[0])
    }
}
