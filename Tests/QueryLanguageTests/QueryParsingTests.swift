import Testing

@testable import QueryLanguage

@Suite struct QueryParsingTests {
    static let selects: [(String, String)] = [
        ("SELECT 1", "(SELECT 1)"),
        ("select 1, 'a'", "(SELECT 1 'a')"),
        ("SELECT DISTINCT a FROM t", "(SELECT DISTINCT a (FROM t))"),
        ("SELECT ALL a FROM t", "(SELECT a (FROM t))"),
        ("SELECT a AS x, b y FROM t", "(SELECT (AS a x) (AS b y) (FROM t))"),
        ("SELECT a AS \"Nice Name\" FROM t", "(SELECT (AS a Nice Name) (FROM t))"),
        ("SELECT a AS select FROM t", "(SELECT (AS a select) (FROM t))"),
        ("SELECT a date FROM t", "(SELECT (AS a date) (FROM t))"),
        ("SELECT * FROM t", "(SELECT * (FROM t))"),
        ("SELECT t.* FROM t", "(SELECT t.* (FROM t))"),
        ("SELECT * EXCLUDE (a, b) FROM t", "(SELECT (* EXCLUDE a b) (FROM t))"),
        ("SELECT * EXCLUDE a FROM t", "(SELECT (* EXCLUDE a) (FROM t))"),
        ("SELECT j.* EXCLUDE (id), 1 FROM j", "(SELECT (j.* EXCLUDE id) 1 (FROM j))"),
        ("SELECT a, b, FROM t", "(SELECT a b (FROM t))"),
        ("SELECT date, year FROM t", "(SELECT date year (FROM t))"),
        (
            "SELECT date FROM t WHERE date > DATE '2020-01-01'",
            "(SELECT date (FROM t) (WHERE (> date (DATE '2020-01-01'))))"
        ),
        ("SELECT a FROM t WHERE a > 1", "(SELECT a (FROM t) (WHERE (> a 1)))"),
        ("SELECT a, count(*) FROM t GROUP BY a", "(SELECT a (count *) (FROM t) (GROUP a))"),
        ("SELECT a, b, sum(c) FROM t GROUP BY 1, 2", "(SELECT a b (sum c) (FROM t) (GROUP 1 2))"),
        (
            "SELECT a FROM t GROUP BY a HAVING count(*) > 1",
            "(SELECT a (FROM t) (GROUP a) (HAVING (> (count *) 1)))"
        ),
        (
            "SELECT a FROM t QUALIFY row_number() OVER (ORDER BY a) = 1",
            "(SELECT a (FROM t) (QUALIFY (= (row_number (OVER (ORDER a))) 1)))"
        ),
        ("SELECT a FROM t ORDER BY a", "(QUERY (SELECT a (FROM t)) (ORDER a))"),
        (
            "SELECT a FROM t ORDER BY a DESC, b ASC NULLS FIRST, c NULLS LAST",
            "(QUERY (SELECT a (FROM t)) (ORDER (a DESC) (b NULLS_FIRST) (c NULLS_LAST)))"
        ),
        ("SELECT a FROM t ORDER BY 1 DESC NULLS LAST", "(QUERY (SELECT a (FROM t)) (ORDER (1 DESC NULLS_LAST)))"),
        ("SELECT a FROM t LIMIT 10", "(QUERY (SELECT a (FROM t)) (LIMIT 10))"),
        ("SELECT a FROM t LIMIT 10 OFFSET 5", "(QUERY (SELECT a (FROM t)) (LIMIT 10) (OFFSET 5))"),
        ("SELECT a FROM t OFFSET 5 LIMIT 10", "(QUERY (SELECT a (FROM t)) (LIMIT 10) (OFFSET 5))"),
        ("SELECT a FROM t OFFSET 5", "(QUERY (SELECT a (FROM t)) (OFFSET 5))"),
        ("SELECT a FROM t ORDER BY a LIMIT 1", "(QUERY (SELECT a (FROM t)) (ORDER a) (LIMIT 1))"),
        (
            "SELECT a FROM t WHERE b IN (SELECT b FROM u WHERE u.c = t.c)",
            "(SELECT a (FROM t) (WHERE (IN b (SELECT b (FROM u) (WHERE (= u.c t.c))))))"
        ),
        (
            "SELECT date, year, region, published FROM t GROUP BY date, year ORDER BY date DESC, year",
            "(QUERY (SELECT date year region published (FROM t) (GROUP date year)) (ORDER (date DESC) year))"
        ),
        (
            "SELECT first, last, rows, range, filter, over, view FROM t",
            "(SELECT first last rows range filter over view (FROM t))"
        ),
        ("SELECT x FROM date", "(SELECT x (FROM date))"),
        ("SELECT count(*) n, sum(x) total FROM t", "(SELECT (AS (count *) n) (AS (sum x) total) (FROM t))"),
        ("SELECT (SELECT max(s) FROM u) AS m", "(SELECT (AS (SUBQUERY (SELECT (max s) (FROM u))) m))"),
        // DuckDB's friendly SQL.
        ("SELECT a, sum(b) FROM t GROUP BY ALL", "(SELECT a (sum b) (FROM t) (GROUP ALL))"),
        ("SELECT a FROM t ORDER BY ALL DESC", "(QUERY (SELECT a (FROM t)) (ORDER (ALL DESC)))"),
        ("FROM t", "(SELECT * (FROM t))"),
        ("FROM t SELECT a WHERE a > 1", "(SELECT a (FROM t) (WHERE (> a 1)))"),
        ("SELECT * EXCLUDE (c) REPLACE (a + 1 AS a) FROM t", "(SELECT (* EXCLUDE c REPLACE (AS (+ a 1) a)) (FROM t))"),
        ("SELECT DISTINCT ON (a) a, b FROM t", "(SELECT (DISTINCT_ON a) a b (FROM t))"),
        ("SELECT a < ALL (SELECT b FROM u)", "(SELECT (< a (ALL (SELECT b (FROM u)))))"),
        ("SELECT d + INTERVAL '2 weeks'", "(SELECT (+ d (INTERVAL (* 2 7) DAY)))"),
    ]

    @Test(arguments: selects)
    func parsesSelect(sql: String, expected: String) {
        #expect(sexp(sql) == expected)
    }

    static let fromClauses: [(String, String)] = [
        ("SELECT * FROM a, b", "(SELECT * (FROM a b))"),
        ("SELECT * FROM a x, b AS y", "(SELECT * (FROM (AS a x) (AS b y)))"),
        ("SELECT * FROM a JOIN b ON a.id = b.id", "(SELECT * (FROM (INNER_JOIN a b (ON (= a.id b.id)))))"),
        ("SELECT * FROM a INNER JOIN b ON x", "(SELECT * (FROM (INNER_JOIN a b (ON x))))"),
        ("SELECT * FROM a LEFT JOIN b ON x", "(SELECT * (FROM (LEFT_JOIN a b (ON x))))"),
        ("SELECT * FROM a LEFT OUTER JOIN b ON x", "(SELECT * (FROM (LEFT_JOIN a b (ON x))))"),
        ("SELECT * FROM a RIGHT JOIN b ON x", "(SELECT * (FROM (RIGHT_JOIN a b (ON x))))"),
        ("SELECT * FROM a FULL OUTER JOIN b ON x", "(SELECT * (FROM (FULL_JOIN a b (ON x))))"),
        ("SELECT * FROM a CROSS JOIN b", "(SELECT * (FROM (CROSS_JOIN a b)))"),
        ("SELECT * FROM a JOIN b USING (id, year)", "(SELECT * (FROM (INNER_JOIN a b (USING id year))))"),
        (
            "SELECT * FROM a JOIN b ON p JOIN c ON q",
            "(SELECT * (FROM (INNER_JOIN (INNER_JOIN a b (ON p)) c (ON q))))"
        ),
        (
            "SELECT * FROM a x JOIN b y ON x.k = y.k LEFT JOIN c ON true",
            "(SELECT * (FROM (LEFT_JOIN (INNER_JOIN (AS a x) (AS b y) (ON (= x.k y.k))) c (ON TRUE))))"
        ),
        (
            "SELECT * FROM a JOIN (b JOIN c ON q) ON p",
            "(SELECT * (FROM (INNER_JOIN a (INNER_JOIN b c (ON q)) (ON p))))"
        ),
        ("SELECT * FROM (SELECT 1) AS s", "(SELECT * (FROM (AS (DERIVED (SELECT 1)) s)))"),
        ("SELECT * FROM (SELECT 1, 2) s(a, b)", "(SELECT * (FROM (AS (DERIVED (SELECT 1 2)) s (a b))))"),
        ("SELECT * FROM (SELECT 1)", "(SELECT * (FROM (DERIVED (SELECT 1))))"),
        ("SELECT * FROM (VALUES (1), (2)) v(x)", "(SELECT * (FROM (AS (DERIVED (VALUES (1) (2))) v (x))))"),
        ("SELECT * FROM read_csv('f.csv')", "(SELECT * (FROM (read_csv 'f.csv')))"),
        (
            "SELECT * FROM read_csv('f.csv', header := true, types := {'a': 'VARCHAR'}) AS r",
            "(SELECT * (FROM (AS (read_csv 'f.csv' (:= header TRUE) (:= types (STRUCT (a 'VARCHAR')))) r)))"
        ),
        (
            "SELECT * FROM read_csv('f.csv', header = false, delim = ';')",
            "(SELECT * (FROM (read_csv 'f.csv' (:= header FALSE) (:= delim ';'))))"
        ),
        ("SELECT * FROM compare('Harrow') c(a, b)", "(SELECT * (FROM (AS (compare 'Harrow') c (a b))))"),
        ("SELECT * FROM \"My Table\"", "(SELECT * (FROM My Table))"),
    ]

    @Test(arguments: fromClauses)
    func parsesFromClause(sql: String, expected: String) {
        #expect(sexp(sql) == expected)
    }

    static let compositions: [(String, String)] = [
        ("SELECT 1 UNION SELECT 2", "(UNION (SELECT 1) (SELECT 2))"),
        ("SELECT 1 UNION ALL SELECT 2", "(UNION_ALL (SELECT 1) (SELECT 2))"),
        ("SELECT 1 UNION DISTINCT SELECT 2", "(UNION (SELECT 1) (SELECT 2))"),
        ("SELECT 1 EXCEPT SELECT 2", "(EXCEPT (SELECT 1) (SELECT 2))"),
        ("SELECT 1 EXCEPT ALL SELECT 2", "(EXCEPT_ALL (SELECT 1) (SELECT 2))"),
        ("SELECT 1 INTERSECT ALL SELECT 2", "(INTERSECT_ALL (SELECT 1) (SELECT 2))"),
        ("SELECT 1 UNION SELECT 2 UNION SELECT 3", "(UNION (UNION (SELECT 1) (SELECT 2)) (SELECT 3))"),
        ("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3", "(UNION (SELECT 1) (INTERSECT (SELECT 2) (SELECT 3)))"),
        ("SELECT 1 INTERSECT SELECT 2 UNION SELECT 3", "(UNION (INTERSECT (SELECT 1) (SELECT 2)) (SELECT 3))"),
        (
            "SELECT 1 EXCEPT SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4",
            "(EXCEPT (EXCEPT (SELECT 1) (INTERSECT (SELECT 2) (SELECT 3))) (SELECT 4))"
        ),
        ("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3", "(INTERSECT (UNION (SELECT 1) (SELECT 2)) (SELECT 3))"),
        (
            "SELECT 1 UNION (SELECT 2 ORDER BY 1 LIMIT 1)",
            "(UNION (SELECT 1) (QUERY (SELECT 2) (ORDER 1) (LIMIT 1)))"
        ),
        (
            "SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 3",
            "(QUERY (UNION (SELECT a (FROM t)) (SELECT b (FROM u))) (ORDER 1) (LIMIT 3))"
        ),
        ("(SELECT 1)", "(SELECT 1)"),
        ("((SELECT 1))", "(SELECT 1)"),
        ("VALUES (1, 'a'), (2, 'b')", "(VALUES (1 'a') (2 'b'))"),
        ("VALUES (1) UNION ALL SELECT 2", "(UNION_ALL (VALUES (1)) (SELECT 2))"),
        ("WITH x AS (SELECT 1) SELECT * FROM x", "(QUERY (WITH (x (SELECT 1))) (SELECT * (FROM x)))"),
        (
            "WITH x(a, b) AS (SELECT 1, 2), y AS (SELECT a FROM x) SELECT * FROM y",
            "(QUERY (WITH (x (a b) (SELECT 1 2)) (y (SELECT a (FROM x)))) (SELECT * (FROM y)))"
        ),
        (
            "WITH x AS (SELECT 1) SELECT * FROM x UNION ALL SELECT 2",
            "(QUERY (WITH (x (SELECT 1))) (UNION_ALL (SELECT * (FROM x)) (SELECT 2)))"
        ),
        (
            "SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) s",
            "(SELECT * (FROM (AS (DERIVED (QUERY (WITH (x (SELECT 1))) (SELECT * (FROM x)))) s)))"
        ),
    ]

    @Test(arguments: compositions)
    func parsesQueryComposition(sql: String, expected: String) {
        #expect(sexp(sql) == expected)
    }

    @Test func parsesCompleteAnalyticQuery() {
        let sql = """
            WITH scores AS (
                SELECT area, region, date, year(date) AS year, score
                FROM read_csv('inspections.csv', header := true)
                WHERE published AND score IS NOT NULL
            )
            SELECT region, count(*) AS n, avg(score) AS mean,
                   rank() OVER (ORDER BY avg(score) DESC) AS place
            FROM scores s
            LEFT JOIN regions r USING (region)
            WHERE year BETWEEN 2019 AND 2023
            GROUP BY region
            HAVING count(*) >= 3
            ORDER BY mean DESC NULLS LAST
            LIMIT 5;
            """
        #expect(
            sexp(sql) == """
                (QUERY (WITH (scores (SELECT area region date (AS (year date) year) score (FROM (read_csv \
                'inspections.csv' (:= header TRUE))) (WHERE (AND published (IS_NOT_NULL score)))))) (SELECT \
                region (AS (count *) n) (AS (avg score) mean) (AS (rank (OVER (ORDER ((avg score) DESC)))) place) \
                (FROM (LEFT_JOIN (AS scores s) (AS regions r) (USING region))) (WHERE (BETWEEN year 2019 2023)) (GROUP \
                region) (HAVING (>= (count *) 3))) (ORDER (mean DESC NULLS_LAST)) (LIMIT 5))
                """)
    }
}
