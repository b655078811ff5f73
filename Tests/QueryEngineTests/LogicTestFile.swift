import Foundation

/// One parsed `.test` file in DuckDB's sqllogictest style (see Logic/README.md).
struct LogicTestFile {
    enum Expectation {
        case ok
        /// A substring the message must contain (case-insensitive): every `statement error` names one, so a
        /// statement failing for another reason (a typo in the test, a missing table) does not pass.
        case error(String)
        /// Column kinds (`I`, `R`, `T`, `B`, `D`), whether both sides are sorted, expected lines.
        case rows(kinds: [Character], rowsort: Bool, lines: [String])
    }

    struct Record {
        /// 1-based line of the record's first line (`statement ...` / `query ...`).
        var line: Int
        var sql: String
        var expectation: Expectation
        var skipped: Bool
    }

    /// A line the runner cannot honour (a bare `statement error`, an unknown directive): each fails the file.
    struct Problem {
        var line: Int
        var message: String
    }

    var records: [Record] = []
    var problems: [Problem] = []

    init(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var i = 0
        var skipNext = false
        func isBlank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespaces).isEmpty }
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") {
                i += 1
                continue
            }
            let words = trimmed.split(separator: " ").map(String.init)
            if words[0] == "skipif" {
                if words.count > 1 && words[1] == "yotq" { skipNext = true }
                i += 1
                continue
            }
            if words[0] == "onlyif" {
                if words.count > 1 && words[1] != "yotq" { skipNext = true }
                i += 1
                continue
            }
            guard words[0] == "statement" || words[0] == "query" else {
                // A misspelt `statement` would otherwise drop its record without a word.
                problems.append(Problem(line: i + 1, message: "unknown directive: \(line)"))
                i += 1
                while i < lines.count, !isBlank(lines[i]) { i += 1 }
                continue
            }
            if words[0] == "statement", words.count != 2 || (words[1] != "ok" && words[1] != "error") {
                problems.append(Problem(line: i + 1, message: "expected `statement ok` or `statement error`: \(line)"))
            }
            let start = i + 1
            i += 1
            var sqlLines: [String] = []
            while i < lines.count, !isBlank(lines[i]), lines[i] != "----" {
                sqlLines.append(lines[i])
                i += 1
            }
            var after: [String] = []
            if i < lines.count, lines[i] == "----" {
                i += 1
                while i < lines.count, !isBlank(lines[i]) {
                    after.append(lines[i])
                    i += 1
                }
            }
            let expectation: Expectation
            if words[0] == "statement" {
                if words.count > 1 && words[1] == "error" {
                    let message = after.first?.trimmingCharacters(in: .whitespaces) ?? ""
                    if message.isEmpty || after.count > 1 {
                        let needed = "`statement error` needs `----` and one line: a substring of the expected message"
                        problems.append(Problem(line: start, message: needed))
                    }
                    expectation = .error(message)
                } else {
                    if !after.isEmpty {
                        problems.append(Problem(line: start, message: "`statement ok` takes no `----` section"))
                    }
                    expectation = .ok
                }
            } else {
                let kinds = words.count > 1 ? Array(words[1]) : []
                expectation = .rows(kinds: kinds, rowsort: words.contains("rowsort"), lines: after)
            }
            records.append(
                Record(line: start, sql: sqlLines.joined(separator: "\n"), expectation: expectation, skipped: skipNext))
            skipNext = false
        }
    }
}
