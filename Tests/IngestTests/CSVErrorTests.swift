import Columnar
import Foundation
import Testing

@testable import Ingest

@Suite struct CSVErrorTests {
    @Test func tooManyFieldsNamesLineColumnAndCounts() throws {
        let error = try #require(csvError("a,b\n1,2\n3,4,5\n"))
        #expect(error.line == 3)
        #expect(error.column == 5)
        #expect(error.message == "expected 2 fields, found 3")
        #expect(error.description.hasSuffix("data.csv:3:5: expected 2 fields, found 3"))
    }

    @Test func tooFewFieldsPointsAtTheEndOfTheLine() throws {
        let error = try #require(csvError("a,b,c\n1,2,3\n4,5\n"))
        #expect(error.line == 3)
        #expect(error.column == 4)
        #expect(error.message == "expected 3 fields, found 2")
    }

    @Test func raggedRowAfterEmbeddedNewlinesHasTheRightLine() throws {
        let error = try #require(csvError("a,b\n\"x\ny\nz\",1\n\"p\nq\",2,3\n"))
        #expect(error.line == 6)
        #expect(error.column == 6)
        #expect(error.message == "expected 2 fields, found 3 (in the record starting at line 5)")
    }

    @Test func raggedRowColumnCountsCharactersNotBytes() throws {
        let error = try #require(csvError("a,b\nMôn東,2,3\n"))
        #expect(error.line == 2)
        #expect(error.column == 8)
    }

    @Test func unterminatedQuoteIsReportedAtTheQuote() throws {
        let error = try #require(csvError("a,b\n1,2\n3,\"open\n4,5\n"))
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.message == "unterminated quoted field")
    }

    @Test func textAfterAClosingQuoteIsAnError() throws {
        let error = try #require(csvError("a,b\n\"x\"y,2\n"))
        #expect(error.line == 2)
        #expect(error.column == 4)
    }

    @Test func invalidUTF8IsReportedWithLineAndColumn() throws {
        let bytes = Array("a,b\n1,ok\n2,ab".utf8) + [0xFF] + Array("c\n".utf8)
        let error = try #require(csvError(bytes: bytes))
        #expect(error.line == 3)
        #expect(error.column == 5)
        #expect(error.message == "invalid UTF-8 byte sequence")
    }

    @Test func invalidUTF8InTheHeaderIsReported() throws {
        let error = try #require(csvError(bytes: Array("a,".utf8) + [0xC3, 0x28] + Array("\n1,2\n".utf8)))
        #expect(error.line == 1)
        #expect(error.column == 3)
    }

    @Test func nulByteIsAnError() throws {
        let error = try #require(csvError(bytes: Array("a,b\n1,x".utf8) + [0] + Array("y\n".utf8)))
        #expect(error.line == 2)
        #expect(error.column == 4)
        #expect(error.message == "NUL byte in text")
    }

    @Test func emptyFileIsAnError() throws {
        let error = try #require(csvError(bytes: []))
        #expect(error.message == "empty file")
        #expect(error.line == nil)
    }

    @Test func fileWithOnlyAByteOrderMarkIsEmpty() throws {
        let error = try #require(csvError(bytes: [0xEF, 0xBB, 0xBF]))
        #expect(error.message == "empty file")
    }

    @Test func missingFileIsAnError() {
        #expect(throws: IngestError.self) { try CSVReader.read(path: "/nonexistent/yotq/none.csv") }
        do {
            _ = try CSVReader.read(path: "/nonexistent/yotq/none.csv")
        } catch {
            #expect(error.description == "/nonexistent/yotq/none.csv: no such file or directory")
        }
    }

    @Test func directoryIsAnError() {
        let fixture = Fixture()
        do {
            _ = try CSVReader.read(path: fixture.folder)
            Issue.record("reading a directory succeeded")
        } catch {
            #expect(error.message == "is a directory, not a file")
        }
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func unreadableFileIsAnError() {
        let path = Fixture().write("secret.csv", "a\n1\n")
        chmod(path, 0)
        do {
            _ = try CSVReader.read(path: path)
            Issue.record("reading an unreadable file succeeded")
        } catch {
            #expect(error.message == "permission denied")
        }
    }

    @Test func forcedTypeConversionFailureNamesLineColumnAndValue() throws {
        let error = try #require(
            csvError("id,n\na,1\nb,2\nc,x7\n", options: CSVOptions(types: ["n": .bigint])))
        #expect(error.line == 4)
        #expect(error.column == 3)
        #expect(error.message == "cannot convert 'x7' to BIGINT in column 'n'")
    }

    @Test func forcedTypeFailureInAQuotedFieldAfterEmbeddedNewlines() throws {
        let error = try #require(
            csvError("t,d\n\"a\nb\",2021-01-01\nc,\"nope\"\n", options: CSVOptions(types: ["d": .date])))
        #expect(error.line == 4)
        #expect(error.column == 3)
    }

    @Test func errorsAreFoundAcrossTinyChunks() throws {
        var text = "a,b\n"
        for i in 0..<2000 { text += "\(i),\"v\n\(i)\"\n" }
        text += "x,y,z\n"
        let error = try #require(csvError(text, tuning: CSVTuning(chunkBytes: 64)))
        #expect(error.line == 4002)
        #expect(error.message == "expected 2 fields, found 3")
    }

    @Test func theFirstProblemInTheFileIsReported() throws {
        // Invalid UTF-8 on line 2 comes before the ragged row on line 3.
        let bytes = Array("a,b\n1,".utf8) + [0xFE] + Array("\n1,2,3\n".utf8)
        let error = try #require(csvError(bytes: bytes))
        #expect(error.line == 2)
        #expect(error.message == "invalid UTF-8 byte sequence")
    }
}

@Suite struct CSVLineEndErrorTests {
    @Test func bareCarriageReturnLineEndsAreRefused() throws {
        let error = try #require(csvError("a,b\r1,2\r3,4\r"))
        #expect(error.line == 1)
        #expect(error.column == 4)
        #expect(error.message.contains("carriage return"))
    }

    @Test func aSingleLineEndingInCarriageReturnIsFine() throws {
        let table = try readCSV("a,b\r")
        #expect(table.names == ["a", "b"])
    }
}
