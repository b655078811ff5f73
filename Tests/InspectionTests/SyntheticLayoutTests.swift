import Inspection
import Testing

/// The files follow `dataset-layout.md` and the spec's sizes.
@Suite struct SyntheticLayoutTests {
    let fixture = SyntheticFixture.shared

    @Test func headersAreTheCanonicalColumns() {
        #expect(fixture.areas.header == ["area_code", "area", "region", "country"])
        #expect(fixture.inspections.header == ["inspection_id", "area_code", "programme", "published", "cases"])
        #expect(fixture.questions.header == ["question", "criterion", "section"])
        #expect(fixture.questionThemes.header == ["question", "theme"])
        #expect(fixture.judgements.header == ["inspection_id", "case_id", "question", "answer"])
    }

    @Test func areasAreTheSynthetic158InTheNineRegionsAndWales() throws {
        #expect(fixture.areas.rows.count == 158)
        let codes = try fixture.areas.column("area_code")
        #expect(Set(codes).count == 158)
        #expect(codes.allSatisfy { $0.hasPrefix("SYN") && $0.count == 6 })
        #expect(try fixture.areas.column("area").allSatisfy { $0.hasPrefix("Synthetic Area ") })
        let regions = Set(try fixture.areas.column("region"))
        #expect(
            regions == [
                "North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
                "East of England", "London", "South East", "South West", "Wales",
            ])
        for row in fixture.areas.rows {
            #expect(row[3] == (row[2] == "Wales" ? "Wales" : "England"))
        }
    }

    @Test func eachAreaHasOneInspectionARoundWithCasesInTheSampleRange() throws {
        let records = fixture.inspectionRecords
        #expect(records.count == fixture.rounds * 158 && records.count == fixture.dataset.inspectionCount)
        #expect(Set(records.map(\.id)).count == records.count)
        let areaCodes = Set(try fixture.areas.column("area_code"))
        for round in 1...fixture.rounds {
            let roundAreas = records.filter { $0.id / 1000 == round }.map(\.area)
            #expect(roundAreas.count == 158 && Set(roundAreas) == areaCodes, "round \(round)")
        }
        #expect(records.allSatisfy { (38...99).contains($0.cases) })
        let cases = records.map(\.cases)
        #expect(cases.contains { $0 < 50 } && cases.contains { $0 > 85 }, "the sample sizes should spread")
    }

    @Test func publishedDatesAreISOAndDistinctPerAreaWithinEachRoundsWindow() {
        let records = fixture.inspectionRecords
        for record in records {
            let round = record.id / 1000
            let year = Int(record.published.prefix(4)) ?? 0
            #expect(record.published.count == 10 && record.published.split(separator: "-").count == 3)
            let window = "\(2009 + 3 * (round - 1))-04-01"..."\(2012 + 3 * (round - 1))-03-31"
            #expect(window.contains(record.published), "\(record.id) published \(record.published)")
            #expect(year >= 2009)
        }
        for (_, rows) in Dictionary(grouping: records, by: \.area) {
            #expect(Set(rows.map(\.published)).count == rows.count)
        }
    }

    @Test func programmeIsCCIFirstThenCCIOrAnEarlyReinspection() {
        let records = fixture.inspectionRecords
        #expect(records.filter { $0.id / 1000 == 1 }.allSatisfy { $0.programme == "CCI" })
        #expect(records.allSatisfy { ["CCI", "CCI-RE"].contains($0.programme) })
    }

    @Test func questionsAre120TextIdsOverCriteria1_1To3_2() throws {
        let ids = try fixture.questions.column("question")
        #expect(ids.count == 120 && Set(ids).count == 120)
        #expect(ids.contains("1.1.01") && ids.contains("3.2.10"))
        for row in fixture.questions.rows {
            let parts = row[0].split(separator: ".")
            #expect(parts.count == 3 && parts[2].count == 2, "\(row[0])")
            #expect(row[1] == "c\(parts[0]).\(parts[1])" && row[2] == "section_\(parts[0])")
        }
        #expect(
            Set(try fixture.questions.column("criterion")) == [
                "c1.1", "c1.2", "c1.3", "c2.1", "c2.2", "c2.3", "c3.1", "c3.2",
            ])
    }

    @Test func aboutTwoThirdsAreKeyQuestionsSomeServingSeveralThemes() throws {
        let themed = try fixture.questionThemes.column("question")
        let questionIDs = Set(try fixture.questions.column("question"))
        #expect(Set(themed).isSubset(of: questionIDs))
        let keyShare = Double(Set(themed).count) / 120
        #expect(keyShare > 0.6 && keyShare < 0.72)
        #expect(themed.count > Set(themed).count, "a question may serve several themes")
        #expect(
            Set(try fixture.questionThemes.column("theme")) == [
                "safeguarding", "risk_of_harm", "likelihood_of_reoffending",
            ])
        let pairs = fixture.questionThemes.rows.map { $0.joined(separator: ",") }
        #expect(Set(pairs).count == pairs.count)
    }

    @Test func readmeSaysTheDataIsSyntheticAndCountsWhatWasWritten() {
        let readme = fixture.dataset.readme
        #expect(readme.hasPrefix("# SYNTHETIC"))
        #expect(readme.contains("--rounds \(fixture.rounds) --seed 7"))
        #expect(readme.contains("\(fixture.judgements.rows) judgement rows"))
        let reinspections = fixture.inspectionRecords.filter { $0.programme == "CCI-RE" }.count
        #expect(readme.contains("\(reinspections) of them early re-inspections"))
    }
}
