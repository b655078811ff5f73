import Columnar
import QueryEngine
import Testing

/// Stacking tables by column name, as a dataset folder stacks files of the same table.
@Suite struct TableStackTests {
    @Test func columnsMeetByNameAndWidenToTheirCommonType() {
        let first = Table(
            schema: Schema([Field(name: "area", type: .varchar), Field(name: "score", type: .bigint)]),
            rows: [[.varchar("Harrow"), .bigint(45)]])
        let second = Table(
            schema: Schema([
                Field(name: "SCORE", type: .double), Field(name: "area", type: .varchar),
                Field(name: "band", type: .varchar),
            ]),
            rows: [[.double(43.5), .varchar("Brent"), .varchar("DRASTIC")]])
        let stacked = TableStack.byName([first, second])
        #expect(stacked.schema.fields.map(\.name) == ["area", "score", "band"])
        #expect(stacked.schema.fields.map(\.type) == [.varchar, .double, .varchar])
        #expect(stacked.column(named: "score")?[0] == .double(45))
        #expect(stacked.column(named: "band")?[0] == .null)
        #expect(stacked.column(named: "band")?[1] == .varchar("DRASTIC"))
    }

    @Test func typesThatDoNotMeetBecomeTextAndRepeatedRowsAreKeptOnce() {
        let dates = Table(
            schema: Schema([Field(name: "published", type: .date)]), rows: [[.date(Date32(iso: "2011-12-01")!)]])
        let texts = Table(schema: Schema([Field(name: "published", type: .varchar)]), rows: [[.varchar("2011-12")]])
        let stacked = TableStack.byName([dates, texts, dates])
        #expect(stacked.schema.fields.map(\.type) == [.varchar])
        #expect(stacked.rowCount == 2)
        #expect(stacked.column(named: "published")?[0] == .varchar("2011-12-01"))
    }
}
