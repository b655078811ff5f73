import Inspection

/// A generated dataset held in memory, its small files parsed and its judgements scanned, built once and
/// shared by the tests (a round is 1.27 million rows).
struct SyntheticFixture: Sendable {
    let dataset: SyntheticDataset
    let bytes: [SyntheticDataset.File: [UInt8]]
    let areas: CSVTestTable
    let inspections: CSVTestTable
    let questions: CSVTestTable
    let questionThemes: CSVTestTable
    let judgements: JudgementScan

    /// Two rounds, so drift and early re-inspections are visible.
    static let shared: SyntheticFixture = {
        do {
            return try SyntheticFixture(rounds: 2, seed: 7)
        } catch {
            fatalError("the fixture could not be built: \(error)")
        }
    }()

    init(rounds: Int, seed: UInt64) throws {
        dataset = try SyntheticDataset(rounds: rounds, seed: seed)
        bytes = SyntheticFixture.generate(dataset)
        areas = try CSVTestTable(bytes[.areas]!)
        inspections = try CSVTestTable(bytes[.inspections]!)
        questions = try CSVTestTable(bytes[.questions]!)
        questionThemes = try CSVTestTable(bytes[.questionThemes]!)
        var criteria: [String: String] = [:]
        for row in questions.rows { criteria[row[0]] = row[1] }
        var themes: [String: [String]] = [:]
        for row in questionThemes.rows { themes[row[0], default: []].append(row[1]) }
        judgements = try JudgementScan(bytes[.judgements]!, questionCriteria: criteria, questionThemes: themes)
    }

    static func generate(_ dataset: SyntheticDataset) -> [SyntheticDataset.File: [UInt8]] {
        var files: [SyntheticDataset.File: [UInt8]] = [:]
        for file in SyntheticDataset.File.allCases {
            var sink: [UInt8] = []
            dataset.write(file, to: &sink)
            files[file] = sink
        }
        return files
    }

    var rounds: Int { dataset.rounds }

    /// Inspection rows as `(id, area, programme, published, cases)`.
    var inspectionRecords: [(id: Int, area: String, programme: String, published: String, cases: Int)] {
        inspections.rows.map { ($0[0].asInt, $0[1], $0[2], $0[3], $0[4].asInt) }
    }
}

extension String {
    /// For parsed fields the test already checked; -1 makes a bad one fail the next expectation.
    var asInt: Int { Int(self) ?? -1 }
}
