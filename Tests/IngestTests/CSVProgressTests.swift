import Columnar
import Synchronization
import Testing
@testable import Ingest

/// `CSVOptions.progress`: the read reports its position after each step and stops when told to.
@Suite struct CSVProgressTests {
    private static let text = "id,score\n" + (0..<2_000).map { "a\($0),\($0 % 100)\n" }.joined()

    @Test func positionsRiseToTheFileSize() throws {
        let seen = Mutex<[(Int, Int)]>([])
        let options = CSVOptions(progress: { done, total in
            seen.withLock { $0.append((done, total)) }
            return true
        })
        let table = try readCSV(Self.text, options: options, tuning: CSVTuning(chunkBytes: 1_000, threads: 2))
        #expect(table.rowCount == 2_000)
        let positions = seen.withLock { $0 }
        #expect(positions.count > 5)
        #expect(positions.allSatisfy { $0.1 == Self.text.utf8.count })
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $0.0 < $1.0 })
        #expect(positions.last?.0 == Self.text.utf8.count)
    }

    @Test func aFalseAnswerStopsTheReadAsAnInterruption() {
        let calls = Mutex(0)
        let options = CSVOptions(progress: { _, _ in
            calls.withLock { $0 += 1 }
            return false
        })
        let error = csvError(Self.text, options: options, tuning: CSVTuning(chunkBytes: 1_000, threads: 2))
        #expect(error?.isInterruption == true)
        #expect(error?.message == "interrupted")
        #expect(calls.withLock { $0 } == 1)
    }

    @Test func problemsInTheFileAreNotInterruptions() {
        #expect(csvError("a,b\n1,2\n3\n")?.isInterruption == false)
    }
}
