import Columnar
import Foundation
import Testing
@testable import QueryEngine

/// Chains of views and common table expressions deep enough to overflow the stack are refused with an
/// error (they crashed the process); chains of a realistic depth run.
@Suite struct QueryNestingTests {
    static func viewChain(_ count: Int, in db: Database) throws {
        _ = try db.run("CREATE VIEW v0 AS SELECT 1 AS x")
        for i in 1..<count { _ = try db.run("CREATE VIEW v\(i) AS SELECT x + 1 AS x FROM v\(i - 1)") }
    }

    static func cteChain(_ count: Int) -> String {
        let parts =
            ["c0 AS (SELECT 1 AS x)"] + (1..<count).map { "c\($0) AS (SELECT c\($0 - 1).x + 1 AS x FROM c\($0 - 1))" }
        return "WITH " + parts.joined(separator: ", ") + " SELECT x FROM c\(count - 1)"
    }

    /// Runs `body` on a thread with a 64 MiB stack. The limits are sized for the shell's 8 MiB main
    /// thread in ordinary builds; test threads have smaller stacks and AddressSanitizer builds frames
    /// several times larger, so without it the chains would measure the test runner, not the limits.
    static func onLargeStack(_ body: @escaping @Sendable () throws -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { try body() } catch { Issue.record(error) }
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        done.wait()
    }

    @Test func aChainOfViewsWithinTheLimitRuns() {
        Self.onLargeStack { () throws in
            let db = Database()
            try Self.viewChain(100, in: db)
            #expect(try db.run("SELECT x FROM v99").last?.table?.rows == [[.bigint(100)]])
        }
    }

    @Test func aViewBeyondTheNestingLimitIsRefusedNamingTheOutermostView() {
        Self.onLargeStack { () throws in
            let db = Database()
            try Self.viewChain(Binder.maximumQueryNesting, in: db)
            let last = Binder.maximumQueryNesting - 1
            #expect {
                _ = try db.run("CREATE VIEW deeper AS SELECT x FROM v\(last)")
            } throws: { error in
                (error as? QueryError)?.message
                    == "Error in view v\(last): query nested too deeply (more than \(Binder.maximumQueryNesting) views, common table expressions or subqueries inside one another)"
            }
            #expect(try db.run("SELECT count(*) FROM v5").last?.table?.rows == [[.bigint(1)]])
        }
    }

    @Test func aLongChainOfCommonTableExpressionsRunsAndATooLongOneIsRefused() {
        Self.onLargeStack { () throws in
            let db = Database()
            #expect(try db.run(Self.cteChain(300)).last?.table?.rows == [[.bigint(300)]])
            #expect {
                _ = try db.run(Self.cteChain(Binder.maximumPlanHeight + 10))
            } throws: { error in
                (error as? QueryError)?.message.hasPrefix("query too deep to run") == true
            }
        }
    }

    @Test func heightCountsTheLongestPath() {
        let table = Table([("x", Column(.bigint([1])))])
        let scan = LogicalPlan.scan(TableSource(name: "t", table: table), columns: [0])
        let deep = LogicalPlan.distinct(.limit(.distinct(scan), limit: 1, offset: 0))
        let join = LogicalPlan.join(JoinSpec(kind: .cross, left: scan, right: deep, leftKeys: [], rightKeys: []))
        #expect(scan.height == 1)
        #expect(join.height == 5)
    }
}
