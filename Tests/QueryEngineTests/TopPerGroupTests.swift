import Columnar
import QueryEngine
import Testing

/// `row_number() OVER (PARTITION BY ... ORDER BY ...) <= k` runs as a per-partition top-k selection; its
/// rows and numbers must be exactly those of the ordinary window evaluation (`rn + 0 <= k` is not
/// recognised, so it takes the ordinary path), ties and NULLs included.
@Suite struct TopPerGroupTests {
    func database() throws -> Database {
        let db = Database()
        let n = 20000
        let ids = (0..<Int64(n)).map { $0 }
        let v = Column(.bigint(ids.map { ($0 * 7919) % 23 }), validity: Validity(ids.map { $0 % 13 != 0 }))
        let d = Column(.double(ids.map { Double(($0 * 31) % 11) / 4 }), validity: Validity(ids.map { $0 % 17 != 0 }))
        let s = Column(
            .varchar(
                codes: ids.map { UInt32(($0 * 13) % 7) },
                dictionary: StringDictionary(distinct: (0..<7).map { "k\($0)" })))
        try db.register(
            Table([
                ("id", Column(.bigint(ids))), ("g", Column(.bigint(ids.map { $0 % 97 }))), ("v", v), ("d", d), ("s", s),
            ]),
            as: "t")
        return db
    }

    func rows(_ db: Database, _ sql: String) throws -> [[Value]] {
        try #require(try db.run(sql).last?.table).rows
    }

    @Test(arguments: [
        "ORDER BY v DESC", "ORDER BY v", "ORDER BY v NULLS FIRST", "ORDER BY v DESC NULLS LAST", "ORDER BY d DESC",
        "ORDER BY d NULLS FIRST", "ORDER BY s DESC", "ORDER BY s",
    ])
    func selectionEqualsFullWindowEvaluation(order: String) throws {
        let db = try database()
        for comparison in ["= 1", "<= 2", "< 4", "<= 5"] {
            let fast = try rows(
                db,
                "SELECT id, g, rn FROM (SELECT id, g, row_number() OVER (PARTITION BY g \(order)) AS rn FROM t) s WHERE rn \(comparison) ORDER BY g, rn"
            )
            let full = try rows(
                db,
                "SELECT id, g, rn FROM (SELECT id, g, row_number() OVER (PARTITION BY g \(order)) AS rn FROM t) s WHERE rn + 0 \(comparison) ORDER BY g, rn"
            )
            #expect(fast == full, "\(order) \(comparison)")
            #expect(!fast.isEmpty)
        }
    }

    @Test func qualifyAndExtraConditionsAndReversedComparison() throws {
        let db = try database()
        let fast = try rows(
            db,
            "SELECT id, g FROM t QUALIFY 3 >= row_number() OVER (PARTITION BY g, s ORDER BY v DESC) AND id % 2 = 0 ORDER BY id"
        )
        let full = try rows(
            db,
            "SELECT id, g FROM t QUALIFY 3 >= row_number() OVER (PARTITION BY g, s ORDER BY v DESC) + 0 AND id % 2 = 0 ORDER BY id"
        )
        #expect(fast == full)
        #expect(!fast.isEmpty)
    }

    @Test func manyPartitionsFallBackToTheWindowEvaluation() throws {
        let db = try database()
        // Every row its own partition: most rows survive, the ordinary path runs; same answer.
        let result = try rows(
            db,
            "SELECT count(*) FROM (SELECT row_number() OVER (PARTITION BY id ORDER BY v) AS rn FROM t) s WHERE rn <= 1")
        #expect(result == [[.bigint(20000)]])
        let none = try rows(
            db,
            "SELECT count(*) FROM (SELECT row_number() OVER (PARTITION BY g ORDER BY v) AS rn FROM t) s WHERE rn <= 0")
        #expect(none == [[.bigint(0)]])
    }
}
