import Columnar
import Foundation
import QueryEngine
import Testing

/// Workload W1 (scripts/bench.d/workload.py) statement by statement, with wall times; a harness, not a
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
        script += """
            CREATE TABLE crit AS
            SELECT j.inspection_id, q.criterion,
                   100.0 * SUM(CASE WHEN j.answer = 'Y' THEN 1 ELSE 0 END) / COUNT(*) AS score, COUNT(*) AS judged
            FROM judgements j JOIN questions q ON j.question = q.question
            WHERE j.answer <> 'NA' GROUP BY j.inspection_id, q.criterion;
            CREATE TABLE theme AS
            SELECT j.inspection_id, t.theme,
                   100.0 * SUM(CASE WHEN j.answer = 'Y' THEN 1 ELSE 0 END) / COUNT(*) AS score, COUNT(*) AS judged
            FROM judgements j JOIN question_themes t ON j.question = t.question
            WHERE j.answer <> 'NA' GROUP BY j.inspection_id, t.theme;
            CREATE TABLE latest AS
            SELECT i.area_code, MAX(i.published) AS published FROM inspections i GROUP BY i.area_code;
            SELECT a.region, th.theme, MIN(th.score) AS lowest, MAX(th.score) AS highest, AVG(th.score) AS average, COUNT(*) AS areas
            FROM theme th
            JOIN inspections i ON i.inspection_id = th.inspection_id
            JOIN latest l ON l.area_code = i.area_code AND l.published = i.published
            JOIN areas a ON a.area_code = i.area_code
            GROUP BY a.region, th.theme ORDER BY a.region, th.theme;
            """
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
