import Columnar
import Foundation
import Testing

@testable import Ingest

/// Opt-in measurement on a generated judgements file: `YOTQ_INGEST_SCALE_ROWS=10400000 swift test -c release
/// --filter CSVScaleTests` prints throughput and peak RSS. Off by default (it takes minutes in debug).
@Suite struct CSVScaleTests {
    #if os(Linux)
        static let rusageSelf = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
        static let rusageSelf = RUSAGE_SELF
    #endif
    static let rows = ProcessInfo.processInfo.environment["YOTQ_INGEST_SCALE_ROWS"].flatMap(Int.init)

    @Test(.enabled(if: rows != nil, "set YOTQ_INGEST_SCALE_ROWS to run"))
    func readsAGeneratedJudgementsFile() throws {
        let rows = try #require(Self.rows)
        let path = Fixture().path("judgements.csv")
        JudgementsGenerator.write(rows: rows, to: path)
        let bytes = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        let clock = ContinuousClock()
        var table: Table?
        let elapsed = try clock.measure { table = try CSVReader.read(path: path) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var usage = rusage()
        getrusage(Self.rusageSelf, &usage)
        print(
            "judgements: \(rows) rows, \(bytes / 1_000_000) MB in \(seconds) s: \(Double(bytes) / seconds / 1e6) MB/s, \(Double(rows) / seconds / 1e6) M rows/s, peak RSS \(usage.ru_maxrss / 1024) MiB"
        )
        #expect(table?.rowCount == rows)
        #expect(table?.types == [.varchar, .varchar, .varchar, .varchar])
        try FileManager.default.removeItem(atPath: path)
    }
}
