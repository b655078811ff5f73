import Columnar
import Foundation
import Testing

@testable import Ingest

/// Issue 13: memory must follow the data, with a clear outcome past sane limits.
@Suite struct BoundedMemoryTests {
    /// 20,000 records each with its own key took 15.8 GB (every record padded to every column); past
    /// `JSONReader.maximumColumns` keys the records are one `json` text column.
    @Test func jsonWithAKeyPerRecordIsOneTextColumn() throws {
        let lines = (0..<20_000).map { "{\"key\($0)\": \($0)}" }
        let path = Fixture().write("keys.jsonl", lines.joined(separator: "\n") + "\n")
        let table = try JSONReader.read(path: path)
        #expect(table.names == [JSONReader.textColumnName])
        #expect(table.types == [.varchar])
        #expect(table.rowCount == 20_000)
        #expect(table.rows[0] == [.varchar("{\"key0\": 0}")])
        #expect(table.rows[19_999] == [.varchar("{\"key19999\": 19999}")])
    }

    @Test func jsonArrayPastTheKeyLimitKeepsEachObjectsText() throws {
        let objects = (0..<(JSONReader.maximumColumns + 5)).map { "{\"k\($0)\": [\($0)]}" }
        let path = Fixture().write("keys.json", "[" + objects.joined(separator: ", ") + "]")
        let table = try JSONReader.read(path: path)
        #expect(table.names == ["json"])
        #expect(table.rows[3] == [.varchar("{\"k3\": [3]}")])
    }

    @Test func jsonAtTheKeyLimitStillHasColumnsWithNullsForMissingKeys() throws {
        let lines = (0..<JSONReader.maximumColumns).map { "{\"k\($0)\": \($0)}" }
        let table = try JSONReader.read(path: Fixture().write("k.jsonl", lines.joined(separator: "\n")))
        #expect(table.columnCount == JSONReader.maximumColumns)
        #expect(table.types.allSatisfy { $0 == .bigint })
        #expect(table.rows[2][2] == .bigint(2))
        #expect(table.rows[2][3] == .null)
        #expect(table.rows[999][0] == .null)
    }

    /// One object with 50,000 keys: the repeated-key check must not be quadratic, and the object is text.
    @Test func oneObjectWithManyKeysReadsQuickly() throws {
        let fields = (0..<50_000).map { "\"k\($0)\": \($0)" } + ["\"k7\": \"again\""]
        let path = Fixture().write("wide.json", "{" + fields.joined(separator: ",") + "}")
        let clock = ContinuousClock()
        let start = clock.now
        let table = try JSONReader.read(path: path)
        #expect(clock.now - start < .seconds(20))
        #expect(table.names == ["json"])
        #expect(table.rowCount == 1)
    }

    /// 200,000 columns took 1.75 GB; a million aborted. Past `CSVReader.maximumColumns` the read fails at
    /// once naming the file, line 1 and the count.
    @Test func csvWiderThanTheColumnCapIsAClearError() {
        let header = (0..<200_000).map { "c\($0)" }.joined(separator: ",")
        let error = csvError(header + "\n" + String(repeating: "1,", count: 199_999) + "1\n")
        #expect(error?.line == 1)
        #expect(error?.message == "the first record has 200000 columns; yotq reads at most 16384")
        #expect(error?.description.contains(".csv:1:1: ") == true)
    }

    @Test func csvAtTheColumnCapReads() throws {
        let width = CSVReader.maximumColumns
        let header = (0..<width).map { "c\($0)" }.joined(separator: ",")
        let row = (0..<width).map { String($0 % 7) }.joined(separator: ",")
        let table = try readCSV(header + "\n" + row + "\n" + row + "\n")
        #expect(table.columnCount == width)
        #expect(table.rowCount == 2)
        #expect(table.rows[1][width - 1] == .bigint(Int64((width - 1) % 7)))
    }

    /// Per-column state of a chunk is a few hundred bytes, not the 8.7 KB it was.
    @Test func anEmptyInternerIsSmall() {
        let interner = ByteInterner(expectedCount: 16)
        defer { interner.release() }
        #expect(interner.reservedBytes <= 600)
    }
}
