import Columnar
import TestSupport
import Testing

/// `Table`: its constructors, lookups and row operations, each result checked against the invariants.
@Suite struct TableTests {
    static let schema = Schema([
        Field(name: "Area", type: .varchar), Field(name: "score", type: .double), Field(name: "year", type: .bigint),
    ])
    static let rows: [[Value]] = [
        [.varchar("Harrow"), .double(43), .bigint(2011)],
        [.varchar("Leeds"), .null, .bigint(2010)],
        [.null, .double(53.5), .null],
        [.varchar("Harrow"), .double(45), .bigint(2012)],
    ]

    @Test func rowsGoInAndComeOut() {
        let table = Table(schema: Self.schema, rows: Self.rows)
        #expect(table.rowCount == 4)
        #expect(table.columnCount == 3)
        #expect(table.rows == Self.rows)
        #expect(table.row(2) == Self.rows[2])
        expectValid(table)
    }

    @Test func namedColumnsMakeTheSchema() {
        let table = Table([
            ("a", Column(.bigint([1, 2]))), ("b", Column(type: .varchar, values: [.varchar("x"), .null])),
        ])
        #expect(table.schema == Schema([Field(name: "a", type: .bigint), Field(name: "b", type: .varchar)]))
        #expect(table.rowCount == 2)
        expectValid(table)
    }

    @Test func columnsAreFoundByNameIgnoringCase() {
        let table = Table(schema: Self.schema, rows: Self.rows)
        #expect(table.column(named: "area")?.values == Self.rows.map { $0[0] })
        #expect(table.column(named: "YEAR")?.type == .bigint)
        #expect(table.column(named: "nope") == nil)
    }

    @Test func anEmptyTableHasTheSchemaAndNoRows() {
        let table = Table.empty(Self.schema)
        #expect(table.rowCount == 0)
        #expect(table.columns.map(\.type) == [.varchar, .double, .bigint])
        expectValid(table)
    }

    /// A table without columns still has rows (`SELECT` of nothing from a table of three rows).
    @Test func aTableWithoutColumnsKeepsItsRowCount() {
        let table = Table(schema: Schema([]), columns: [], rowCount: 3)
        #expect(table.rowCount == 3)
        #expect(table.rows == [[], [], []])
        expectValid(table)
    }

    @Test func gatherPicksRowsInTheGivenOrderWithRepeats() {
        let table = Table(schema: Self.schema, rows: Self.rows)
        let picked = table.gather([3, 2, 3, 0])
        #expect(picked.rows == [Self.rows[3], Self.rows[2], Self.rows[3], Self.rows[0]])
        #expect(picked.schema == table.schema)
        expectValid(picked)
        let none = table.gather([])
        #expect(none.rowCount == 0)
        expectValid(none)
    }

    @Test func renamingKeepsTheColumns() {
        let table = Table(schema: Self.schema, rows: Self.rows).renamed(["a", "s", "y"])
        #expect(table.schema.names == ["a", "s", "y"])
        #expect(table.schema.fields.map(\.type) == [.varchar, .double, .bigint])
        #expect(table.rows == Self.rows)
        expectValid(table)
    }

    @Test func slicesAndGathersOfColumnsStayValid() {
        let column = Column(type: .varchar, values: (0..<200).map { $0 % 7 == 0 ? .null : .varchar("v\($0 % 5)") })
        let slice = column.slice(60..<140)
        #expect(slice.values == Array(column.values[60..<140]))
        expectValid(slice)
        let gathered = column.gather((0..<200).reversed().map(Int32.init))
        #expect(gathered.values == column.values.reversed())
        expectValid(gathered)
    }

    /// The checker itself: a code outside the dictionary is reported; one under a NULL is not read.
    @Test func theInvariantCheckFindsACodeOutsideTheDictionary() {
        let broken = Column(.varchar(codes: [0, 5], dictionary: StringDictionary(distinct: ["a"])))
        #expect(ColumnarInvariants.violations(broken) == ["row 1 has code 5, outside its dictionary of 1"])
        let table = Table([("s", broken)])
        #expect(ColumnarInvariants.violations(table) == ["column 0 (s): row 1 has code 5, outside its dictionary of 1"])
        let nullUnderAnyCode = Column(
            .varchar(codes: [0, 5], dictionary: StringDictionary(distinct: ["a"])), validity: Validity([true, false]))
        #expect(ColumnarInvariants.violations(nullUnderAnyCode).isEmpty)
        #expect(ColumnarInvariants.violations(Column(nullsOf: .varchar, count: 3)).isEmpty)
    }
}
