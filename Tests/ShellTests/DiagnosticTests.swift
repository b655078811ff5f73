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

    /// Issue 13: a value holding ESC sequences must not recolour the terminal or move its cursor when an
    /// error quotes it; control characters are shown escaped, tabs and newlines kept.
    @Test func controlCharactersFromDataAreShownEscaped() {
        let diagnostic = Diagnostic(
            message: "cannot convert '\u{1B}[2J\u{1B}]0;owned\u{07}x\u{7F}\u{9B}31m' to DATE\tin\nfile",
            file: "d\u{1B}[31m.sql", suggestions: ["\u{1B}[1mcol"])
        #expect(
            diagnostic.formatted()
                == "d\\u{1B}[31m.sql: error: cannot convert '\\u{1B}[2J\\u{1B}]0;owned\\u{7}x\\u{7F}\\u{9B}31m' "
                + "to DATE\tin\nfile\ndid you mean: \\u{1B}[1mcol?")
        #expect(!diagnostic.formatted().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
    }

    @Test func theCaretLinesUpUnderAnEscapedControlCharacter() {
        let source = SourceText(name: "q.sql", text: "SELECT '\u{1B}', nope")
        let offset = Array("SELECT '\u{1B}', ".utf8).count
        let diagnostic = Diagnostic(message: "bad", range: SourceRange(offset, offset + 4), source: source, offset: 0)
        #expect(diagnostic.formatted().hasSuffix("\n  SELECT '\\u{1B}', nope\n                   ^~~~"))
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
