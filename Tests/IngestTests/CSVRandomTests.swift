import Columnar
import Foundation
import TestSupport
import Testing

@testable import Ingest

/// Seeded random files, read with tiny chunks so boundaries fall inside quoted fields and multi-line
/// records, checked cell by cell against `ReferenceCSV`.
@Suite struct CSVRandomTests {
    enum Kind: CaseIterable { case trickyText, lowCardinalityText, integer, decimal, date, boolean }

    static func value(_ kind: Kind, using generator: inout SeededGenerator) -> String? {
        if Int.random(in: 0..<12, using: &generator) == 0 { return nil }
        switch kind {
        case .trickyText:
            let pieces = ["a", "Ynys Môn", "東京", ",", ";", "\t", "|", "\"", "\"\"", "\n", "\r\n", " ", "x", "🙂", "é"]
            var text = ["t", "Q", "ж"].randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 0..<6, using: &generator) { text += pieces.randomElement(using: &generator)! }
            return text
        case .lowCardinalityText: return ["Y", "N", "NA", "1.1.01", "007"].randomElement(using: &generator)!
        case .integer: return String(Int64.random(in: -1_000_000...1_000_000_000_000, using: &generator))
        case .decimal: return String(Double.random(in: -1e6...1e6, using: &generator))
        case .date:
            return String(
                format: "%04d-%02d-%02d", Int.random(in: 1900...2100, using: &generator),
                Int.random(in: 1...12, using: &generator), Int.random(in: 1...28, using: &generator))
        case .boolean: return Bool.random(using: &generator) ? "true" : "False"
        }
    }

    /// Whether a reader cell holds the reference text.
    static func matches(_ cell: Value, _ text: String?) -> Bool {
        guard let text else { return cell == .null }
        switch cell {
        case .null: return false
        case .varchar(let s): return s.unicodeScalars.elementsEqual(text.unicodeScalars)
        case .bigint(let v): return Int64(text) == v
        case .double(let v): return Double(text) == v
        case .date(let d): return d.description == text
        case .boolean(let b): return text.lowercased() == String(b)
        }
    }

    @Test(arguments: 1...12)
    func randomFileMatchesTheReferenceParser(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let width = Int.random(in: 1...6, using: &generator)
        let kinds = (0..<width).map { _ in Kind.allCases.randomElement(using: &generator)! }
        let rows = Int.random(in: 1...1500, using: &generator)
        var records: [[String?]] = [(0..<width).map { "col\($0)" }]
        for _ in 0..<rows {
            var record = kinds.map { Self.value($0, using: &generator) }
            // A blank line is a NULL row in one-column data but skipped by the reference; avoid it.
            if width == 1 && record[0] == nil {
                record[0] = kinds[0] == .trickyText ? "t" : Self.value(kinds[0], using: &generator) ?? "true"
            }
            records.append(record)
        }
        let delimiter: Character = [",", ";", "\t", "|"].randomElement(using: &generator)!
        let text = ReferenceCSV.write(
            records, delimiter: delimiter, lineEnd: Bool.random(using: &generator) ? "\n" : "\r\n",
            quoteAll: Int.random(in: 0..<4, using: &generator) == 0)
        let reference = ReferenceCSV.parse(text, delimiter: delimiter.unicodeScalars.first!)
        try #require(reference.count == records.count)
        for (got, want) in zip(reference, records) {
            try #require(
                got.map { $0.map { Array($0.unicodeScalars) } } == want.map { $0.map { Array($0.unicodeScalars) } })
        }

        for chunkBytes in [1, 7, 64, Int.random(in: 100...5000, using: &generator), 8 << 20] {
            let options = CSVOptions(header: true, delimiter: delimiter.asciiValue!)
            let table = try readCSV(text, options: options, tuning: CSVTuning(chunkBytes: chunkBytes, threads: 2))
            #expect(table.rowCount == rows, "seed \(seed) chunk \(chunkBytes)")
            #expect(table.names == records[0].map { $0! })
            guard table.rowCount == rows else { continue }
            var mismatches = 0
            for row in 0..<rows {
                for column in 0..<width where !Self.matches(table.columns[column][row], reference[row + 1][column]) {
                    mismatches += 1
                    if mismatches < 5 {
                        Issue.record(
                            "seed \(seed) chunk \(chunkBytes) row \(row) col \(column): \(table.columns[column][row]) vs \(String(describing: reference[row + 1][column]))"
                        )
                    }
                }
            }
            #expect(mismatches == 0)
        }
    }

    @Test func chunkBoundariesInsideLongQuotedFields() throws {
        var text = "id,body\n"
        var expected: [String] = []
        for i in 0..<300 {
            let body = String(repeating: "line \(i)\n\"quoted\", more\n", count: i % 7 + 1)
            expected.append(body)
            text += "\(i),\"" + body.replacingOccurrences(of: "\"", with: "\"\"") + "\"\n"
        }
        for chunkBytes in [1, 13, 100, 1000] {
            let table = try readCSV(text, tuning: CSVTuning(chunkBytes: chunkBytes))
            #expect(table.rowCount == 300)
            #expect(table.columns[1].values == expected.map { Value.varchar($0) })
            #expect(table.columns[0].values == (0..<300).map { Value.bigint(Int64($0)) })
        }
    }
}
