import Columnar
import Testing

@testable import Ingest

@Suite struct DatasetFolderTests {
    @Test func listsTableFilesByStemSkippingOthers() throws {
        let fixture = Fixture()
        fixture.write("areas.csv", "area_code,area\nE1,Ynys Môn\n")
        fixture.write("Scores.TSV", "measure\tscore\nsafeguarding\t45%\n")
        fixture.write("extra.jsonl", "{\"k\": 1}\n")
        fixture.write("notes.txt", "ignored")
        fixture.write("framework.json", "{\"name\": \"CCI\"}")
        fixture.write(".hidden.csv", "a\n1\n")
        let files = try DatasetFolder.tableFiles(in: fixture.folder)
        #expect(files.map(\.name) == ["Scores", "areas", "extra"])
        #expect(files.map(\.format) == [.tsv, .csv, .json])
    }

    @Test func loadsEveryTable() throws {
        let fixture = Fixture()
        fixture.write("questions.csv", "question,criterion\n1.1.01,c1.1\n1.1.02,c1.1\n")
        fixture.write("scores.tsv", "measure\tscore\nsafeguarding\t45%\nrisk_of_harm\t50 %\n")
        let tables = try DatasetFolder.loadAll(in: fixture.folder)
        #expect(tables.map(\.name) == ["questions", "scores"])
        #expect(tables[0].table.types == [.varchar, .varchar])
        #expect(
            tables[1].table.rows == [
                [.varchar("safeguarding"), .double(45)], [.varchar("risk_of_harm"), .double(50)],
            ])
    }

    @Test func twoFilesForOneTableIsAnError() throws {
        let fixture = Fixture()
        fixture.write("a.csv", "x\n1\n")
        fixture.write("A.jsonl", "{\"x\": 1}\n")
        #expect(throws: IngestError.self) { try DatasetFolder.tableFiles(in: fixture.folder) }
    }

    @Test func missingFolderIsAnError() {
        do {
            _ = try DatasetFolder.tableFiles(in: "/nonexistent/yotq")
            Issue.record("listing a missing folder succeeded")
        } catch {
            #expect(error.message == "no such file or directory")
        }
    }

    @Test func aFileIsNotAFolder() {
        let path = Fixture().write("a.csv", "x\n1\n")
        do {
            _ = try DatasetFolder.tableFiles(in: path)
            Issue.record("listing a file succeeded")
        } catch {
            #expect(error.message == "not a folder")
        }
    }

    @Test func aBadFileStopsTheLoadWithItsLocation() throws {
        let fixture = Fixture()
        fixture.write("good.csv", "a\n1\n")
        let bad = fixture.write("judgements.csv", "a,b\n1,2\n3\n")
        do {
            _ = try DatasetFolder.loadAll(in: fixture.folder)
            Issue.record("loading a ragged file succeeded")
        } catch {
            #expect(error.description == "\(bad):3:2: expected 2 fields, found 1")
        }
    }
}
