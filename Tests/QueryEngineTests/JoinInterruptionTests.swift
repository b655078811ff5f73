import Columnar
import Testing
@testable import QueryEngine

/// Joins check for Ctrl-C part-way (cross pairs every 64K, hash probes per 64K-row slice).
@Suite struct JoinInterruptionTests {
    @Test func aJoinProbedInSlicesGivesEveryPairOnce() throws {
        let db = Database()
        _ = try db.run(
            """
            CREATE TABLE v AS SELECT * FROM (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) t(x);
            CREATE TABLE big AS
              SELECT a.x*10000 + b.x*1000 + c.x*100 + d.x*10 + e.x AS k, e.x AS digit FROM v a, v b, v c, v d, v e;
            CREATE TABLE small AS SELECT x AS m, x * 2 AS twice FROM v WHERE x < 5;
            CREATE TABLE joined AS SELECT big.k, small.m, small.twice FROM big JOIN small ON big.digit = small.m;
            """)
        let summary = try #require(
            try db.run(
                "SELECT count(*), sum(k), count(*) FILTER (WHERE m <> k % 10 OR twice <> 2 * m) FROM joined"
            ).last?.table)
        // Keys ending in 0..4: half of 100,000; their sum is the sum of all k with k % 10 < 5.
        let expectedSum = (0..<100_000).filter { $0 % 10 < 5 }.reduce(0, +)
        #expect(summary.rows == [[.bigint(50_000), .bigint(Int64(expectedSum)), .bigint(0)]])
    }

    @Test func crossPairsAreLeftMajor() throws {
        let (left, right) = try Executor(interruption: InterruptionFlag()).crossPairs(2, 3)
        #expect(left == [0, 0, 0, 1, 1, 1])
        #expect(right == [0, 1, 2, 0, 1, 2])
    }

    @Test func aRaisedFlagStopsALargeCrossProductPartWay() {
        let flag = InterruptionFlag()
        flag.raise()
        #expect {
            _ = try Executor(interruption: flag).crossPairs(1_000, 1_000)
        } throws: { error in
            (error as? QueryError)?.kind == .interrupted
        }
    }

    /// A key shared by very many rows on both sides (here 26,256² = 689 M pairs) is an error naming the
    /// limit, made before any pair is: it once asked for 75 GB and killed the process.
    @Test(arguments: [
        "SELECT count(*) FROM big2 a JOIN big2 b ON a.x = b.x",
        "CREATE TABLE j AS SELECT a.x FROM big2 a JOIN big2 b ON a.x = b.x",
    ])
    func aJoinOfTooManyPairsIsAnErrorNotACrash(statement: String) throws {
        let db = Database()
        _ = try db.run(
            """
            CREATE TABLE big AS SELECT * FROM (VALUES (1),(1),(1)) v(x);
            INSERT INTO big SELECT a.x FROM big a, big b, big c, big d, big e, big f, big g, big h;
            CREATE TABLE big2 AS SELECT a.x FROM big a, (VALUES (1),(2),(3),(4)) v(y);
            """)
        #expect {
            _ = try db.run(statement)
        } throws: { error in
            (error as? QueryError)?.message.contains("more than \(Executor.maximumCrossPairs) row pairs") == true
        }
        #expect(try db.run("SELECT count(*) FROM big2").last?.table?.rows == [[.bigint(26_256)]])
    }

    /// A join condition that is not an equality is judged 64K pairs at a time: every pair once, and an
    /// aggregate over the joined rows (handed out in chunks) gives the same answer.
    @Test func aResidualOverManyPairsKeepsEveryPassingPairOnce() throws {
        let db = Database()
        _ = try db.run(
            """
            CREATE TABLE v AS SELECT * FROM (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) t(x);
            CREATE TABLE a AS SELECT p.x * 100 + q.x * 10 + r.x AS n FROM v p, v q, v r;
            """)
        let result = try #require(
            try db.run(
                "SELECT count(*), sum(a.n + b.n), count(DISTINCT a.n - b.n) FROM a, a AS b WHERE a.n + b.n < 700"
            ).last?.table)
        var count = 0, sum = 0
        var differences = Set<Int>()
        for x in 0..<1000 {
            for y in 0..<1000 where x + y < 700 { count += 1; sum += x + y; differences.insert(x - y) }
        }
        #expect(result.rows == [[.bigint(Int64(count)), .bigint(Int64(sum)), .bigint(Int64(differences.count))]])
    }

    @Test func aRaisedFlagStopsAResidualPartWay() {
        let flag = InterruptionFlag()
        flag.raise()
        let column = Relation(columns: [Column(.bigint(Array(0..<1_000)))], rowCount: 1_000)
        let pairs = (0..<Int32(100_000)).map { $0 % 1_000 }
        let condition = BoundExpression.constant(.boolean(true), .boolean)
        #expect {
            _ = try Executor(interruption: flag).applyResidual(condition, left: column, right: column, pairs, pairs)
        } throws: { error in
            (error as? QueryError)?.kind == .interrupted
        }
    }
}
