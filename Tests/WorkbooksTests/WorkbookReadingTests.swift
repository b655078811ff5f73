import Foundation
import Testing
import Columnar
@testable import Workbooks

@Suite struct WorkbookReadingTests {
    @Test func publishedTableSkipsTitleAndNotesWithWarnings() throws {
        let read = try read("published.xlsx")
        #expect(read.sheet == "Ratings")
        #expect(read.table.schema.names == ["area", "region", "inspected", "score", "share", "outstanding"])
        #expect(read.table.types == [.varchar, .varchar, .date, .bigint, .double, .boolean])
        #expect(read.table.rowCount == 4)
        #expect(
            read.table.row(3) == [
                .varchar("Cardiff"), .varchar("Wales"), date("2024-02-29"), .bigint(33), .double(0.6875),
                .boolean(false),
            ])
        #expect(read.warnings.count == 2)
        #expect(read.warnings[0].hasPrefix("skipped rows 1–3 of Ratings above the header ('Table 3: Youth justice"))
        #expect(read.warnings[0].hasSuffix("range := 'A4:F8' picks cells exactly"))
        #expect(
            read.warnings[1].contains("stopped at the empty row 9 of Ratings; 1 row below it not read ('Note: scores"))
        #expect(read.range == CellRange("A4:F8"))
    }

    @Test func rangePicksTheCellsExactly() throws {
        let read = try read("published.xlsx", SheetOptions(range: CellRange("A4:D6")))
        #expect(read.table.schema.names == ["area", "region", "inspected", "score"])
        #expect(read.table.rowCount == 2)
        #expect(read.warnings.isEmpty)
        #expect(read.table.column("score") == [.bigint(36), .bigint(41)])
    }

    @Test func noHeaderNamesColumnsByLetter() throws {
        let read = try read("published.xlsx", SheetOptions(range: CellRange("B5:D6"), header: false))
        #expect(read.table.schema.names == ["B", "C", "D"])
        #expect(read.table.column("D") == [.bigint(36), .bigint(41)])
    }

    @Test func allVarcharReadsWhatTheSheetShows() throws {
        let read = try read("published.xlsx", SheetOptions(range: CellRange("A4:F6"), allVarchar: true))
        #expect(read.table.types.allSatisfy { $0 == .varchar })
        #expect(read.table.row(0) == ["Harrow", "London", "2019-03-14", "36", "0.75", "false"].map(Value.varchar))
    }

    @Test func sheetByNameAndCase() throws {
        #expect(try read("published.xlsx", SheetOptions(sheet: "Areas")).table.rowCount == 2)
        #expect(try read("published.xlsx", SheetOptions(sheet: "areas")).sheet == "Areas")
    }

    @Test func everyKindOfCell() throws {
        let table = try read("types.xlsx").table
        #expect(table.schema.names == ["id", "ratio", "built_in_date", "custom_date", "flag", "note", "rich", "maybe"])
        #expect(table.types == [.bigint, .double, .date, .date, .boolean, .varchar, .varchar, .bigint])
        #expect(table.column("id") == [1, 2, 3, 9007199254740992].map { .bigint($0) })  // a double's precision
        #expect(table.column("ratio") == [0.5, 1.25, -2.0, 3.0].map { .double($0) })
        #expect(table.column("built_in_date") == ["1900-01-01", "1970-01-01", "2025-12-31", "1900-02-28"].map(date))
        #expect(table.column("custom_date") == ["1900-03-01", "2000-02-29", "1999-12-31", "2024-06-01"].map(date))
        #expect(table.column("flag") == [true, false, true, false].map { .boolean($0) })
        #expect(table.column("note") == ["two\nlines", "plain", "Ünïcödé & <tags>", "  spaced  "].map(Value.varchar))
        #expect(table.column("rich") == ["bold and plain", "simple", "one two", "last"].map(Value.varchar))
        #expect(table.column("maybe") == [.bigint(1), .null, .bigint(3), .null])  // 1.0 is integral
    }

    @Test func errorCellsAreNullAndCounted() throws {
        let read = try read("types.xlsx")
        #expect(read.warnings == ["2 error cells (#N/A, #DIV/0!) read as NULL, the first at Types!H3"])
    }

    @Test func mergedCellsTakeTheTopLeftValue() throws {
        let table = try read("types.xlsx", SheetOptions(sheet: "Merged")).table
        #expect(table.column("region") == ["London", "London", "Wales"].map(Value.varchar))
    }

    @Test func dates1904() throws {
        #expect(try read("mac1904.xlsx").table.column("day") == [date("1904-01-01"), date("2011-12-05")])
    }

    @Test func handWrittenXML() throws {
        let read = try read("handmade.xlsx")
        #expect(read.sheet == "Hand Made")
        let table = read.table
        #expect(table.schema.names == ["label", "value", "when", "time"])
        // The phonetic run is left out.
        #expect(table.column("label") == ["東京 tokyo", "ab & more", "total"].map(Value.varchar))
        #expect(table.column("value") == [.bigint(2), .null, .bigint(2)])  // formulas' cached values; #DIV/0! → NULL
        // Serial 61 is 1900-03-01 (after the phantom 29 February), 59 is 1900-02-28; t="d" is ISO.
        #expect(table.column("when") == ["1900-03-01", "2023-04-05", "1900-02-28"].map(date))
        // A time-of-day format is not a date: the number stays.
        #expect(table.column("time") == [.double(0.5), .double(0.25), .null])
        #expect(read.warnings == ["1 error cell (#DIV/0!) read as NULL, the first at 'Hand Made'!B3"])
    }

    @Test func theLeapYearQuirkDayIsAnErrorCell() throws {
        let read = try read("leapday.xlsx")
        #expect(read.table.column("when").last == .null)
        #expect(
            read.warnings == [
                "2 error cells (#DIV/0!, date serial 60 is no calendar day) read as NULL, the first at 'Hand Made'!B3"
            ])
    }

    @Test func libreOfficeXLSX() throws {
        let read = try read("libreoffice.xlsx")
        let table = read.table
        #expect(table.schema.names == ["area", "score", "double", "inspected", "good", "ratio"])
        #expect(table.types == [.varchar, .bigint, .bigint, .date, .boolean, .double])
        #expect(table.column("double") == [72, 82, 56].map { .bigint($0) })
        #expect(table.column("inspected") == ["2011-12-05", "2019-03-14", "2024-02-29"].map(date))
        #expect(table.column("ratio") == [.double(0.75), .null, .double(0.4375)])
        // The total row sits below an empty row: left out, and said.
        #expect(
            read.warnings.contains {
                $0.contains("stopped at the empty row 5 of Scores; 1 row below it not read ('Total')")
            })
    }

    @Test func libreOfficeODS() throws {
        let read = try read("libreoffice.ods")
        let table = read.table
        #expect(table.schema.names == ["area", "score", "double", "inspected", "good", "ratio"])
        // LibreOffice stores `=TRUE()` as a float formula in ODS: the file says 1 and 0, not booleans.
        #expect(table.types == [.varchar, .bigint, .bigint, .date, .bigint, .double])
        #expect(table.column("area") == ["Harrow", "Brent", "Wigan"].map(Value.varchar))
        #expect(table.column("inspected") == ["2011-12-05", "2019-03-14", "2024-02-29"].map(date))
        #expect(table.column("ratio") == [.double(0.75), .null, .double(0.4375)])
        #expect(read.warnings.contains("1 error cell (#DIV/0!) read as NULL, the first at Scores!F3"))
        let notes = try readFixture("libreoffice.ods", SheetOptions(sheet: "Notes")).table
        #expect(notes.column("line") == ["first\nsecond", "   three spaces"].map(Value.varchar))
    }

    @Test func readAllSheetsSkipsEmptyOnes() throws {
        let path = fixture("published.xlsx")
        let sheets = try WorkbookReader.readAll(path: path, format: .xlsx, options: SheetOptions(ignoreErrors: true))
        #expect(sheets.map(\.sheet) == ["Ratings", "Areas", "Suppressed"])
    }
}

@Suite struct WorkbookErrorTests {
    private func failure(_ name: String, _ options: SheetOptions = SheetOptions()) -> WorkbookError? {
        do {
            _ = try read(name, options)
            return nil
        } catch {
            return error
        }
    }

    @Test func notAZip() {
        let error = failure("not-a-zip.xlsx")
        #expect(error?.kind == .notAWorkbook)
        #expect(error?.message.hasSuffix("is not a workbook (not a ZIP file)") == true)
    }

    @Test func truncated() {
        #expect(failure("truncated.xlsx")?.kind == .truncated)
    }

    @Test func encrypted() {
        let error = failure("encrypted.xlsx")
        #expect(error?.kind == .encrypted)
        #expect(error?.message.contains("password-protected") == true)
    }

    @Test func missingSheetSuggestsTheClosest() {
        let error = failure("published.xlsx", SheetOptions(sheet: "Ratngs"))
        #expect(error?.kind == .missingSheet)
        #expect(error?.suggestions == ["Ratings"])
        #expect(
            error?.description.hasSuffix(
                "its sheets: 'Ratings', 'Areas', 'Empty', 'Suppressed' (did you mean 'Ratings'?)") == true)
    }

    @Test func rangeOutsideTheSheet() {
        let error = failure("published.xlsx", SheetOptions(range: CellRange("K40:M50")))
        #expect(error?.kind == .rangeOutsideSheet)
        #expect(error?.message == "the range K40:M50 lies outside the cells of the sheet Ratings (A1:F10)")
        #expect(failure("published.xlsx", SheetOptions(sheet: "Empty"))?.kind == .rangeOutsideSheet)
    }

    @Test func aCellTheColumnCannotHoldNamesSheetAndCell() {
        let error = failure("published.xlsx", SheetOptions(sheet: "Suppressed"))
        #expect(error?.kind == .cellType)
        #expect(
            error?.message
                == "Suppressed!B3: the text '[c]' does not fit the column score (BIGINT, as 2 of its 3 cells are); ignore_errors := true reads it as NULL, all_varchar := true reads every cell as text"
        )
    }

    @Test func ignoreErrorsReadsNullAndSaysSo() throws {
        let read = try read("published.xlsx", SheetOptions(sheet: "Suppressed", ignoreErrors: true))
        #expect(read.table.column("score") == [.bigint(36), .null, .bigint(28)])
        #expect(
            read.warnings == [
                "1 cell that did not fit its column read as NULL (ignore_errors), the first at Suppressed!B3"
            ])
    }

    @Test func aDTDIsRefusedAndNoEntityResolved() {
        let error = failure("entity.xlsx")
        #expect(error?.kind == .malformed)
        #expect(error?.message.contains("a DTD (<!DOCTYPE) is not allowed") == true)
    }

    @Test func aPartNameCannotEscapeThePackage() {
        let error = failure("escape.xlsx")
        #expect(error?.kind == .unsafePath)
    }

    @Test func aZipBombStopsAtTheCap() throws {
        var archive = try WorkbookArchive(path: fixture("bomb.xlsx"), limit: 16 << 20)
        #expect(throws: WorkbookError.self) { _ = try archive.read("xl/worksheets/sheet1.xml") }
        do {
            _ = try archive.read("xl/worksheets/sheet1.xml")
        } catch {
            #expect(error.kind == .tooLarge)
        }
    }

    @Test func readAllFailsWholeNamingTheSheet() {
        #expect(throws: WorkbookError.self) {
            _ = try WorkbookReader.readAll(path: fixture("published.xlsx"), format: .xlsx)
        }
    }

    @Test func xlsxReaderPointsAtODS() {
        let path = fixture("libreoffice.ods")
        #expect(throws: WorkbookError.self) { _ = try WorkbookReader.read(path: path, format: .xlsx) }
    }
}

@Suite struct CRC32Tests {
    @Test func matchesTheKnownValues() {
        var crc = CRC32()
        Array("123456789".utf8).withUnsafeBytes { crc.update($0) }
        #expect(crc.value == 0xCBF4_3926)
        var split = CRC32()
        let text = Array("The quick brown fox jumps over the lazy dog, twice over.".utf8)
        text[..<13].withUnsafeBytes { split.update($0) }
        text[13...].withUnsafeBytes { split.update($0) }
        var whole = CRC32()
        text.withUnsafeBytes { whole.update($0) }
        #expect(split.value == whole.value)
    }

    @Test func aFlippedByteIsDamage() throws {
        // Flip a byte inside the stored (uncompressed) mimetype entry of an ODS: inflating succeeds, the
        // checksum does not.
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture("libreoffice.ods"))))
        let marker = Array("application/vnd.oasis".utf8)
        let at = bytes.firstRange(of: marker)!.lowerBound
        bytes[at] = UInt8(ascii: "A")
        let path = temporaryPath("damaged.ods")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var archive = try WorkbookArchive(path: path)
        #expect(throws: WorkbookError(.truncated, "\(path) is damaged (mimetype fails its checksum)")) {
            _ = try archive.read("mimetype")
        }
    }
}
