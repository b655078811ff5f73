import Columnar
import FileOutput
import Foundation
import Inspection
import QueryEngine
import Reporting
import Testing
import Workbooks

@testable import Shell

/// Workbooks through the shell: read_xlsx / read_ods and FROM 'file.xlsx' with their warnings and errors,
/// COPY … (FORMAT xlsx|ods, SHEET …), `.load book.xlsx`, and notebooks written as workbooks.
@Suite struct WorkbookShellTests {
    static let query = """
        SELECT * FROM (VALUES ('Harrow', 36, 0.75, DATE '2011-12-05', true), ('Brent', 41, NULL, DATE '2019-03-14', false))
        AS t(area, score, share, inspected, good)
        """

    /// A workbook with a title and a note above the table, as published tables have.
    static func publishedBook(_ folder: URL, format: WorkbookFormat = .xlsx) throws -> String {
        let path = folder.appendingPathComponent("published.\(format.rawValue)").path
        let table = Table([
            ("area", Column(type: .varchar, values: [.varchar("Harrow"), .varchar("Brent")])),
            ("score", Column(type: .bigint, values: [.bigint(36), .bigint(41)])),
        ])
        try WorkbookWriter.write(
            [
                WorkbookSheet(name: "Ratings", table: table, title: "Table 3: ratings", notes: ["Source: HMIP"]),
                WorkbookSheet(name: "Second sheet", table: table),
            ], to: path, format: format)
        return path
    }

    @Test(arguments: WorkbookFormat.allCases)
    func copyThenReadBackIsTheSameTable(_ format: WorkbookFormat) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.\(format.rawValue)").path
        let run = CapturedRun()
        #expect(
            run.run("COPY (\(Self.query)) TO '\(path)' (FORMAT \(format.rawValue), SHEET 'My scores', HEADER true);")
                == .success)
        #expect(run.output.text == "2 rows written to \(path)\n")
        let back = CapturedRun()
        back.run("SELECT * FROM read_\(format.rawValue)('\(path)', sheet := 'My scores'); \(Self.query);")
        let halves = back.output.text.components(separatedBy: "area,score,share,inspected,good\n")
        #expect(halves.count == 3 && halves[1] == halves[2])
        #expect(back.errors.text.isEmpty)
    }

    @Test func fromAQuotedWorkbookPathWarnsWhatItSkipped() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.publishedBook(folder)
        let run = CapturedRun()
        #expect(run.run("SELECT * FROM '\(path)';") == .success)
        #expect(run.output.text == "area,score\nHarrow,36\nBrent,41\n")
        #expect(
            run.errors.text
                == "warning: read_xlsx: skipped rows 1–2 of Ratings above the header ('Table 3: ratings', 'Source: HMIP'); range := 'A3:B5' picks cells exactly\n"
        )
        let exact = CapturedRun()
        exact.run(
            "SELECT published.score FROM '\(path)' WHERE area = 'Brent'; SELECT * FROM read_xlsx('\(path)', range := 'A3:B4');"
        )
        #expect(exact.output.text == "score\n41\narea,score\nHarrow,36\n")
    }

    @Test func aMissingSheetPointsAtTheOptionWithDidYouMean() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.publishedBook(folder, format: .ods)
        let run = CapturedRun()
        #expect(run.run("SELECT * FROM read_ods('\(path)', sheet := 'Ratngs');") == .failure)
        let caretLine = run.errors.text.split(separator: "\n")[2]
        #expect(run.errors.text.contains("has no sheet named 'Ratngs'; its sheets: 'Ratings', 'Second sheet'"))
        #expect(caretLine.trimmingCharacters(in: .whitespaces) == "^~~~~~~~")
        #expect(run.errors.text.hasSuffix("did you mean: Ratings?\n"))
    }

    @Test func badOptionsAreErrorsUnderTheOption() throws {
        let run = CapturedRun()
        run.run("SELECT * FROM read_xlsx('x.xlsx', range := 'A1-B2');")
        #expect(run.errorText.contains("error: range must name cells such as 'A3:F200'"))
        let copy = CapturedRun()
        copy.run("COPY (SELECT 1) TO 'x.csv' (SHEET 'a');")
        #expect(copy.errorText.contains("error: SHEET is an option of the xlsx and ods formats, not csv"))
        let misspelt = CapturedRun()
        misspelt.run("COPY (SELECT 1) TO 'x.xlsx' (SHET 'a');")
        #expect(misspelt.errorText.contains("did you mean: sheet?"))
        let notAWorkbook = CapturedRun()
        notAWorkbook.run("SELECT * FROM 'x.weird';")
        #expect(notAWorkbook.errorText.contains("cannot tell how to read 'x.weird' from its extension"))
    }

    @Test func loadMakesATablePerSheetOrTheFirstAsName() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.publishedBook(folder)
        let run = CapturedRun()
        #expect(
            run.run(".load \(path)\nSELECT count(*) AS n FROM Ratings;\nSELECT sum(score) AS s FROM Second_sheet;")
                == .success)
        #expect(run.output.text == "n\n2\ns\n77\n")
        #expect(run.errors.text.hasPrefix("warning: Ratings: skipped rows 1–2 of Ratings"))
        let named = CapturedRun()
        #expect(named.run(".load \(path) AS first\nSELECT area FROM first;") == .success)
        #expect(named.output.text == "area\nHarrow\nBrent\n")
    }

    @Test func aNotebookBecomesABoardPackWorkbook() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = folder.appendingPathComponent("pack.md")
        try """
        ---
        title: Pack
        ---

        ```sql title="Two areas"
        \(Self.query);
        ```

        ```sql
        SELECT 'Good' AS rating, 3 AS points;
        ```
        """.write(to: notebook, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("pack.xlsx").path
        let status = NotebookCommand.run(
            NotebookOptions(
                path: notebook.path, format: nil, output: output, dataFolder: nil, noData: true, keepGoing: false,
                parameters: []),
            errors: StringSink())
        #expect(status == .success)
        #expect(try WorkbookReader.sheetNames(path: output, format: .xlsx) == ["Contents", "1 Two areas", "Table 2"])
        let contents = try WorkbookReader.read(path: output, format: .xlsx)
        #expect(contents.table.column(named: "table")?.values == [.varchar("Table 1. Two areas"), .varchar("Table 2")])
        let first = try WorkbookReader.read(path: output, format: .xlsx, options: SheetOptions(sheet: "1 Two areas"))
        #expect(first.table.schema.names == ["area", "score", "share", "inspected", "good"])
        #expect(
            first.table.row(0) == [
                .varchar("Harrow"), .bigint(36), .double(0.75), .date(Date32(iso: "2011-12-05")!), .boolean(true),
            ])
        #expect(first.warnings.first?.contains("('Table 1. Two areas', 'Source: SELECT * FROM (VALUES") == true)
    }
}
