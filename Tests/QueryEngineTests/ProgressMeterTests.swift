import Foundation
import QueryLanguage
import Testing
@testable import QueryEngine

/// The database's `ProgressMeter`: what `read_csv` and scans report while a statement runs.
@Suite struct ProgressMeterTests {
    private func csvFile(rows: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString).csv")
            .path
        let text = "k,v\n" + (0..<rows).map { "\($0),\($0 % 7)\n" }.joined()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func scansCountTheRowsTheyProduce() throws {
        let db = Database()
        _ = try db.run(
            """
            CREATE TABLE v AS SELECT * FROM (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) t(x);
            CREATE TABLE t AS SELECT a.x * 10000 + b.x * 1000 + c.x * 100 + d.x * 10 + e.x AS x FROM v a, v b, v c, v d, v e;
            """)
        _ = try db.run("SELECT count(*) FROM t WHERE x % 2 = 0")
        #expect(db.progress.snapshot.rowsScanned == 100_000)
        _ = try db.run("SELECT 1")
        #expect(db.progress.snapshot.rowsScanned == 0, "each statement starts from zero")
    }

    @Test func readCSVReportsItsFileUntilDone() throws {
        let path = try csvFile(rows: 1_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = Database()
        _ = try db.run("CREATE TABLE t AS SELECT * FROM read_csv('\(path)')")
        let snapshot = db.progress.snapshot
        #expect(snapshot.file == nil, "a finished read no longer names its file")
        #expect(snapshot.bytesDone == snapshot.bytesTotal && snapshot.bytesTotal > 0)
    }

    @Test func aRaisedFlagStopsReadCSVAsAnInterruption() throws {
        let path = try csvFile(rows: 1_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let db = Database()
        db.interruption.raise()
        let statement = try #require(try parseScript("SELECT count(*) FROM read_csv('\(path)')").first)
        #expect {
            _ = try db.execute(statement, script: "SELECT count(*) FROM read_csv('\(path)')")
        } throws: { error in
            (error as? QueryError)?.kind == .interrupted
        }
    }
}
