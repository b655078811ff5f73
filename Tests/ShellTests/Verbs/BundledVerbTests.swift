import FileOutput
import Foundation
import Rendering
import TestSupport
import Testing
@testable import Shell

/// The verbs on the bundled real datasets (`Datasets/`), through the shell as a user types them.
@Suite struct BundledVerbTests {
    static let datasets = PackageRoot.path("Datasets")

    /// Runs `script` on the bundled data in CSV mode; returns the rows of the output (header first).
    func rows(_ script: String) throws -> [[String]] {
        let run = CapturedRun()
        try DatasetLoader(session: run.session).loadFolder(Self.datasets)
        run.run(script)
        #expect(run.errorText == "")
        return run.output.text.split(separator: "\n").map { line in parseCSVLine(String(line)) }
    }

    func errors(_ script: String) throws -> String {
        let run = CapturedRun()
        try DatasetLoader(session: run.session).loadFolder(Self.datasets)
        run.run(script)
        return run.errorText
    }

    /// Every figure and band of the seed's Scoring and Summary table and section pages (criterion 1.3's
    /// score is unreadable in the source; its band is printed; section scores are printed without bands).
    static let seed: [(String, String, String)] = [
        ("safeguarding", "45", "SUBSTANTIAL"), ("risk_of_harm", "43", "DRASTIC"),
        ("likelihood_of_reoffending", "53", "SUBSTANTIAL"), ("section_1", "47", ""), ("c1.1", "46", "SUBSTANTIAL"),
        ("c1.2", "48", "SUBSTANTIAL"), ("c1.3", "", "SUBSTANTIAL"), ("section_2", "54", ""), ("c2.1", "41", "DRASTIC"),
        ("c2.2", "61", "MODERATE"), ("c2.3", "57", "SUBSTANTIAL"), ("section_3", "49", ""),
        ("c3.1", "50", "SUBSTANTIAL"),
        ("c3.2", "45", "SUBSTANTIAL"),
    ]

    @Test func profileHarrowGivesTheSeedsFiguresAndBands() throws {
        let output = try rows("profile Harrow;")
        let header = try #require(output.first)
        let column = { (name: String) in header.firstIndex(of: name)! }
        let cci = output.dropFirst().filter { $0[column("framework")] == "cci-2009" }
        #expect(cci.map { $0[column("measure")] } == Self.seed.map(\.0))
        for (row, (measure, score, band)) in zip(cci, Self.seed) {
            #expect(
                row[column("score")].isEmpty ? score.isEmpty : Double(row[column("score")]) == Double(score),
                "\(measure)")
            if band.isEmpty {
                // Section bands are computed by the CCI cut-points, which are inferred, and say so.
                #expect(row[column("band_source")] == "inferred rule", "\(measure)")
            } else {
                #expect(row[column("band")] == band, "\(measure)")
                #expect(row[column("band_source")] == "published", "\(measure)")
            }
        }
        // Its 2021 youth rating, under its own framework.
        let youth = output.dropFirst().filter { $0[column("framework")] == "youth-2018" }
        #expect(youth.first { $0[column("measure")] == "overall" }?[column("band")] == "Requires improvement")
    }

    @Test func profileNarrowsToOneFrameworkAndAsOf() throws {
        let output = try rows("profile HARROW IN FRAMEWORK youth-2018;")
        #expect(output.dropFirst().allSatisfy { $0[0] == "youth-2018" })
        let before = try rows("profile harrow AS OF 2012-06-30;")
        #expect(before.dropFirst().allSatisfy { $0[0] == "cci-2009" })
        #expect(before.count == 15)
    }

    @Test func compareSetsHarrowBesideTheBundledAreas() throws {
        let output = try rows(
            "SELECT measure, lowest, highest, average, areas, score, band, rank FROM compare('Harrow') WHERE framework = 'cci-2009';"
        )
        #expect(output.count == 4)
        let roh = try #require(output.first { $0[0] == "risk_of_harm" })
        #expect(Double(roh[5]) == 43)
        #expect(roh[6] == "DRASTIC")
        // Independent: the bundled CCI risk of harm scores, each area's latest.
        let check = try rows(
            """
            SELECT min(score), max(score), count(*) FROM scores s JOIN inspections i USING (inspection_id)
            WHERE measure = 'risk_of_harm' AND i.programme LIKE 'CCI%' AND score IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM inspections j WHERE j.area_code = i.area_code AND j.programme LIKE 'CCI%'
                              AND j.published_end > i.published_end);
            """)
        #expect(check.count == 2)
        #expect(Double(roh[1]) == Double(check[1][0]))
        #expect(Double(roh[2]) == Double(check[1][1]))
    }

    @Test func triggersAsOfMid2012FlagHarrowAndNotBrent() throws {
        let output = try rows("triggers AS OF 2012-06-30;")
        let harrow = try #require(output.first { $0[0] == "Harrow" })
        #expect(harrow.contains("inferred"))
        #expect(harrow.contains { $0.contains("risk_of_harm 43 DRASTIC") })
        #expect(!output.contains { $0[0] == "Brent" })
        // Today Harrow's latest inspection is its 2021 youth one, which has no trigger rule.
        #expect(!(try rows("triggers;")).contains { $0[0] == "Harrow" })
    }

    @Test func rangesOfTheYouthTotalByRegion() throws {
        let output = try rows("ranges total BY region;")
        #expect(
            output.first == [
                "framework", "measure", "group", "areas", "lowest", "q1", "median", "q3", "highest", "average",
                "average_of",
            ])
        #expect(output.count > 5)
        #expect(output.dropFirst().allSatisfy { Double($0[4])! <= Double($0[6])! && Double($0[6])! <= Double($0[8])! })
        let sum = output.dropFirst().reduce(0) { $0 + Int($1[3])! }
        let all = try rows("ranges total;")
        #expect(Int(all[1][3]) == sum)
    }

    @Test func distributionOfTheOverallRatingCountsEachRating() throws {
        let output = try rows("SELECT bucket, count FROM distribution('overall');")
        #expect(
            output.dropFirst().prefix(4).map { $0[0] } == ["Outstanding", "Good", "Requires improvement", "Inadequate"])
        let check = try rows(
            """
            SELECT count(*) FROM scores s JOIN inspections i USING (inspection_id)
            WHERE measure = 'overall' AND band = 'Good'
              AND NOT EXISTS (SELECT 1 FROM inspections j WHERE j.area_code = i.area_code AND j.programme = i.programme
                              AND j.published_end > i.published_end);
            """)
        #expect(output[2][1] == check[1][0])
    }

    @Test func aPartOfANameAndAMissingCommaGetHelp() throws {
        #expect(try errors("profile Richmond;").contains("did you mean: Richmond upon Thames?"))
        #expect(
            try errors("compare Harrow Brent;").contains(
                "no area named \"Harrow Brent\": missing a comma? (Harrow, Brent)"))
        // A run of words that is one area stays one area.
        #expect(try errors("profile North Lincolnshire;") == "")
    }

    @Test func measuresAndAreasMissGiveDidYouMean() throws {
        #expect(try errors("compare Harow;").contains("did you mean: Harrow"))
        #expect(try errors("ranges safegaurding;").contains("safeguarding"))
        #expect(
            try errors("SELECT * FROM profile('Harrow', colour := 'red');").contains(
                "profile has no option colour (it takes as_of and framework)"))
    }

    @Test func deltasOverReinspections() throws {
        let output = try rows("deltas 'North Lincolnshire' RoH;")
        #expect(output.count == 2)
        let numbers = output[1].compactMap(Double.init)
        #expect(numbers.contains(36) && numbers.contains(77) && numbers.contains(41))
        // 77 is MINIMUM only by the placeholder cut-point: shown with its provenance, no movement claimed.
        let row = Dictionary(uniqueKeysWithValues: zip(output[0], output[1]))
        #expect(row["band_after"] == "MINIMUM (placeholder cut-point, not a finding)")
        #expect(row["band_source_after"] == "placeholder rule")
        #expect(row["movement"] == "")
        #expect(row["method"] == "no interval: published scores carry no n")
    }
}

/// Splits one CSV line (quotes doubled inside quoted fields).
func parseCSVLine(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(line)[...]
    while let c = characters.popFirst() {
        if quoted {
            if c == "\"" {
                if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            fields.append(field)
            field = ""
        } else {
            field.append(c)
        }
    }
    fields.append(field)
    return fields
}

extension BundledVerbTests {
    @Test func deltasRunOverAnOutcomeIndicatorsPeriods() throws {
        let output = try rows("deltas Buckinghamshire fte_rate;")
        let calendar = output.dropFirst().filter { $0[2].contains("calendar year") }
        // 2010 … 2020: ten successive changes of Buckinghamshire's own figure.
        #expect(calendar.count == 10)
        #expect(calendar.first?[3] == "2010")
        #expect(calendar.last?[5] == "2020")
    }
}

extension BundledVerbTests {
    @Test func aBrokenFrameworkFileIsReportedWithFileAndField() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("frameworks"), withIntermediateDirectories: true)
        try "area_code,area,region,country\nx,X,London,England\n".write(
            to: folder.appendingPathComponent("areas.csv"), atomically: true, encoding: .utf8)
        try #"{"id": "t", "title": "T", "programmes": ["T"], "measures": [{"id": "m", "title": "M", "kind": "theme"}]}"#
            .write(to: folder.appendingPathComponent("frameworks/bad.json"), atomically: true, encoding: .utf8)
        let run = CapturedRun()
        #expect(throws: Diagnostic.self) { try DatasetLoader(session: run.session).loadFolder(folder.path) }
        do {
            try DatasetLoader(session: run.session).loadFolder(folder.path)
        } catch {
            let text = error.formatted(colour: false)
            #expect(text.contains("bad.json"))
            #expect(text.contains("measures[0].kind"))
        }
    }
}

/// Issue 11 on the bundled data, through the shell.
extension BundledVerbTests {
    @Test func compareSetsEachNamedAreaAgainstItsOwnRegion() throws {
        let output = try rows(
            """
            SELECT area, "group", areas, rank, score, lowest, highest FROM compare('Harrow', 'Sefton', within := 'region')
            WHERE framework = 'cci-2009' AND measure = 'safeguarding';
            """)
        #expect(output.dropFirst().map { $0[0] + " / " + $0[1] } == ["Harrow / London", "Sefton / North West"])
        for row in output.dropFirst() {
            #expect(Int(row[3])! <= Int(row[2])!)
            #expect(Double(row[5])! <= Double(row[4])! && Double(row[4])! <= Double(row[6])!)
        }
        // The Harrow figures stay the seed's.
        let harrow = try rows("SELECT measure, score FROM compare('Harrow') WHERE framework = 'cci-2009';")
        #expect(
            harrow.dropFirst().map { [$0[0], String(Int(Double($0[1])!))] } == [
                ["safeguarding", "45"], ["risk_of_harm", "43"], ["likelihood_of_reoffending", "53"],
            ])
    }

    @Test func deltasIncludeRatingsByDefault() throws {
        let output = try rows("SELECT measure, band_before, band_after, movement FROM deltas('Surrey');")
        #expect(output.dropFirst().contains(["overall", "Inadequate", "Good", "2"]))
    }

    @Test func triggersInTheCCIFrameworkFindHarrowAndHartlepool() throws {
        let output = try rows("SELECT area, status FROM triggers(framework := 'cci-2009');")
        #expect(output.contains(["Harrow", "fired"]))
        #expect(output.contains(["Hartlepool", "fired"]))
        // Sefton's latest inspection is its 2019 youth one, placed by its fieldwork date: no CCI flag today.
        #expect(!(try rows("SELECT area FROM triggers() WHERE status = 'fired';")).contains(["Sefton"]))
    }

    @Test func statisticColumnsAreDoubleOnEveryCall() throws {
        let output = try rows(
            """
            SELECT typeof(score), typeof(average), typeof(percentile) FROM compare('Harrow') LIMIT 1;
            SELECT typeof(before), typeof(p_value), typeof(diff_low) FROM deltas('Surrey') LIMIT 1;
            """)
        #expect(output[1] == ["DOUBLE", "DOUBLE", "DOUBLE"])
        #expect(output[3] == ["DOUBLE", "DOUBLE", "DOUBLE"])
    }

    @Test func validationWarningsAreATable() throws {
        let output = try rows("SELECT count(*) AS warnings FROM validation_warnings;")
        #expect(output == [["warnings"], ["0"]])
    }

    @Test func contradictoryPrintedFiguresWarnOnLoadNamingTheSource() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let standards = (1...3).flatMap { s in (1...4).map { "s\(s).\($0)" } }
        try "area_code,area,region,country\nx,Exe,London,England\n".write(
            to: folder.appendingPathComponent("areas.csv"), atomically: true, encoding: .utf8)
        try
            "inspection_id,area_code,programme,published,source_url\ny1,x,YOUTH-2018,2022-01-10,https://example.org/y1\n"
            .write(to: folder.appendingPathComponent("inspections.csv"), atomically: true, encoding: .utf8)
        // Twelve Goods (24 points) beside a printed total of 30.
        let scores =
            "inspection_id,measure,score,band,source_url\n"
            + standards.map { "y1,\($0),,Good,https://example.org/y1\n" }.joined()
            + "y1,total,30,,https://example.org/y1\n"
        try scores.write(to: folder.appendingPathComponent("scores.csv"), atomically: true, encoding: .utf8)
        let run = CapturedRun()
        try DatasetLoader(session: run.session).loadFolder(folder.path)
        #expect(run.errorText.contains("warning: \(folder.path): y1 total: total differs from the sum of its parts"))
        run.run("SELECT inspection_id, measure, kind, printed FROM validation_warnings;")
        #expect(run.output.text.contains("y1,total,total differs from the sum of its parts,30"))
    }
}
