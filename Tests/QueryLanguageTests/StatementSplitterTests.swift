import Testing

@testable import QueryLanguage

@Suite struct StatementSplitterTests {
    static let completeness: [(String, Bool)] = [
        ("SELECT 1;", true),
        ("SELECT 1", false),
        ("SELECT 1;  \n", true),
        ("SELECT 1; -- trailing comment", true),
        ("SELECT 1 -- ;", false),
        ("SELECT 1 -- ;\n;", true),
        ("SELECT /* ; */ 1", false),
        ("SELECT /* ; */ 1;", true),
        ("SELECT ';'", false),
        ("SELECT ';';", true),
        ("SELECT 'multi\nline;\n", false),
        ("SELECT 'multi\nline;\n';", true),
        ("SELECT 'it''s;", false),
        ("SELECT 'it''s;';", true),
        ("SELECT \"a;b\"", false),
        ("SELECT \"a;b\";", true),
        ("SELECT \"a;b", false),
        ("", true),
        ("   \n  ", true),
        ("-- just a comment", true),
        ("/* unterminated ;", false),
        ("SELECT 1;\n/* pending", false),
        ("SELECT 1; SELECT 2", false),
        ("SELECT 1; SELECT 2;", true),
        (";", true),
        ("SELEC $$ garbage;", true),
        ("SELECT 1 /* nested /* ; */ still ; */", false),
        ("SELECT 1 /* nested /* ; */ still ; */;", true),
    ]

    @Test(arguments: completeness)
    func decidesWhetherInputIsComplete(buffer: String, complete: Bool) {
        #expect(StatementSplitter.isComplete(buffer) == complete)
    }

    @Test func splitsIntoStatementsWithRanges() {
        let buffer = "SELECT 1; SELECT ';' ;\n-- c;\n SELECT 3"
        let pieces = StatementSplitter.split(buffer)
        #expect(pieces.map(\.text) == ["SELECT 1", "SELECT ';'", "SELECT 3"])
        #expect(pieces.map(\.isTerminated) == [true, true, false])
        for piece in pieces {
            #expect(text(buffer, piece.range) == piece.text)
        }
    }

    @Test func keepsMultiLineStatementsWhole() {
        let buffer = "SELECT a,\n  'x;y' AS s -- not the end;\nFROM t /* ; */\nWHERE b;\nSELECT 2;"
        let pieces = StatementSplitter.split(buffer)
        #expect(
            pieces.map(\.text) == [
                "SELECT a,\n  'x;y' AS s -- not the end;\nFROM t /* ; */\nWHERE b", "SELECT 2",
            ])
    }

    @Test func anUnterminatedStringSwallowsTheRest() {
        let buffer = "SELECT 1; SELECT 'abc; SELECT 2;"
        let pieces = StatementSplitter.split(buffer)
        #expect(pieces.count == 2)
        #expect(pieces[1].text == "SELECT 'abc; SELECT 2;")
        #expect(pieces[1].isTerminated == false)
    }

    @Test func skipsEmptyStatements() {
        #expect(StatementSplitter.split(";; ; -- x\n;").isEmpty)
        #expect(StatementSplitter.split(";;SELECT 1;;").map(\.text) == ["SELECT 1"])
    }

    @Test func splitsTextThatDoesNotParse() {
        let pieces = StatementSplitter.split("SELEC ? FROM; compare Harrow;")
        #expect(pieces.map(\.text) == ["SELEC ? FROM", "compare Harrow"])
    }

    @Test func rangesAreByteOffsetsIntoTheBuffer() {
        let buffer = "SELECT 'é';SELECT 'ü'"
        let pieces = StatementSplitter.split(buffer)
        #expect(pieces.map(\.range) == [SourceRange(0, 11), SourceRange(12, 23)])
    }

    @Test func agreesWithTheParserOnStatementRanges() throws {
        let script = "SELECT 1;\n/* c */ SELECT 'a;b' AS x\n;\n\nCREATE TABLE t AS SELECT 2"
        let parsed = try parseScript(script).map(\.range)
        #expect(StatementSplitter.split(script).map(\.range) == parsed)
    }
}
