import Columnar
import Testing

@testable import Ingest

@Suite struct CSVSyntaxTests {
    @Test func readsQuotedFieldsWithDelimitersDoubledQuotesAndNewlines() throws {
        let table = try readCSV("name,note\n\"Smith, J\",\"said \"\"hi\"\"\"\nplain,\"two\nlines\"\n")
        #expect(table.names == ["name", "note"])
        #expect(
            table.rows == [
                [.varchar("Smith, J"), .varchar("said \"hi\"")],
                [.varchar("plain"), .varchar("two\nlines")],
            ])
    }

    @Test func crlfAndLfLineEndsReadTheSame() throws {
        let lf = try readCSV("a,b\n1,x\n2,y\n")
        let crlf = try readCSV("a,b\r\n1,x\r\n2,y\r\n")
        let crlfNoFinal = try readCSV("a,b\r\n1,x\r\n2,y")
        #expect(lf.rows == crlf.rows)
        #expect(lf.rows == crlfNoFinal.rows)
        #expect(crlf.rows == [[.bigint(1), .varchar("x")], [.bigint(2), .varchar("y")]])
    }

    @Test func quotedFieldFollowedByCRLF() throws {
        let table = try readCSV("a,b\r\n\"x\",\"y\"\r\n")
        #expect(table.rows == [[.varchar("x"), .varchar("y")]])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let path = Fixture().write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\n1,a\n".utf8))
        let table = try CSVReader.read(path: path)
        #expect(table.names == ["id", "name"])
        #expect(table.rows == [[.bigint(1), .varchar("a")]])
    }

    @Test func unquotedEmptyIsNullQuotedEmptyIsEmptyString() throws {
        let table = try readCSV("a,b\nx,\n,\"\"\n")
        #expect(table.rows == [[.varchar("x"), .null], [.null, .varchar("")]])
    }

    @Test func quotedEmptyInANumericColumnIsNull() throws {
        let table = try readCSV("a,n\nx,1\ny,\"\"\n")
        #expect(table.types == [.varchar, .bigint])
        #expect(table.rows == [[.varchar("x"), .bigint(1)], [.varchar("y"), .null]])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsLiteral() throws {
        let table = try readCSV("height,name\n5'10\",bob\n")
        #expect(table.rows == [[.varchar("5'10\""), .varchar("bob")]])
    }

    @Test func blankLinesAreSkipped() throws {
        let table = try readCSV("a,b\n\n1,2\n\r\n3,4\n\n")
        #expect(table.rows == [[.bigint(1), .bigint(2)], [.bigint(3), .bigint(4)]])
    }

    @Test func trailingDelimiterGivesATrailingNullField() throws {
        let table = try readCSV("a,b,c\n1,2,\n")
        #expect(table.rows == [[.bigint(1), .bigint(2), .null]])
    }

    @Test func headerOnlyFileIsAnEmptyTable() throws {
        let table = try readCSV("inspection_id,case_id,question,answer\n")
        #expect(table.names == ["inspection_id", "case_id", "question", "answer"])
        #expect(table.rowCount == 0)
        #expect(table.types == [.varchar, .varchar, .varchar, .varchar])
    }

    @Test func unicodeTextSurvives() throws {
        let table = try readCSV("area,名前\nYnys Môn,東京\n\"Caerffili, Cymru\",🙂\n")
        #expect(table.names == ["area", "名前"])
        #expect(
            table.rows == [[.varchar("Ynys Môn"), .varchar("東京")], [.varchar("Caerffili, Cymru"), .varchar("🙂")]])
    }

    @Test func textIsComparedByBytesNotCanonicalEquivalence() throws {
        // Precomposed é and e + combining acute are different values.
        let table = try readCSV("w\n\u{E9}\ne\u{301}\n", options: CSVOptions(header: true))
        guard case .varchar(let codes, let dictionary) = table.columns[0].storage else {
            Issue.record("expected VARCHAR")
            return
        }
        #expect(dictionary.count == 2)
        #expect(codes[0] != codes[1])
    }

    @Test func singleColumnFile() throws {
        let table = try readCSV("answer\nY\nN\nNA\n")
        #expect(table.names == ["answer"])
        #expect(table.rows == [[.varchar("Y")], [.varchar("N")], [.varchar("NA")]])
    }

    @Test func duplicateAndEmptyHeaderNamesAreMadeUnique() throws {
        let table = try readCSV("id,ID,,name\n1,2,3,x\n", options: CSVOptions(header: true))
        #expect(table.names == ["id", "ID_1", "column2", "name"])
    }

    @Test func lastRecordWithoutNewline() throws {
        let table = try readCSV("a,b\n1,2\n3,\"x\"")
        #expect(table.rows == [[.bigint(1), .varchar("2")], [.bigint(3), .varchar("x")]])
    }
}
