import Columnar
import Foundation
import QueryEngine
import QueryLanguage
import Reporting
import Testing

/// Runs every `.test` file under the `Logic` resource folder, each in a fresh `Database`.
@Suite struct LogicTestRunner {
    static let logicFolder: URL = Bundle.module.resourceURL!.appendingPathComponent("Logic")

    /// Paths relative to the Logic folder, sorted.
    static let files: [String] = {
        guard let enumerator = FileManager.default.enumerator(at: logicFolder, includingPropertiesForKeys: nil) else {
            return []
        }
        var found: [String] = []
        let base = logicFolder.standardizedFileURL.path
        for case let url as URL in enumerator where url.pathExtension == "test" {
            var path = url.standardizedFileURL.path
            if path.hasPrefix(base + "/") { path.removeFirst(base.count + 1) }
            found.append(path)
        }
        return found.sorted()
    }()

    /// An empty list would make `logicFile` run no case and pass: the resource folder must hold the files.
    @Test func logicFilesAreFound() {
        #expect(!LogicTestRunner.files.isEmpty, "no .test files under \(LogicTestRunner.logicFolder.path)")
    }

    @Test(arguments: files)
    func logicFile(_ name: String) throws {
        let url = LogicTestRunner.logicFolder.appendingPathComponent(name)
        let file = LogicTestFile(text: try String(contentsOf: url, encoding: .utf8))
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("yotq-logic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let outcome = LogicTestRunner.run(
            file, logicPath: LogicTestRunner.logicFolder.path, temporaryPath: temporary.path)
        let problems = file.problems.map { Failure(line: $0.line, message: $0.message) }
        if outcome.passed + outcome.failures.count == 0 {
            Issue.record(Comment(rawValue: "\(name): no record ran (\(outcome.skipped) skipped)"))
        }
        for failure in problems + outcome.failures {
            Issue.record(
                Comment(rawValue: "\(name):\(failure.line): \(failure.message)"),
                sourceLocation: SourceLocation(
                    fileID: "QueryEngineTests/\(url.lastPathComponent)", filePath: url.path, line: failure.line,
                    column: 1))
        }
    }

    struct Failure {
        var line: Int
        var message: String
    }

    struct Outcome {
        var passed = 0
        var failures: [Failure] = []
        var skipped = 0
    }

    static func run(_ file: LogicTestFile, logicPath: String, temporaryPath: String) -> Outcome {
        let database = Database()
        // COPY writes through the same table files the shell injects (no frameworks: no band styles).
        database.copyWriter = CopyWriter(
            formats: TableFiles.formats, formatForExtension: TableFiles.format, optionNames: TableFiles.optionNames,
            checkOption: { TableFiles.checkOption(format: $0, name: $1, value: $2) }
        ) {
            table, target in
            try TableFiles.write(
                table, to: target.path, format: target.format, header: target.header, title: target.title,
                options: target.options, context: ReportContext(frameworks: []))
        }
        var outcome = Outcome()
        for record in file.records {
            if record.skipped {
                outcome.skipped += 1
                continue
            }
            let sql = record.sql.replacingOccurrences(of: "{LOGIC}", with: logicPath)
                .replacingOccurrences(of: "{TMP}", with: temporaryPath)
            let result: Result<[StatementResult], any Error>
            let started = ContinuousClock.now
            result = Result { try database.run(sql) }
            let elapsed = ContinuousClock.now - started
            if elapsed > .seconds(1) { print("slow record line \(record.line) (\(elapsed)): \(sql.prefix(80))") }
            if let failure = check(record, sql: sql, result: result) {
                outcome.failures.append(failure)
            } else {
                outcome.passed += 1
            }
        }
        return outcome
    }

    static func check(
        _ record: LogicTestFile.Record, sql: String, result: Result<[StatementResult], any Error>
    ) -> Failure? {
        func fail(_ text: String) -> Failure { Failure(line: record.line, message: "\(text)\n  SQL: \(sql)") }
        switch (record.expectation, result) {
        case (.ok, .success): return nil
        case (.ok, .failure(let error)): return fail("expected success, got error: \(describe(error))")
        case (.error, .success): return fail("expected an error, statement succeeded")
        case (.error(let substring), .failure(let error)):
            let message = describe(error)
            guard !substring.isEmpty else { return fail("the statement failed with: \(message)") }
            if message.lowercased().contains(substring.lowercased()) { return nil }
            return fail("error message lacks \"\(substring)\": \(message)")
        case (.rows, .failure(let error)): return fail("expected rows, got error: \(describe(error))")
        case (.rows(let kinds, let rowsort, let expected), .success(let results)):
            guard let table = results.last?.table else { return fail("expected rows, got no result table") }
            var actual = lines(of: table)
            var wanted = expected
            if rowsort {
                actual.sort()
                wanted.sort()
            }
            if !kinds.isEmpty && table.columnCount != kinds.count {
                return fail(
                    "expected \(kinds.count) columns, got \(table.columnCount)\n  actual:\n"
                        + actual.map { "    " + $0 }.joined(separator: "\n"))
            }
            if matches(actual, wanted, kinds: kinds) { return nil }
            return fail(
                "wrong result\n  expected:\n" + wanted.map { "    " + $0 }.joined(separator: "\n") + "\n  actual:\n"
                    + actual.map { "    " + $0 }.joined(separator: "\n"))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? QueryError { return error.message }
        if let error = error as? SyntaxError { return "syntax error: \(error.message)" }
        return "\(error)"
    }

    static func lines(of table: Table) -> [String] {
        table.rows.map { row in
            row.map { value in
                if case .varchar(let s) = value, s.isEmpty { return "(empty)" }
                return value.description
            }.joined(separator: "\t")
        }
    }

    static func matches(_ actual: [String], _ expected: [String], kinds: [Character]) -> Bool {
        guard actual.count == expected.count else { return false }
        for (a, e) in zip(actual, expected) where a != e {
            let aCells = a.split(separator: "\t", omittingEmptySubsequences: false)
            let eCells = e.split(separator: "\t", omittingEmptySubsequences: false)
            guard aCells.count == eCells.count else { return false }
            for (index, (x, y)) in zip(aCells, eCells).enumerated() where x != y {
                let kind = index < kinds.count ? kinds[index] : "T"
                guard kind == "R", let dx = Double(x), let dy = Double(y) else { return false }
                if dx.isNaN && dy.isNaN { continue }
                let scale = max(abs(dx), abs(dy))
                if abs(dx - dy) > 1e-9 * scale { return false }
            }
        }
        return true
    }
}
