import Columnar
import Foundation
import QueryEngine
import Testing

/// Workload W1 (the loads of scripts/bench.d/workload.py, then Benchmarks/w1.sql) statement by statement, with wall times; a harness, not a
/// check. Enabled by `YOTQ_W1_DATA=<dataset folder>`; run it in release:
/// `YOTQ_W1_DATA=... swift test -c release --filter WorkloadBenchmark`.
@Suite struct WorkloadBenchmark {
    static let folder = ProcessInfo.processInfo.environment["YOTQ_W1_DATA"]

    /// The process's peak resident set so far (VmHWM), in MiB.
    static func peakMiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? -1
            return digits / 1024
        }
        return -1
    }

    @Test(.enabled(if: folder != nil))
    func workloadW1() throws {
        let folder = try #require(WorkloadBenchmark.folder)
        var script = ""
        for table in ["areas", "inspections", "questions", "question_themes", "judgements"] {
            script += "CREATE TABLE \(table) AS SELECT * FROM read_csv('\(folder)/\(table).csv');\n"
        }
        let queries = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/w1.sql")
        script += try String(contentsOf: queries, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("--") }.joined(separator: "\n")
        let database = Database()
        let statements = script.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        let total = Date()
        for statement in statements {
            let started = Date()
            let results = try database.run(statement)
            let seconds = Date().timeIntervalSince(started)
            let rows = results.last?.table?.rowCount
            print(String(format: "%7.3f s  peak %4d MiB  ", seconds, WorkloadBenchmark.peakMiB()) + (rows.map { "\($0) rows  " } ?? "")
                + statement.prefix(70).replacingOccurrences(of: "\n", with: " "))
        }
        print(String(format: "W1 total %.3f s", Date().timeIntervalSince(total)))
        for name in ["crit", "theme"] {
            let check = try database.run("SELECT count(*), sum(score), sum(judged) FROM \(name)").last?.table?.row(0)
            print("\(name): \(check?.map(\.description).joined(separator: " ") ?? "?")")
        }
    }
}
