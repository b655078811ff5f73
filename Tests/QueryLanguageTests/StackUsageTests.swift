import Foundation
import Testing

@testable import QueryLanguage

/// Nesting just under the limit must fit comfortably in a thread's stack (the shell parses on the main
/// thread, 8 MB; this checks half of that), so the limit really prevents overflows.
@Suite struct StackUsageTests {
    static let deepButAllowed: [(String, String)] = [
        ("parentheses", "SELECT " + String(repeating: "(", count: 490) + "1" + String(repeating: ")", count: 490)),
        ("NOT", "SELECT " + String(repeating: "NOT ", count: 490) + "TRUE"),
        (
            "scalar subqueries",
            "SELECT " + String(repeating: "(SELECT ", count: 160) + "1" + String(repeating: ")", count: 160)
        ),
        ("function calls", "SELECT " + String(repeating: "f(", count: 240) + "1" + String(repeating: ")", count: 240)),
        (
            "derived tables",
            "SELECT * FROM " + String(repeating: "(SELECT * FROM ", count: 160) + "t"
                + String(repeating: ")", count: 160)
        ),
        (
            "CASE",
            "SELECT " + String(repeating: "CASE WHEN 1 THEN ", count: 240) + "1" + String(repeating: " END", count: 240)
        ),
        ("lists", "SELECT " + String(repeating: "[", count: 490) + "1" + String(repeating: "]", count: 490)),
    ]

    @Test(arguments: deepButAllowed)
    func parsesNestingNearTheLimitInFourMegabytesOfStack(name: String, sql: String) {
        let outcome = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            outcome.statementCount = (try? parseScript(sql))?.count ?? 0
            done.signal()
        }
        thread.stackSize = 4 << 20
        thread.start()
        done.wait()
        #expect(outcome.statementCount == 1, "\(name) did not parse")
    }
}

private final class OutcomeBox: @unchecked Sendable {
    var statementCount = 0
}
