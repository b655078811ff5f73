import Ingest
import QueryEngine
import QueryLanguage
import Testing
@testable import Shell

@Suite struct DiagnosticTests {
    @Test func caretSitsUnderTheRangeOnItsLine() {
        let source = SourceText(name: "q.sql", text: "SELECT 1;\nSELECT x FROM t;\n")
        let diagnostic = Diagnostic(message: "no column x", range: SourceRange(7, 8), source: source, offset: 10)
        #expect(diagnostic.formatted() == "q.sql:2:8: error: no column x\n  SELECT x FROM t;\n         ^")
    }

    @Test func columnsCountCharactersNotBytes() {
        let source = SourceText(name: "q.sql", text: "SELECT 'Môn', y;")
        let offset = Array("SELECT 'Môn', ".utf8).count
        let diagnostic = Diagnostic(message: "bad", range: SourceRange(offset, offset + 1), source: source, offset: 0)
        #expect(diagnostic.location == SourceLocation(line: 1, column: 15))
    }

    @Test func tabsAreKeptSoTheCaretLinesUp() {
        let source = SourceText(name: "q.sql", text: "\tSELECT nope")
        let diagnostic = Diagnostic(message: "bad", range: SourceRange(8, 12), source: source, offset: 0)
        #expect(diagnostic.formatted().hasSuffix("\n  \tSELECT nope\n  \t       ^~~~"))
    }

    /// A data file's error carried up through `read_csv` names the file's place once, not twice.
    @Test func aDataFileErrorFromTheEngineSaysItsPlaceOnce() {
        let source = SourceText(name: "q.sql", text: "SELECT * FROM read_csv('r.csv');")
        let error = QueryError(
            .io, "r.csv:3:2: expected 2 fields, found 1", range: SourceRange(14, 31), file: "r.csv", line: 3, column: 2)
        #expect(Diagnostic(error: error, source: source).formatted() == "r.csv:3:2: error: expected 2 fields, found 1")
        let missing = QueryError(.io, "no such file", range: nil, file: "gone.csv")
        #expect(Diagnostic(error: missing, source: source).formatted() == "gone.csv: error: no such file")
    }

    @Test func ctrlCIsTheSingleWordInterrupted() {
        let source = SourceText(name: "q.sql", text: "SELECT * FROM big;")
        let query = Diagnostic(error: QueryError(.interrupted, "Interrupted", range: SourceRange(0, 6)), source: source)
        #expect(query.formatted(colour: true) == "Interrupted")
        var read = IngestError(path: "big.csv", message: "interrupted")
        read.isInterruption = true
        #expect(Diagnostic(error: read, source: nil).formatted() == "Interrupted")
        #expect(
            Diagnostic(error: IngestError(path: "big.csv", line: 3, message: "bad"), source: nil).formatted()
                == "big.csv:3:1: error: bad")
    }
}
