import Columnar
import QueryEngine
import Testing

/// EXPLAIN shows the optimized plan: filters pushed below joins, hash joins for equalities.
@Suite struct PlanShapeTests {
    func plan(_ sql: String) throws -> [String] {
        let database = Database()
        _ = try database.run(
            """
            CREATE TABLE j AS SELECT * FROM (VALUES (1, 'q1', 'Y'), (2, 'q2', 'NA')) v(id, question, answer);
            CREATE TABLE q AS SELECT * FROM (VALUES ('q1', 'c1'), ('q2', 'c2')) v(question, criterion);
            """)
        let table = try #require(try database.run("EXPLAIN " + sql).last?.table)
        return table.rows.map { $0[0].description }
    }

    func depth(_ line: String) -> Int { line.prefix { $0 == " " }.count / 2 }

    @Test func commaFromWithWhereEqualityBecomesAHashJoin() throws {
        let lines = try plan("SELECT j.id, q.criterion FROM j, q WHERE j.question = q.question")
        #expect(lines.contains { $0.contains("HASH_JOIN INNER ON #") })
        #expect(!lines.contains { $0.contains("CROSS_PRODUCT") })
    }

    @Test func singleSideFilterIsPushedBelowTheJoin() throws {
        let lines = try plan("SELECT * FROM j JOIN q ON j.question = q.question WHERE j.answer <> 'NA'")
        let join = try #require(lines.firstIndex { $0.contains("HASH_JOIN") })
        let filter = try #require(lines.firstIndex { $0.contains("FILTER") })
        #expect(filter > join)
        #expect(depth(lines[filter]) == depth(lines[join]) + 1)
        #expect(lines[filter + 1].contains("SCAN j"))
    }

    @Test func leftJoinKeepsRightSideWhereConditionAboveTheJoin() throws {
        let lines = try plan("SELECT * FROM j LEFT JOIN q ON j.question = q.question WHERE q.criterion = 'c1'")
        let join = try #require(lines.firstIndex { $0.contains("HASH_JOIN LEFT") })
        let filter = try #require(lines.firstIndex { $0.contains("FILTER") })
        #expect(filter < join)
    }

    @Test func orderByWithLimitIsATopN() throws {
        let lines = try plan("SELECT id FROM j ORDER BY id DESC LIMIT 1")
        #expect(lines.contains { $0.contains("TOP_N 1") })
    }
}
