import Columnar
import Kernels
import Synchronization
import Testing

/// Long kernels stop early when their `Cancellation` is requested (Ctrl-C), and only then.
@Suite struct CancellationTests {
    /// 200,000 rows in descending order: a full sort reverses them.
    let descending = Column(.bigint((0..<200_000).map { Int64(200_000 - $0) }))

    @Test func aSortNotCancelledIsComplete() {
        let order = Sorting.permutation([SortKey(column: descending)], rowCount: 200_000, cancellation: .never)
        #expect(order.first == 199_999 && order.last == 0)
    }

    @Test func aCancelledSortStopsBeforeItsNextPass() {
        let asked = Mutex(0)
        let cancellation = Cancellation {
            asked.withLock { $0 += 1 }
            return true
        }
        let order = Sorting.permutation([SortKey(column: descending)], rowCount: 200_000, cancellation: cancellation)
        // Stopped before any pass: rows still in their input order.
        #expect(order.first == 0 && order.last == 199_999)
        #expect(asked.withLock { $0 } >= 1)
    }

    @Test func aCancelledWindowThrowsCancelled() {
        #expect {
            _ = try WindowEvaluation.evaluate(
                .ranking(name: "row_number", arguments: []), partitionBy: [],
                orderBy: [SortKey(column: descending)], frame: .default(hasOrderBy: true), rowCount: 200_000,
                cancellation: Cancellation { true })
        } throws: { error in
            (error as? KernelError)?.kind == .cancelled
        }
    }
}
