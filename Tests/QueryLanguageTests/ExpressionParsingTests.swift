import Testing

@testable import QueryLanguage

@Suite struct ExpressionParsingTests {
    static let literals: [(String, String)] = [
        ("42", "42"),
        ("4.5", "4.5"),
        (".5", ".5"),
        ("1.", "1."),
        ("1e3", "1e3"),
        ("2.5E-3", "2.5E-3"),
        ("'text'", "'text'"),
        ("'it''s'", "'it''s'"),
        ("''", "''"),
        ("TRUE", "TRUE"),
        ("false", "FALSE"),
        ("NULL", "NULL"),
        ("DATE '2011-12-01'", "(DATE '2011-12-01')"),
        ("date '2011-12-01'", "(date '2011-12-01')"),
        ("-5", "(- 5)"),
        ("-4.5", "(- 4.5)"),
        ("- -5", "(- (- 5))"),
        ("+5", "(+ 5)"),
        ("'héllo wörld'", "'héllo wörld'"),
    ]

    @Test(arguments: literals)
    func parsesLiteral(sql: String, expected: String) {
        #expect(expressionSexp(sql) == expected)
    }

    static let names: [(String, String)] = [
        ("answer", "answer"),
        ("Answer", "Answer"),
        ("j.answer", "j.answer"),
        ("\"Quoted Name\"", "\"Quoted Name\""),
        ("\"a\"\"b\"", "\"a\"b\""),
        ("t.\"Mixed\"", "t.\"Mixed\""),
        ("date", "date"),
        ("year", "year"),
        ("region", "region"),
        ("published", "published"),
        ("t.date", "t.date"),
        ("first", "first"),
        ("rows", "rows"),
        ("_private$1", "_private$1"),
        ("straße", "straße"),
    ]

    @Test(arguments: names)
    func parsesColumnReference(sql: String, expected: String) {
        #expect(expressionSexp(sql) == expected)
    }

    static let precedence: [(String, String)] = [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 * 2 + 3", "(+ (* 1 2) 3)"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
        ("7 // 2 % 3", "(% (// 7 2) 3)"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("-a * b", "(* (- a) b)"),
        ("-a::BIGINT", "(- (CAST a BIGINT))"),
        ("a || b || c", "(|| (|| a b) c)"),
        ("a || 1 + 2", "(|| a (+ 1 2))"),
        ("a = 1 AND b = 2 OR c = 3", "(OR (AND (= a 1) (= b 2)) (= c 3))"),
        ("a OR b AND c", "(OR a (AND b c))"),
        ("NOT a = b", "(NOT (= a b))"),
        ("NOT a AND b", "(AND (NOT a) b)"),
        ("NOT a OR NOT b", "(OR (NOT a) (NOT b))"),
        ("NOT NOT a", "(NOT (NOT a))"),
        ("a = NOT b", "(= a (NOT b))"),
        ("a = b IS NULL", "(IS_NULL (= a b))"),
        ("a + 1 IS NOT NULL", "(IS_NOT_NULL (+ a 1))"),
        ("NOT a IS NULL", "(NOT (IS_NULL a))"),
        ("a < b = c", "(= (< a b) c)"),
        ("a BETWEEN 1 AND 2 AND b", "(AND (BETWEEN a 1 2) b)"),
        ("a BETWEEN b + 1 AND c * 2", "(BETWEEN a (+ b 1) (* c 2))"),
        ("a LIKE 'x' = TRUE", "(= (LIKE a 'x') TRUE)"),
        ("a = b IN (1, 2)", "(= a (IN b 1 2))"),
        ("x == 1", "(= x 1)"),
        ("x != 1", "(<> x 1)"),
        ("x <> 1", "(<> x 1)"),
        ("x <= 1 AND y >= 2", "(AND (<= x 1) (>= y 2))"),
        ("x < 1 OR y > 2", "(OR (< x 1) (> y 2))"),
        ("a::VARCHAR || 'x'", "(|| (CAST a VARCHAR) 'x')"),
        ("a::DOUBLE::BIGINT", "(CAST (CAST a DOUBLE) BIGINT)"),
        ("1 - -1", "(- 1 (- 1))"),
        ("2 * -x", "(* 2 (- x))"),
    ]

    @Test(arguments: precedence)
    func respectsPrecedence(sql: String, expected: String) {
        #expect(expressionSexp(sql) == expected)
    }

    static let predicates: [(String, String)] = [
        ("x IS NULL", "(IS_NULL x)"),
        ("x IS NOT NULL", "(IS_NOT_NULL x)"),
        ("x IS DISTINCT FROM y", "(IS_DISTINCT_FROM x y)"),
        ("x IS NOT DISTINCT FROM y", "(IS_NOT_DISTINCT_FROM x y)"),
        ("x IS TRUE", "(IS_NOT_DISTINCT_FROM x TRUE)"),
        ("x IS NOT FALSE", "(IS_DISTINCT_FROM x FALSE)"),
        ("x BETWEEN 1 AND 10", "(BETWEEN x 1 10)"),
        ("x NOT BETWEEN 1 AND 10", "(NOT_BETWEEN x 1 10)"),
        ("x IN (1, 2, 3)", "(IN x 1 2 3)"),
        ("x NOT IN ('a')", "(NOT_IN x 'a')"),
        ("x IN (SELECT y FROM t)", "(IN x (SELECT y (FROM t)))"),
        ("x NOT IN (SELECT y FROM t)", "(NOT_IN x (SELECT y (FROM t)))"),
        ("name LIKE 'A%'", "(LIKE name 'A%')"),
        ("name NOT LIKE '_b'", "(NOT_LIKE name '_b')"),
        ("name ILIKE 'a%'", "(ILIKE name 'a%')"),
        ("name NOT ILIKE 'a%'", "(NOT_ILIKE name 'a%')"),
        ("name LIKE 'a!%' ESCAPE '!'", "(LIKE name 'a!%' (ESCAPE '!'))"),
        ("EXISTS (SELECT 1)", "(EXISTS (SELECT 1))"),
        ("NOT EXISTS (SELECT 1)", "(NOT_EXISTS (SELECT 1))"),
        ("NOT EXISTS (SELECT 1) AND a", "(AND (NOT_EXISTS (SELECT 1)) a)"),
        ("(SELECT max(x) FROM t)", "(SUBQUERY (SELECT (max x) (FROM t)))"),
        ("x = (SELECT 1)", "(= x (SUBQUERY (SELECT 1)))"),
    ]

    @Test(arguments: predicates)
    func parsesPredicate(sql: String, expected: String) {
        #expect(expressionSexp(sql) == expected)
    }

    static let compound: [(String, String)] = [
        ("CASE WHEN a > 1 THEN 'big' ELSE 'small' END", "(CASE (WHEN (> a 1) 'big') (ELSE 'small'))"),
        ("CASE WHEN a THEN 1 WHEN b THEN 2 END", "(CASE (WHEN a 1) (WHEN b 2))"),
        (
            "CASE grade WHEN 1 THEN 'Outstanding' WHEN 4 THEN 'Inadequate' END",
            "(CASE grade (WHEN 1 'Outstanding') (WHEN 4 'Inadequate'))"
        ),
        ("CAST(x AS BIGINT)", "(CAST x BIGINT)"),
        ("cast(x as varchar(20))", "(CAST x varchar(20))"),
        ("CAST(x AS DECIMAL(10, 2))", "(CAST x DECIMAL(10,2))"),
        ("CAST(x AS DOUBLE PRECISION)", "(CAST x DOUBLE PRECISION)"),
        ("CAST(d AS DATE)", "(CAST d DATE)"),
        ("TRY_CAST(x AS DATE)", "(TRY_CAST x DATE)"),
        ("x::DATE", "(CAST x DATE)"),
        ("{'a': 1, 'b': 'two'}", "(STRUCT (a 1) (b 'two'))"),
        ("{a: 1}", "(STRUCT (a 1))"),
        ("{}", "(STRUCT)"),
        ("[1, 2, 3]", "(LIST 1 2 3)"),
        ("[]", "(LIST)"),
        ("['a', [1]]", "(LIST 'a' (LIST 1))"),
    ]

    @Test(arguments: compound)
    func parsesCompoundExpression(sql: String, expected: String) {
        #expect(expressionSexp(sql) == expected)
    }

    static let functions: [(String, String)] = [
        ("count(*)", "(count *)"),
        ("COUNT(*)", "(COUNT *)"),
        ("count(x)", "(count x)"),
        ("count(DISTINCT x)", "(count DISTINCT x)"),
        ("now()", "(now)"),
        ("round(x, 2)", "(round x 2)"),
        ("coalesce(a, b, 0)", "(coalesce a b 0)"),
        ("left(s, 3)", "(left s 3)"),
        ("right(s, 3)", "(right s 3)"),
        ("replace(s, 'a', 'b')", "(replace s 'a' 'b')"),
        ("year(d)", "(year d)"),
        ("date_diff('day', a, b)", "(date_diff 'day' a b)"),
        ("sum(x) FILTER (WHERE x > 0)", "(sum x (FILTER (> x 0)))"),
        ("string_agg(name, ', ' ORDER BY name DESC)", "(string_agg name ', ' (ORDER (name DESC)))"),
        ("row_number() OVER ()", "(row_number (OVER))"),
        (
            "rank() OVER (PARTITION BY region ORDER BY score DESC)",
            "(rank (OVER (PARTITION region) (ORDER (score DESC))))"
        ),
        (
            "sum(x) OVER (ORDER BY d ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)",
            "(sum x (OVER (ORDER d) (ROWS (PRECEDING 2) CURRENT_ROW)))"
        ),
        (
            "sum(x) OVER (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)",
            "(sum x (OVER (ORDER d) (ROWS UNBOUNDED_PRECEDING UNBOUNDED_FOLLOWING)))"
        ),
        (
            "avg(x) OVER (PARTITION BY a, b RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING)",
            "(avg x (OVER (PARTITION a b) (RANGE CURRENT_ROW (FOLLOWING 1))))"
        ),
        ("sum(x) OVER (ORDER BY d ROWS 3 PRECEDING)", "(sum x (OVER (ORDER d) (ROWS (PRECEDING 3) CURRENT_ROW)))"),
        ("count(*) FILTER (WHERE a) OVER (PARTITION BY b)", "(count * (FILTER a) (OVER (PARTITION b)))"),
        ("lag(x, 1, 0) OVER (ORDER BY d NULLS FIRST)", "(lag x 1 0 (OVER (ORDER (d NULLS_FIRST))))"),
        ("f(a, n := 2)", "(f a (:= n 2))"),
        ("f(a = 1)", "(f (= a 1))"),
        ("quantile_cont(x, 0.5)", "(quantile_cont x 0.5)"),
        ("current_date", "(current_date)"),
        ("CURRENT_DATE > DATE '2020-01-01'", "(> (CURRENT_DATE) (DATE '2020-01-01'))"),
        ("current_date()", "(current_date)"),
        ("year(current_date)", "(year (current_date))"),
        ("\"current_date\"", "\"current_date\""),
        ("t.current_date", "t.current_date"),
        ("my_schema_fn(x)::BIGINT + 1", "(+ (CAST (my_schema_fn x) BIGINT) 1)"),
    ]

    @Test(arguments: functions)
    func parsesFunctionCall(sql: String, expected: String) {
        #expect(expressionSexp(sql) == expected)
    }

    @Test func keepsIntegerTextAsWritten() throws {
        let expression = try parseExpression("9223372036854775808")
        guard case .literal(.integer(let text)) = expression.kind else {
            Issue.record("expected an integer literal")
            return
        }
        #expect(text == "9223372036854775808")
    }

    @Test func recordsWhichNamePartsWereQuoted() throws {
        let expression = try parseExpression("t.\"Col\"")
        guard case .column(let parts, let quoted) = expression.kind else {
            Issue.record("expected a column")
            return
        }
        #expect(parts == ["t", "Col"])
        #expect(quoted == [false, true])
    }
}
