import Testing

@testable import QueryLanguage

@Suite struct StatementParsingTests {
    static let statements: [(String, String)] = [
        ("CREATE TABLE t AS SELECT 1", "(CREATE_TABLE_AS t (SELECT 1))"),
        ("CREATE OR REPLACE TABLE t AS SELECT 1", "(CREATE_TABLE_AS OR_REPLACE t (SELECT 1))"),
        ("CREATE TABLE IF NOT EXISTS t AS SELECT 1", "(CREATE_TABLE_AS IF_NOT_EXISTS t (SELECT 1))"),
        (
            "CREATE TABLE t AS WITH x AS (SELECT 1) SELECT * FROM x",
            "(CREATE_TABLE_AS t (QUERY (WITH (x (SELECT 1))) (SELECT * (FROM x))))"
        ),
        (
            "CREATE TABLE t (a BIGINT, b VARCHAR(20), date DATE)",
            "(CREATE_TABLE t (a BIGINT) (b VARCHAR(20)) (date DATE))"
        ),
        ("create table if not exists t (x double)", "(CREATE_TABLE IF_NOT_EXISTS t (x double))"),
        ("CREATE OR REPLACE TABLE t (x DECIMAL(10, 2))", "(CREATE_TABLE OR_REPLACE t (x DECIMAL(10,2)))"),
        ("CREATE TEMP TABLE t AS SELECT 1", "(CREATE_TABLE_AS t (SELECT 1))"),
        ("create or replace temporary view v as select 1", "(CREATE_VIEW OR_REPLACE v (SELECT 1))"),
        ("CREATE VIEW v AS SELECT a FROM t", "(CREATE_VIEW v (SELECT a (FROM t)))"),
        ("CREATE OR REPLACE VIEW v AS SELECT 1", "(CREATE_VIEW OR_REPLACE v (SELECT 1))"),
        ("DROP TABLE t", "(DROP_TABLE t)"),
        ("DROP TABLE IF EXISTS t", "(DROP_TABLE IF_EXISTS t)"),
        ("DROP VIEW v", "(DROP_VIEW v)"),
        ("drop view if exists \"V\"", "(DROP_VIEW IF_EXISTS V)"),
        ("INSERT INTO t VALUES (1, 'a'), (2, 'b')", "(INSERT t (VALUES (1 'a') (2 'b')))"),
        ("INSERT INTO t (a, b) VALUES (1, 2)", "(INSERT t (COLUMNS a b) (VALUES (1 2)))"),
        ("INSERT INTO t SELECT * FROM u", "(INSERT t (SELECT * (FROM u)))"),
        ("INSERT INTO t (a) SELECT x FROM u", "(INSERT t (COLUMNS a) (SELECT x (FROM u)))"),
        ("INSERT INTO t (SELECT 1)", "(INSERT t (SELECT 1))"),
        (
            "INSERT INTO t WITH x AS (SELECT 1) SELECT * FROM x",
            "(INSERT t (QUERY (WITH (x (SELECT 1))) (SELECT * (FROM x))))"
        ),
        ("COPY t TO 'out.csv'", "(COPY t 'out.csv')"),
        (
            "COPY (SELECT 1) TO 'out.csv' (FORMAT csv, HEADER true, DELIMITER ',')",
            "(COPY (SELECT 1) 'out.csv' (FORMAT csv) (HEADER TRUE) (DELIMITER ','))"
        ),
        ("COPY t TO 'o.json' WITH (FORMAT json)", "(COPY t 'o.json' (FORMAT json))"),
        ("COPY t TO 'o.csv' (HEADER, FORMAT 'csv')", "(COPY t 'o.csv' (HEADER TRUE) (FORMAT 'csv'))"),
        ("COPY t TO 'o.md' (FORMAT markdown)", "(COPY t 'o.md' (FORMAT markdown))"),
        ("DESCRIBE t", "(DESCRIBE t)"),
        ("DESCRIBE SELECT 1 AS a", "(DESCRIBE (SELECT (AS 1 a)))"),
        ("DESCRIBE (SELECT 1)", "(DESCRIBE (SELECT 1))"),
        ("SHOW TABLES", "(SHOW_TABLES)"),
        ("show tables", "(SHOW_TABLES)"),
        ("EXPLAIN SELECT a FROM t", "(EXPLAIN (SELECT a (FROM t)))"),
        ("EXPLAIN CREATE TABLE t AS SELECT 1", "(EXPLAIN (CREATE_TABLE_AS t (SELECT 1)))"),
        ("(SELECT 1) UNION SELECT 2", "(UNION (SELECT 1) (SELECT 2))"),
        ("CREATE TABLE t AS (SELECT 1)", "(CREATE_TABLE_AS t (SELECT 1))"),
        ("CREATE TABLE date AS SELECT 1 AS year", "(CREATE_TABLE_AS date (SELECT (AS 1 year)))"),
        (
            "INSERT INTO t (date, region) VALUES (DATE '2020-01-02', 'London')",
            "(INSERT t (COLUMNS date region) (VALUES ((DATE '2020-01-02') 'London')))"
        ),
        ("DESCRIBE date", "(DESCRIBE date)"),
        ("\u{FEFF}SELECT 1\r\n", "(SELECT 1)"),
    ]

    @Test(arguments: statements)
    func parsesStatement(sql: String, expected: String) {
        #expect(sexp(sql) == expected)
    }

    @Test func parsesScriptOfSeveralStatements() throws {
        let statements = try parseScript("CREATE TABLE t AS SELECT 1 AS a; SELECT a FROM t; DROP TABLE t")
        #expect(
            statements.map(SExpression.of) == [
                "(CREATE_TABLE_AS t (SELECT (AS 1 a)))", "(SELECT a (FROM t))", "(DROP_TABLE t)",
            ])
    }

    @Test(arguments: ["", ";", ";;;", "  -- only a comment\n", "/* block */ ;", "\n\n"])
    func skipsEmptyStatements(script: String) throws {
        #expect(try parseScript(script).isEmpty)
    }

    @Test func skipsEmptyStatementsBetweenOthers() throws {
        let statements = try parseScript(";; SELECT 1;;; SELECT 2;")
        #expect(statements.count == 2)
    }

    @Test func statementRangeCoversItsTextWithoutTheSemicolon() throws {
        let script = "SELECT 1;\n  -- note\n  SELECT a\n  FROM t ;  "
        let statements = try parseScript(script)
        let texts = statements.map { text(script, $0.range) }
        #expect(texts == ["SELECT 1", "SELECT a\n  FROM t"])
    }

    @Test func rangesAreUTF8ByteOffsetsIntoTheWholeScript() throws {
        let script = "SELECT 'é'; SELECT naïve FROM t"
        let statements = try parseScript(script)
        #expect(statements[1].range == SourceRange(13, 33))
        #expect(text(script, statements[1].range) == "SELECT naïve FROM t")
        guard case .query(let query) = statements[1].kind, case .select(let select) = query.body,
            case .expression(let expression, _) = select.items[0]
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(text(script, expression.range) == "naïve")
    }

    @Test(arguments: [
        ("a + b * c", "b * c"),
        ("f(x) + 1", "f(x)"),
        ("(a) + 1", "(a)"),
        ("CAST(x AS INT) = 1", "CAST(x AS INT)"),
        ("x IS NOT NULL AND y", "x IS NOT NULL"),
        ("x NOT IN (1, 2) OR z", "x NOT IN (1, 2)"),
    ])
    func expressionRangesCoverTheirText(sql: String, part: String) throws {
        var found: [String] = []
        collectRanges(try parseExpression(sql), in: sql, into: &found)
        #expect(found.contains(part))
    }

    private func collectRanges(_ expression: Expression, in sql: String, into found: inout [String]) {
        found.append(text(sql, expression.range))
        switch expression.kind {
        case .binary(_, let left, let right):
            collectRanges(left, in: sql, into: &found)
            collectRanges(right, in: sql, into: &found)
        case .unary(_, let operand), .isNull(let operand, _), .cast(let operand, _, _), .inList(let operand, _, _):
            collectRanges(operand, in: sql, into: &found)
        default: break
        }
    }
}

/// The script text covered by `range`.
func text(_ script: String, _ range: SourceRange) -> String {
    let bytes = Array(script.utf8)
    return String(decoding: bytes[range.lowerBound..<range.upperBound], as: UTF8.self)
}
