import Foundation
import Testing
@testable import Inspection

@Suite struct ValidationTests {
    static let areas = InspectionFixture.areas([("alpha", "Alpha", "London"), ("beta", "Beta", "Wales")])
    static let standards = [
        "s1.1", "s1.2", "s1.3", "s1.4", "s2.1", "s2.2", "s2.3", "s2.4", "s3.1", "s3.2", "s3.3", "s3.4",
    ]

    static func youth(_ scores: [(String, String, Double?, String?)]) throws -> InspectionData {
        try InspectionFixture.data(
            areas: areas,
            inspections: InspectionFixture.inspections([
                ("y1", "alpha", "YOUTH-2018", "2020-01"), ("c1", "beta", "CCI", "2011-05"),
            ]),
            scores: InspectionFixture.scores(scores))
    }

    @Test func twelveGoodsWithATotalOf30() throws {
        let goods = Self.standards.map { ("y1", $0, Double?.none, String?.some("Good")) }
        let data = try Self.youth(goods + [("y1", "total", 30, nil)])
        let warnings = DataValidation.warnings(in: data)
        #expect(warnings.count == 1)
        let w = try #require(warnings.first)
        #expect(w.kind == .totalMismatch && w.inspectionID == "y1" && w.measure == "total")
        #expect(w.printed == "30" && w.computed == "24 (sum of 12 parts)")
        // The same on the raw (not united) records: standards' points come from their printed words.
        let raw = try InspectionData(
            frameworks: InspectionFixture.frameworks, areas: Self.areas,
            inspections: InspectionFixture.inspections([("y1", "alpha", "YOUTH-2018", "2020-01")]),
            scores: InspectionFixture.scores(goods + [("y1", "total", 30, nil)]))
        #expect(DataValidation.warnings(in: raw).map(\.kind) == [.totalMismatch])
    }

    @Test func consistentFiguresGiveNoWarning() throws {
        var rows = Self.standards.map { ("y1", $0, Double?.none, String?.some("Good")) }
        rows[0].3 = "Outstanding"
        rows[1].3 = "Requires improvement"
        rows += [("y1", "total", 24, nil), ("y1", "overall", nil, "Good"), ("c1", "safeguarding", 61, "MODERATE")]
        #expect(DataValidation.warnings(in: try Self.youth(rows), includeInferred: true).isEmpty)
        // An incomplete set of standards is not checked (a blank standard proves nothing).
        let eleven = Array(rows.dropFirst()).filter { $0.1 != "overall" }
        #expect(DataValidation.warnings(in: try Self.youth(eleven)).isEmpty)
    }

    /// Total 20 printed with "Requires improvement": the band of 20 is Good by the inferred 19–30 rule.
    @Test func overallAgainstTheBandOfTheTotal() throws {
        let data = try Self.youth([("y1", "total", 20, nil), ("y1", "overall", nil, "Requires improvement")])
        let w = try #require(DataValidation.warnings(in: data).first)
        #expect(w.kind == .ratingMismatch && w.measure == "overall")
        #expect(w.printed == "Requires improvement" && w.computed == "Good (band of total 20)")
        #expect(w.rule == .inferredRule)
    }

    /// CCI cut-points are inferred: a printed 59.98 "SUBSTANTIAL" contradicts the displayed 60
    /// (MODERATE) only when inferred cut-points are asked for.
    @Test func bandBesideScoreNeedsPublishedCutPoints() throws {
        let data = try Self.youth([("c1", "safeguarding", 59.98, "SUBSTANTIAL"), ("c1", "risk_of_harm", 43, "DRASTIC")])
        #expect(DataValidation.warnings(in: data).isEmpty)
        let all = DataValidation.warnings(in: data, includeInferred: true)
        #expect(all.count == 1)
        #expect(all.first?.kind == .bandMismatch && all.first?.computed == "MODERATE (band of 60)")
        #expect(all.first?.rule == .inferredRule)
        // A youth standard printed with points and a contradicting word: published cut-points.
        let youth = try Self.youth([("y1", "s1.1", 2, "Outstanding")])
        #expect(DataValidation.warnings(in: youth).map(\.kind) == [.bandMismatch])
        #expect(DataValidation.warnings(in: youth).first?.rule == .frameworkRule)
    }

    /// The bundled Datasets/ (youth-2018 and cci-2009-2012), read with a comma split (the files hold no
    /// quotes). What this finds is reported, and pinned here so a change in the data is seen.
    @Test func bundledDatasets() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        func read(_ path: String) throws -> [[String: String]] {
            let text = try String(contentsOf: root.appendingPathComponent("Datasets/" + path), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            let header = lines[0]
            return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        }
        var inspections: [(String, String, String, String?)] = []
        var scores: [(String, String, Double?, String?)] = []
        for folder in ["youth-2018", "cci-2009-2012"] {
            for row in try read(folder + "/inspections.csv") {
                inspections.append((row["inspection_id"]!, row["area_code"]!, row["programme"]!, nil))
            }
            for row in try read(folder + "/scores.csv") {
                let band = row["band"].flatMap { $0.isEmpty ? nil : $0 }
                scores.append((row["inspection_id"]!, row["measure"]!, row["score"].flatMap(Double.init), band))
            }
        }
        let areas = Set(inspections.map(\.1)).sorted().map { ($0, $0, "") }
        let data = try InspectionFixture.data(
            areas: InspectionFixture.areas(areas), inspections: InspectionFixture.inspections(inspections),
            scores: InspectionFixture.scores(scores))
        let (warnings, compared) = DataValidation.check(data, includeInferred: true)
        // Cross-checked with a csv-module script over the same files: 1 youth inspection prints a total
        // and all twelve standards, 65 print a total and an overall rating, 17 CCI rows print a score and
        // a band; none contradicts (CCI bands by the inferred cut-points).
        #expect(compared[.totalMismatch] == 1)
        #expect(compared[.ratingMismatch] == 65)
        #expect(compared[.bandMismatch] == 17)
        #expect(warnings.map(\.description) == [])
        #expect(DataValidation.check(data).compared[.bandMismatch] == nil)  // none on published cut-points
    }
}
