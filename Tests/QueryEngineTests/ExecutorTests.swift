import Columnar
import QueryEngine
import Testing

/// Queries over hand-built tables registered from Swift.
@Suite struct ExecutorTests {
    func database() throws -> Database {
        let database = Database()
        let answers = Column(
            .varchar(codes: [0, 1, 0, 2, 0, 1], dictionary: StringDictionary(distinct: ["Y", "N", "NA"])))
        let questions = Column(
            .varchar(codes: [0, 0, 1, 1, 2, 2], dictionary: StringDictionary(distinct: ["q1", "q2", "q3"])))
        let cases = Column(.bigint([1, 2, 3, 4, 5, 6]), validity: Validity([true, true, true, true, true, false]))
        try database.register(Table([("answer", answers), ("question", questions), ("case_id", cases)]), as: "J")
        return database
    }

    func rows(_ db: Database, _ sql: String) throws -> [[Value]] {
        try #require(try db.run(sql).last?.table).rows
    }

    @Test func hugeLimitAndOffsetDoNotOverflow() throws {
        let db = try database()
        let result = try rows(db, "SELECT case_id FROM j ORDER BY case_id LIMIT 9223372036854775807 OFFSET 4")
        #expect(result == [[.bigint(5)], [.null]])
        #expect(try rows(db, "SELECT case_id FROM j LIMIT 9223372036854775807 OFFSET 9223372036854775807").isEmpty)
    }

    @Test func registeredTableIsQueryableCaseInsensitively() throws {
        let db = try database()
        #expect(db.tableNames == ["J"])
        #expect(try rows(db, "SELECT count(*) FROM j") == [[.bigint(6)]])
    }

    @Test func caseOnlyEvaluatesBranchesOnRowsThatReachThem() throws {
        let db = try database()
        let result = try rows(
            db, "SELECT CASE WHEN case_id > 2 THEN 100 // (case_id - 3) ELSE -1 END FROM j ORDER BY case_id")
        // case_id = 3 divides by zero → NULL (never an error); a NULL case_id fails the condition → ELSE.
        #expect(result.map { $0[0] } == [.bigint(-1), .bigint(-1), .null, .bigint(100), .bigint(50), .bigint(-1)])
    }

    @Test func scoreAggregationMatchesHandComputation() throws {
        let db = try database()
        let result = try rows(
            db,
            """
            SELECT question, 100.0 * SUM(CASE WHEN answer = 'Y' THEN 1 ELSE 0 END) / COUNT(*) AS score, COUNT(*)
            FROM j WHERE answer <> 'NA' GROUP BY question ORDER BY question
            """)
        #expect(
            result == [
                [.varchar("q1"), .double(50.0), .bigint(2)],
                [.varchar("q2"), .double(100.0), .bigint(1)],
                [.varchar("q3"), .double(50.0), .bigint(2)],
            ])
    }

    @Test func notInWithANullInTheSubqueryIsUnknown() throws {
        let db = try database()
        #expect(
            try rows(db, "SELECT count(*) FROM j WHERE case_id NOT IN (SELECT case_id FROM j WHERE question = 'q3')")
                == [[.bigint(0)]])
        #expect(
            try rows(db, "SELECT count(*) FROM j WHERE case_id IN (SELECT case_id FROM j WHERE question = 'q3')")
                == [[.bigint(1)]])
    }

    @Test func correlatedSubqueryRunsPerOuterRow() throws {
        let db = try database()
        let result = try rows(
            db,
            """
            SELECT case_id FROM j o
            WHERE case_id = (SELECT max(case_id) FROM j i WHERE i.question = o.question) ORDER BY case_id
            """)
        #expect(result == [[.bigint(2)], [.bigint(4)], [.bigint(5)]])
    }

    @Test func leftJoinKeepsUnmatchedRowsInOrder() throws {
        let db = try database()
        _ = try db.run("CREATE TABLE crit AS SELECT * FROM (VALUES ('q1', 'c1'), ('q3', 'c3')) v(question, criterion)")
        let result = try rows(db, "SELECT j.case_id, c.criterion FROM j LEFT JOIN crit c USING (question)")
        #expect(result.map { $0[1] } == [.varchar("c1"), .varchar("c1"), .null, .null, .varchar("c3"), .varchar("c3")])
    }

    @Test func insertCastsToTheTableTypes() throws {
        let db = Database()
        _ = try db.run("CREATE TABLE t (d DATE, x DOUBLE)")
        let results = try db.run("INSERT INTO t VALUES ('2011-12-01', 1)")
        #expect(results.last?.message == "1 row inserted")
        #expect(try rows(db, "SELECT * FROM t") == [[.date(Date32(year: 2011, month: 12, day: 1)!), .double(1)]])
    }

    @Test func tableFunctionReadsCatalogTables() throws {
        let db = try database()
        db.registerTableFunction(name: "row_count", summary: "rows of a table") { arguments, _, context in
            guard case .varchar(let name)? = arguments.first, let table = context.table(named: name) else {
                throw QueryError(.invalidArgument, "no such table")
            }
            return Table([("n", Column(.bigint([Int64(table.rowCount)])))])
        }
        #expect(try rows(db, "SELECT n * 2 FROM row_count('j')") == [[.bigint(12)]])
    }

    @Test func aggregationOverAJoinSpanningManyChunksMatchesAReference() throws {
        let db = Database()
        let n = 600_000  // several streaming chunks, aggregated on two threads
        let ids = (0..<n).map { Int64($0 % 1000) }
        let questionCodes = (0..<n).map { UInt32($0 % 7) }
        let answerCodes = (0..<n).map { UInt32(($0 / 7) % 3) }
        try db.register(
            Table([
                ("id", Column(.bigint(ids))),
                (
                    "question",
                    Column(
                        .varchar(codes: questionCodes, dictionary: StringDictionary(distinct: (0..<7).map { "q\($0)" }))
                    )
                ),
                (
                    "answer",
                    Column(.varchar(codes: answerCodes, dictionary: StringDictionary(distinct: ["Y", "N", "NA"])))
                ),
            ]), as: "big")
        _ = try db.run(
            "CREATE TABLE q AS SELECT * FROM (VALUES ('q0', 'even'), ('q2', 'even'), ('q4', 'even'), ('q1', 'odd')) v(question, kind)"
        )
        let result = try rows(
            db,
            """
            SELECT q.kind, SUM(CASE WHEN b.answer = 'Y' THEN 1 ELSE 0 END), COUNT(*)
            FROM big b JOIN q ON b.question = q.question WHERE b.answer <> 'NA' GROUP BY q.kind ORDER BY q.kind
            """)
        // Reference computed row by row.
        var yes = ["even": 0, "odd": 0]
        var all = ["even": 0, "odd": 0]
        let kinds: [UInt32: String] = [0: "even", 2: "even", 4: "even", 1: "odd"]
        for row in 0..<n {
            guard let kind = kinds[questionCodes[row]], answerCodes[row] != 2 else { continue }
            all[kind]! += 1
            if answerCodes[row] == 0 { yes[kind]! += 1 }
        }
        #expect(
            result == [
                [.varchar("even"), .bigint(Int64(yes["even"]!)), .bigint(Int64(all["even"]!))],
                [.varchar("odd"), .bigint(Int64(yes["odd"]!)), .bigint(Int64(all["odd"]!))],
            ])
        let distinctIDs = try rows(db, "SELECT count(DISTINCT id), count(*) FROM big WHERE answer = 'NA'")
        #expect(distinctIDs == [[.bigint(1000), .bigint(Int64(answerCodes.filter { $0 == 2 }.count))]])
    }
}
