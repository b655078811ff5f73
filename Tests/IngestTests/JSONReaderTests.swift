import Columnar
import Testing

@testable import Ingest

@Suite struct JSONReaderTests {
    func readJSON(_ text: String) throws(IngestError) -> Table {
        try JSONReader.read(path: Fixture().write("data.jsonl", text))
    }

    func jsonError(_ text: String) -> IngestError? {
        do {
            _ = try readJSON(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsJSONLinesWithTheUnionOfKeys() throws {
        let table = try readJSON("{\"a\": 1, \"b\": \"x\"}\n{\"b\": \"y\", \"c\": true}\n\n{\"a\": 3}\n")
        #expect(table.names == ["a", "b", "c"])
        #expect(table.types == [.bigint, .varchar, .boolean])
        #expect(
            table.rows == [
                [.bigint(1), .varchar("x"), .null],
                [.null, .varchar("y"), .boolean(true)],
                [.bigint(3), .null, .null],
            ])
    }

    @Test func readsATopLevelArrayOfObjects() throws {
        let table = try readJSON("[{\"area\": \"Ynys Môn\", \"score\": 45.5}, {\"area\": \"東京\", \"score\": 50}]")
        #expect(table.types == [.varchar, .double])
        #expect(table.rows == [[.varchar("Ynys Môn"), .double(45.5)], [.varchar("東京"), .double(50)]])
    }

    @Test func emptyArrayIsAnEmptyTable() throws {
        let table = try readJSON(" [ ] ")
        #expect(table.rowCount == 0)
        #expect(table.columnCount == 0)
    }

    @Test func isoDateStringsBecomeDates() throws {
        let table = try readJSON("{\"d\": \"2021-03-04\"}\n{\"d\": null}\n")
        #expect(table.types == [.date])
        #expect(table.rows == [[.date(Date32(year: 2021, month: 3, day: 4)!)], [.null]])
    }

    @Test func nestedValuesKeepTheirJSONText() throws {
        let table = try readJSON("{\"n\": {\"k\": [1, 2]}, \"l\": []}\n")
        #expect(table.rows == [[.varchar("{\"k\": [1, 2]}"), .varchar("[]")]])
    }

    @Test func mixedTypesBecomeTextKeepingNumbersAsWritten() throws {
        let table = try readJSON("{\"v\": 1.50}\n{\"v\": \"x\"}\n{\"v\": false}\n")
        #expect(table.types == [.varchar])
        #expect(table.rows == [[.varchar("1.50")], [.varchar("x")], [.varchar("false")]])
    }

    @Test func stringEscapesAreDecoded() throws {
        let table = try readJSON(#"{"s": "q\"b\\s\/n\nt\tu\u00e9\ud83d\ude42"}"#)
        #expect(table.rows == [[.varchar("q\"b\\s/n\nt\tu\u{E9}🙂")]])
    }

    @Test func hugeIntegerBecomesDouble() throws {
        let table = try readJSON("{\"v\": 99999999999999999999}\n{\"v\": 1}\n")
        #expect(table.types == [.double])
    }

    @Test(arguments: [
        ("{\"a\": 1}\n{\"a\": }\n", 2, 7),
        ("{\"a\": 1,}\n", 1, 9),
        ("{\"a\": tru}\n", 1, 7),
        ("{\"a\": \"open\n", 1, 7),
        ("[{\"a\": 1} {\"a\": 2}]", 1, 11),
        ("{\"a\": 01}\n", 1, 7),
        ("{\"a\": \"\\x\"}\n", 1, 8),
        ("{\"a\": \"\\ud800\"}\n", 1, 8),
        ("[1, 2]", 1, 2),
        ("{\"a\": 1}\nnull\n", 2, 1),
        ("{\"a\": [1, 2}\n", 1, 12),
        ("{\"é\": 1, \"b\": x}\n", 1, 15),
    ])
    func syntaxErrorsNameLineAndColumn(text: String, line: Int, column: Int) throws {
        let error = try #require(jsonError(text))
        #expect(error.line == line, "\(error)")
        #expect(error.column == column, "\(error)")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let text = "{\"a\": " + String(repeating: "[", count: 100_000) + "}"
        let error = try #require(jsonError(text))
        #expect(error.message.contains("nesting"))
    }

    @Test func invalidUTF8IsAnError() throws {
        let path = Fixture().write("bad.jsonl", bytes: Array("{\"a\": \"".utf8) + [0xFF] + Array("\"}\n".utf8))
        #expect(throws: IngestError.self) { try JSONReader.read(path: path) }
    }

    @Test func emptyFilesAreErrors() throws {
        #expect(jsonError("")?.message == "empty file")
        #expect(jsonError("  \n ")?.message == "empty file")
    }
}
