import Testing

@testable import QueryLanguage

/// Pathological nesting must end in a clean error, never a stack overflow.
@Suite struct NestingLimitTests {
    /// The brief's 100,000 for the classic cases; 20,000 (still 40 times the limit) for the rest, to keep
    /// the suite quick in debug builds.
    static let depth = 100_000
    static let shorter = 20_000

    static let pathological: [(String, String)] = [
        ("parentheses", "SELECT " + String(repeating: "(", count: depth) + "1"),
        (
            "balanced parentheses",
            "SELECT " + String(repeating: "(", count: shorter) + "1" + String(repeating: ")", count: shorter)
        ),
        ("NOT chain", "SELECT " + String(repeating: "NOT ", count: depth) + "TRUE"),
        ("unary minus chain", "SELECT " + String(repeating: "- ", count: depth) + "1"),
        ("addition chain", "SELECT 1" + String(repeating: " + 1", count: shorter)),
        ("cast chain", "SELECT 1" + String(repeating: "::INT", count: shorter)),
        ("scalar subqueries", "SELECT " + String(repeating: "(SELECT ", count: depth) + "1"),
        ("derived tables", "SELECT * FROM " + String(repeating: "(SELECT * FROM ", count: shorter) + "t"),
        ("set operations", "SELECT 1" + String(repeating: " UNION SELECT 1", count: shorter)),
        ("parenthesised set operands", String(repeating: "(", count: shorter) + "SELECT 1"),
        ("joins", "SELECT * FROM t" + String(repeating: " CROSS JOIN t", count: shorter)),
        ("function calls", "SELECT " + String(repeating: "f(", count: shorter) + "1"),
        ("list literals", "SELECT " + String(repeating: "[", count: shorter) + "1"),
        ("struct literals", "SELECT " + String(repeating: "{'a': ", count: shorter) + "1"),
        ("CASE", "SELECT " + String(repeating: "CASE WHEN ", count: shorter) + "1"),
        ("EXPLAIN", String(repeating: "EXPLAIN ", count: shorter) + "SELECT 1"),
        ("IN lists", "SELECT " + String(repeating: "a IN (", count: shorter) + "1"),
    ]

    @Test(arguments: pathological)
    func rejectsDeepNestingCleanly(name: String, sql: String) throws {
        let error = try #require(syntaxError(sql), "\(name) parsed")
        #expect(error.message.contains("nested too deeply"), "\(name): \(error.message)")
    }

    @Test func acceptsNestingWellWithinTheLimit() throws {
        let depth = 400
        let sql = "SELECT " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(try parseScript(sql).count == 1)
        let chain = "SELECT 1" + String(repeating: " + 1", count: 400)
        #expect(try parseScript(chain).count == 1)
        let nots = "SELECT " + String(repeating: "NOT ", count: 400) + "TRUE"
        #expect(try parseScript(nots).count == 1)
    }

    @Test func acceptsNestedSubqueriesWithinTheLimit() throws {
        let depth = 100
        let sql = "SELECT " + String(repeating: "(SELECT ", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(try parseScript(sql).count == 1)
    }

    @Test func longFlatListsAreNotNesting() throws {
        let values = (0..<20_000).map { "(\($0), 'x')" }.joined(separator: ", ")
        #expect(try parseScript("INSERT INTO t VALUES \(values)").count == 1)
        let inList = (0..<20_000).map(String.init).joined(separator: ", ")
        #expect(try parseScript("SELECT a IN (\(inList)) FROM t").count == 1)
        let items = (0..<5_000).map { "c\($0)" }.joined(separator: ", ")
        #expect(try parseScript("SELECT \(items) FROM t").count == 1)
    }

    /// Depth of nested binary operators.
    static func depth(_ expression: Expression) -> Int {
        guard case .binary(_, let left, let right) = expression.kind else { return 0 }
        return 1 + max(depth(left), depth(right))
    }

    /// DuckDB flattens AND / OR, so a generated filter of thousands of terms works there; here the chain
    /// becomes a balanced tree.
    @Test(arguments: [" AND ", " OR "])
    func longAndOrChainsParseAsShallowTrees(op: String) throws {
        let terms = (0..<Self.depth).map { "a = \($0)" }
        let expression = try parseExpression(terms.joined(separator: op))
        #expect(Self.depth(expression) <= 2 * 17 + 1)
        #expect(try parseScript("SELECT * FROM t WHERE " + terms.joined(separator: op)).count == 1)
    }

    @Test func shortChainsNestToTheLeftAsDuckDBNamesThem() {
        #expect(expressionSexp("a OR b OR c") == expressionSexp("(a OR b) OR c"))
        #expect(expressionSexp("a AND b AND c OR d") == expressionSexp("((a AND b) AND c) OR d"))
        #expect(expressionSexp("a OR b AND c OR d") == expressionSexp("(a OR (b AND c)) OR d"))
    }
}
