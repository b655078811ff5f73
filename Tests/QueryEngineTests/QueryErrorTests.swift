import Columnar
import QueryEngine
import QueryLanguage
import Testing

/// Errors carry a kind, a DuckDB-like message, the offending range and "did you mean" suggestions.
@Suite struct QueryErrorTests {
    func database() throws -> Database {
        let database = Database()
        _ = try database.run(
            "CREATE TABLE judgements AS SELECT * FROM (VALUES (1, 'Y', 'q1'), (2, 'N', 'q2')) v(case_id, answer, question)"
        )
        return database
    }

    func error(_ sql: String, in database: Database) -> QueryError? {
        do {
            _ = try database.run(sql)
            return nil
        } catch let error as QueryError {
            return error
        } catch {
            return nil
        }
    }

    func text(_ sql: String, _ range: SourceRange?) -> String? {
        guard let range else { return nil }
        let bytes = Array(sql.utf8)[range.lowerBound..<range.upperBound]
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func unknownTableSuggestsTheClosestName() throws {
        let db = try database()
        let sql = "SELECT * FROM judgement"
        let e = try #require(error(sql, in: db))
        #expect(e.kind == .unknownTable)
        #expect(e.message == "Table with name judgement does not exist!")
        #expect(e.suggestions.first == "judgements")
        #expect(text(sql, e.range) == "judgement")
    }

    @Test func unknownColumnPointsAtTheColumnAndSuggests() throws {
        let db = try database()
        let sql = "SELECT answr FROM judgements"
        let e = try #require(error(sql, in: db))
        #expect(e.kind == .unknownColumn)
        #expect(e.message.contains("Referenced column \"answr\" not found"))
        #expect(e.suggestions == ["answer"])
        #expect(text(sql, e.range) == "answr")
    }

    @Test func unknownFunctionSuggests() throws {
        let db = try database()
        let sql = "SELECT lowr(answer) FROM judgements"
        let e = try #require(error(sql, in: db))
        #expect(e.kind == .unknownFunction)
        #expect(e.suggestions.contains("lower"))
        #expect(text(sql, e.range) == "lowr")
    }

    @Test func ambiguousColumnInAJoin() throws {
        let db = try database()
        let e = try #require(error("SELECT answer FROM judgements a, judgements b", in: db))
        #expect(e.kind == .ambiguousColumn)
    }

    @Test func typeMismatchNamesTheOperatorAndTypes() throws {
        let db = try database()
        let sql = "SELECT case_id + answer FROM judgements"
        let e = try #require(error(sql, in: db))
        #expect(e.kind == .typeMismatch)
        #expect(e.message.contains("+(BIGINT, VARCHAR)"))
        #expect(text(sql, e.range) == "case_id + answer")
    }

    @Test func overflowIsAnErrorAtTheExpression() throws {
        let db = try database()
        let sql = "SELECT case_id * 9223372036854775807 FROM judgements"
        let e = try #require(error(sql, in: db))
        #expect(e.kind == .overflow)
        #expect(text(sql, e.range) == "case_id * 9223372036854775807")
    }

    @Test func failedCastNamesTheValue() throws {
        let db = try database()
        let e = try #require(error("SELECT CAST(answer AS BIGINT) FROM judgements", in: db))
        #expect(e.kind == .conversion)
        #expect(e.message.contains("'Y'"))
    }

    @Test func stringLiteralComparedWithADateIsConvertedAtBindTime() throws {
        let db = Database()
        _ = try db.run("CREATE TABLE d AS SELECT DATE '2020-01-02' AS day")
        let sql = "SELECT * FROM d WHERE day > '2020-13-01'"
        let e = try #require(error(sql, in: db))
        #expect(e.kind == .conversion)
        #expect(e.message.contains("2020-13-01"))
        let rows = try db.run("SELECT count(*) FROM d WHERE day > '2020-01-01'").last?.table?.rows
        #expect(rows == [[.bigint(1)]])
    }

    @Test func ungroupedColumnIsRejected() throws {
        let db = try database()
        let e = try #require(error("SELECT answer, count(*) FROM judgements GROUP BY question", in: db))
        #expect(e.message.contains("GROUP BY"))
    }

    @Test func scalarSubqueryWithManyRowsFails() throws {
        let db = try database()
        let e = try #require(error("SELECT (SELECT case_id FROM judgements)", in: db))
        #expect(e.kind == .invalidQuery)
    }

    @Test func alreadyExistingTable() throws {
        let db = try database()
        let e = try #require(error("CREATE TABLE judgements AS SELECT 1", in: db))
        #expect(e.kind == .alreadyExists)
        _ = try db.run("CREATE OR REPLACE TABLE judgements AS SELECT 1 AS one")
        #expect(db.schema(of: "JUDGEMENTS")?.names == ["one"])
    }

    @Test func missingCSVFileIsAnIOErrorNamingTheFile() throws {
        let db = Database()
        let e = try #require(error("SELECT * FROM read_csv('/nonexistent/x.csv')", in: db))
        #expect(e.kind == .io)
        #expect(e.file == "/nonexistent/x.csv")
    }

    @Test func raisedInterruptionStopsAStatement() throws {
        let db = try database()
        // A table function raising the flag mid-statement stands in for SIGINT arriving while a query runs.
        db.registerTableFunction(name: "interrupt_now", summary: "test") { _, _, context in
            context.interruption.raise()
            return Table([("x", Column(.bigint([1, 2, 3])))])
        }
        let e = try #require(error("SELECT count(*) FROM interrupt_now()", in: db))
        #expect(e.kind == .interrupted)
        // The next statement starts with the flag lowered.
        #expect(try db.run("SELECT 1").count == 1)
    }
}
