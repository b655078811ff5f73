import Spelling
import Testing

@testable import QueryLanguage

@Suite struct SyntaxErrorTests {
    /// Bad input → a fragment the message must contain → the text of the range it must point at
    /// ("" for the end of input).
    static let badInputs: [(String, String, String)] = [
        ("SELECT * FORM t", "syntax error at or near \"FORM\"", "FORM"),
        ("SELECT", "syntax error at end of input", ""),
        ("SELECT 'abc", "unterminated quoted string", "'"),
        ("SELECT \"abc", "unterminated quoted identifier", "\""),
        ("SELECT 1 /* never closed", "unterminated /* comment", "/*"),
        ("SELECT /* outer /* inner */ still open", "unterminated /* comment", "/*"),
        ("SELECT \"\"", "zero-length delimited identifier", "\"\""),
        ("SELECT 1abc", "trailing junk after numeric literal at or near \"1abc\"", "1abc"),
        ("SELECT 1e", "trailing junk", "1e"),
        ("SELECT (1", "syntax error at end of input, expected \")\"", ""),
        ("SELECT ((1)", "expected \")\"", ""),
        ("SELECT 1 +", "syntax error at end of input", ""),
        ("SELEC 1", "syntax error at or near \"SELEC\", expected a statement", "SELEC"),
        ("SELECT a FROM", "syntax error at end of input, expected a table name", ""),
        ("SELECT a FROM t WHERE", "syntax error at end of input", ""),
        ("SELECT * FROM a JOIN b", "expected ON or USING", ""),
        ("SELECT * FROM a LEFT b ON x", "syntax error at or near \"b\", expected JOIN", "b"),
        ("SELECT * FROM a NATURAL CROSS JOIN b", "expected JOIN, INNER, LEFT, RIGHT or FULL", "CROSS"),
        ("SELECT * FROM a JOIN b USING a", "syntax error at or near \"a\"", "a"),
        ("CREATE TABLE t", "expected AS or a column list", ""),
        ("CREATE TABLE t (SELECT 1)", "expected AS before the query", "("),
        ("CREATE INDEX i ON t (a)", "syntax error at or near \"INDEX\", expected TABLE or VIEW", "INDEX"),
        ("CREATE TABLE t (a)", "syntax error at or near \")\", expected a type name", ")"),
        ("CREATE TABLE t (a VARCHAR(n))", "expected an integer type parameter", "n"),
        ("CREATE VIEW v SELECT 1", "syntax error at or near \"SELECT\", expected AS", "SELECT"),
        ("DROP t", "syntax error at or near \"t\", expected TABLE or VIEW", "t"),
        ("DROP TABLE IF t", "expected EXISTS", "t"),
        ("INSERT t VALUES (1)", "syntax error at or near \"t\", expected INTO", "t"),
        ("INSERT INTO t (a, b)", "syntax error at end of input, expected VALUES or a query", ""),
        ("COPY t FROM 'f.csv'", "syntax error at or near \"FROM\", expected TO", "FROM"),
        ("COPY t TO out", "expected a file name in single quotes", "out"),
        ("COPY t TO 'o' (FORMAT csv", "expected \")\"", ""),
        ("SHOW t", "syntax error at or near \"t\", expected TABLES", "t"),
        ("EXPLAIN", "syntax error at end of input, expected a statement", ""),
        ("SELECT $1", "syntax error at or near \"$\"", "$"),
        ("SELECT 1 ! 2", "syntax error at or near \"!\"", "!"),
        ("SELECT 'é' # 1", "syntax error at or near \"#\"", "#"),
        ("SELECT a FROM t GROUP a", "syntax error at or near \"a\", expected BY", "a"),
        ("SELECT a FROM t ORDER a", "expected BY", "a"),
        ("SELECT CASE END", "syntax error at or near \"END\", expected WHEN", "END"),
        ("SELECT CASE WHEN a THEN 1", "syntax error at end of input, expected END", ""),
        ("SELECT CAST(x BIGINT)", "syntax error at or near \"BIGINT\", expected AS", "BIGINT"),
        ("SELECT x::", "syntax error at end of input, expected a type name", ""),
        ("SELECT 1 2", "syntax error at or near \"2\"", "2"),
        ("SELECT 'a' 'b'", "syntax error at or near \"'b'\"", "'b'"),
        ("SELECT 1 SELECT 2", "syntax error at or near \"SELECT\"", "SELECT"),
        ("SELECT select", "syntax error at or near \"select\", expected an expression", "select"),
        ("SELECT from t", "syntax error at or near \"from\"", "from"),
        ("SELECT f(a := 1, 2)", "a positional argument cannot follow named arguments", "2"),
        ("SELECT a FROM t ORDER BY a NULLS", "expected FIRST or LAST", ""),
        ("SELECT x IS 5", "syntax error at or near \"5\", expected NULL, DISTINCT FROM, TRUE or FALSE", "5"),
        ("SELECT x BETWEEN 1", "syntax error at end of input, expected AND", ""),
        ("SELECT x NOT 1", "syntax error at or near \"NOT\"", "NOT"),
        ("SELECT * FROM t LIMIT", "syntax error at end of input", ""),
        ("SELECT 1 UNION", "syntax error at end of input, expected SELECT, FROM, VALUES or (", ""),
        ("WITH x AS SELECT 1 SELECT 2", "syntax error at or near \"SELECT\", expected \"(\"", "SELECT"),
        ("SELECT sum(x) OVER (ROWS BETWEEN 1 AND 2)", "expected PRECEDING or FOLLOWING", "AND"),
        ("SELECT sum(x) OVER (ROWS BETWEEN UNBOUNDED AND 2)", "expected PRECEDING or FOLLOWING", "AND"),
        ("SELECT {'a' 1}", "syntax error at or near \"1\", expected \":\"", "1"),
        ("SELECT [1, 2", "syntax error at end of input, expected \"]\"", ""),
        ("SELECT * EXCLUDE () FROM t", "expected a column name", ")"),
        ("SELECT a FROM t WHERE a = 1 AND", "syntax error at end of input", ""),
        ("SELECT 1; SELECT * FORM t", "syntax error at or near \"FORM\"", "FORM"),
    ]

    @Test(arguments: badInputs)
    func reportsSyntaxError(sql: String, fragment: String, offending: String) throws {
        let error = try #require(syntaxError(sql))
        #expect(error.message.contains(fragment), "message: \(error.message)")
        #expect(text(sql, error.range) == offending)
        if offending.isEmpty { #expect(error.range.lowerBound == sql.utf8.count) }
    }

    static let misspellings: [(String, String)] = [
        ("SELECT a FORM t", "syntax error at or near \"t\" (did you mean FROM instead of \"FORM\"?)"),
        ("SELECT * FORM t", "syntax error at or near \"FORM\" (did you mean FROM instead of \"FORM\"?)"),
        (
            "SELEC 1",
            "syntax error at or near \"SELEC\", expected a statement (did you mean SELECT instead of \"SELEC\"?)"
        ),
        ("SELECT a FROM t WERE a > 1", "syntax error at or near \"a\" (did you mean WHERE instead of \"WERE\"?)"),
        ("SELECT a FROM t ODER BY a", "syntax error at or near \"BY\" (did you mean ORDER instead of \"ODER\"?)"),
        ("SELECT a FROM t GROUP BY a HAVNG count(*) > 1", "(did you mean HAVING instead of \"HAVNG\"?)"),
        ("SELECT a FROM t LIMT 5", "(did you mean LIMIT instead of \"LIMT\"?)"),
        ("DESCRIBEE t", "(did you mean DESCRIBE instead of \"DESCRIBEE\"?)"),
    ]

    @Test(arguments: misspellings)
    func suggestsTheKeywordATypoResembles(sql: String, message: String) throws {
        let error = try #require(syntaxError(sql))
        #expect(error.message.hasSuffix(message), "message: \(error.message)")
    }

    @Test func noSuggestionForOrdinaryNames() throws {
        let error = try #require(syntaxError("SELECT a FROM t x y"))
        #expect(error.message == "syntax error at or near \"y\"")
    }

    @Test(arguments: [
        ("FORM", "FROM", true), ("FRM", "FROM", true), ("FROMM", "FROM", true), ("FRAM", "FROM", true),
        ("FROM", "FROM", false), ("FMOR", "FROM", false), ("WHERE", "FROM", false), ("F", "FROM", false),
    ])
    func measuresOneEditApart(a: String, b: String, expected: Bool) {
        #expect((Suggestions.editDistance(Array(a.utf8), Array(b.utf8)) == 1) == expected)
    }

    @Test func errorLocationCountsLinesAndCharacters() throws {
        let script = "SELECT 'ü' AS a;\nSELECT *\n  FORM t;"
        let error = try #require(syntaxError(script))
        #expect(error.message.hasPrefix("syntax error at or near \"FORM\""))
        #expect(SourceLocation(offset: error.range.lowerBound, in: script) == SourceLocation(line: 3, column: 3))
    }

    @Test func columnCountsCharactersNotBytes() throws {
        let script = "SELECT 'ééé', * FORM t"
        let error = try #require(syntaxError(script))
        #expect(SourceLocation(offset: error.range.lowerBound, in: script).column == 17)
    }

    @Test func reportsTheEarlierOfASyntaxErrorAndALaterUnterminatedString() throws {
        let error = try #require(syntaxError("SELECT * FORM t; SELECT 'x"))
        #expect(error.message.contains("FORM"))
    }

    @Test func reportsUnterminatedStringAfterValidStatements() throws {
        let script = "SELECT 1; SELECT 'x"
        let error = try #require(syntaxError(script))
        #expect(error.message == "unterminated quoted string")
        #expect(error.range.lowerBound == 17)
    }

    @Test func reportsUnterminatedStringInsideAnIncompleteStatement() throws {
        let error = try #require(syntaxError("SELECT a FROM t WHERE b = 'x"))
        #expect(error.message == "unterminated quoted string")
    }

    @Test func longTokensAreShortenedInTheMessage() throws {
        let long = String(repeating: "x", count: 200)
        let error = try #require(syntaxError("SELECT 1 AS a \(long)y"))
        #expect(error.message.count < 100)
        #expect(error.message.hasSuffix("...\""))
    }

    @Test func shorteningNeverSplitsACharacter() throws {
        let long = "x" + String(repeating: "é", count: 100)
        let error = try #require(syntaxError("SELECT 1 AS a \(long)"))
        #expect(!error.message.contains("\u{FFFD}"))
        #expect(error.message.contains("xéé"))
    }
}
