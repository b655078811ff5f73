import TestSupport
import Testing

@testable import QueryLanguage

/// Bad input must never crash or hang: every prefix of a rich script, and seeded random token soup,
/// either parses or gives an error whose range lies inside the text.
@Suite struct RobustnessTests {
    static let richScript = """
        WITH s(a, b) AS (SELECT x, "Y z" FROM read_csv('f.csv', header := true, types := {'x': 'VARCHAR'}))
        SELECT DISTINCT s.a AS a1, count(*) FILTER (WHERE b > 1.5e3) n, [1, 2], -x::BIGINT,
               CASE WHEN a IS NOT NULL THEN 'it''s' ELSE NULL END, DATE '2011-12-01',
               rank() OVER (PARTITION BY a ORDER BY b DESC NULLS LAST ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
        FROM s LEFT JOIN t USING (a) CROSS JOIN (VALUES (1)) v(c) -- comment ;
        WHERE a NOT IN (SELECT 1 UNION ALL SELECT 2) AND b NOT BETWEEN 1 AND 2 OR NOT EXISTS (SELECT 1)
        GROUP BY 1 HAVING sum(b) <> 0 QUALIFY n = 1 ORDER BY 1 LIMIT 5 OFFSET 1; /* block ; */
        COPY (SELECT 1) TO 'o.csv' (FORMAT csv, HEADER); DROP VIEW IF EXISTS v; SHOW TABLES
        """

    @Test func everyPrefixParsesOrFailsCleanly() {
        let bytes = Array(Self.richScript.utf8)
        #expect(throws: Never.self) { try parseScript(Self.richScript) }
        for length in 0...bytes.count {
            let prefix = String(decoding: bytes[0..<length], as: UTF8.self)
            check(prefix)
            _ = StatementSplitter.split(prefix)
        }
    }

    @Test func randomTokenSoupParsesOrFailsCleanly() {
        let pieces = [
            "SELECT", "FROM", "WHERE", "(", ")", ",", "a", "1", "'s'", "+", "*", "NOT", "AND", "OR", "IN",
            "BETWEEN", "CASE", "WHEN", "THEN", "END", "JOIN", "ON", "UNION", "::", ":=", "{", "}", "[", "]", ":",
            ";", "ORDER", "BY", "GROUP", "OVER", "IS", "NULL", "EXISTS", "WITH", "AS", "VALUES", "date", "'",
            "\"", "/*", "--", "\n", "LIKE", "ESCAPE", "f", "DISTINCT", "COPY", "TO", "CREATE", "TABLE",
        ]
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 24) + 1
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(
                separator: " ")
            check(text)
            _ = StatementSplitter.isComplete(text)
        }
    }

    private func check(_ text: String) {
        do {
            _ = try parseScript(text)
        } catch {
            let count = text.utf8.count
            #expect(error.range.lowerBound >= 0 && error.range.lowerBound <= error.range.upperBound)
            #expect(error.range.upperBound <= count, "range \(error.range) outside \(count) bytes of \(text)")
            #expect(!error.message.isEmpty)
        }
    }
}
