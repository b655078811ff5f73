import Columnar
import Foundation
import Testing

@testable import Ingest

/// Columns of mostly distinct numbers and dates are converted while parsing instead of interned; these
/// files are big enough (and chunks small enough) to take that path and its fallbacks.
@Suite struct CSVHighCardinalityTests {
    static let rows = 30_000
    let tuning = CSVTuning(chunkBytes: 16_384)

    @Test func integersThenDecimalsBecomeDouble() throws {
        var text = "id,v\n"
        var expected: [Value] = []
        for i in 0..<Self.rows {
            if i % 1000 == 999 {
                text += "\(i),\n"
                expected.append(.null)
            } else if i > Self.rows / 2 {
                text += "\(i),\(i).5\n"
                expected.append(.double(Double(i) + 0.5))
            } else {
                text += "\(i),\(i * 3)\n"
                expected.append(.double(Double(i * 3)))
            }
        }
        let table = try readCSV(text, tuning: tuning)
        #expect(table.types == [.bigint, .double])
        #expect(table.columns[1].values == expected)
        #expect(table.columns[0].values == (0..<Self.rows).map { .bigint(Int64($0)) })
    }

    @Test func manyDistinctDatesStayDates() throws {
        var text = "d\n"
        var expected: [Value] = []
        for i in 0..<Self.rows {
            let date = Date32(daysSinceEpoch: Int32(i))
            text += "\(date)\n"
            expected.append(.date(date))
        }
        let table = try readCSV(text, tuning: tuning)
        #expect(table.types == [.date])
        #expect(table.columns[0].values == expected)
    }

    @Test func aLateTextValueRereadsTheColumnAsExactText() throws {
        var text = "id,n\n"
        for i in 0..<Self.rows { text += "\(i),\(i % 2 == 0 ? "-" : "")\(i)\n" }
        text += "last,007\n"
        let table = try readCSV(text, tuning: tuning)
        #expect(table.types == [.varchar, .varchar])
        #expect(table.rowCount == Self.rows + 1)
        #expect(table.row(Self.rows) == [.varchar("last"), .varchar("007")])
        #expect(table.row(2) == [.varchar("2"), .varchar("-2")])
    }

    @Test func mixingDatesAndIntegersRereadsAsText() throws {
        var text = "v\n"
        for i in 0..<Self.rows { text += "\(i + 100_000)\n" }
        text += "2021-01-01\n"
        let table = try readCSV(text, tuning: tuning)
        #expect(table.types == [.varchar])
        #expect(table.row(Self.rows) == [.varchar("2021-01-01")])
        #expect(table.row(0) == [.varchar("100000")])
    }

    @Test func invalidUTF8LateInANumericColumnIsLocated() throws {
        var bytes = Array("n\n".utf8)
        for i in 0..<Self.rows { bytes += Array("\(i)\n".utf8) }
        bytes += [0x31, 0xFF, 0x0A]
        let path = Fixture().write("data.csv", bytes: bytes)
        do {
            _ = try CSVReader.read(path: path, options: CSVOptions(), tuning: tuning)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.line == Self.rows + 2)
            #expect(error.column == 2)
        }
    }

    @Test func forcedTypeOnAHighCardinalityColumn() throws {
        var text = "n\n"
        for i in 0..<Self.rows { text += String(format: "%07d\n", i) }
        let table = try readCSV(text, options: CSVOptions(types: ["n": .bigint]), tuning: tuning)
        #expect(table.types == [.bigint])
        #expect(table.columns[0].values == (0..<Self.rows).map { .bigint(Int64($0)) })
    }

    /// An out-of-range number in a column converted while parsing became 0.0 (or 0) silently; in a small
    /// file the same value is an error. Both now name the value, line and column. The bad value comes
    /// early (converted with the dictionary at the switch) or late (converted while parsing).
    @Test(arguments: [("1e309", 10), ("-1e400", 20_000)])
    func anOutOfRangeNumberIsAnErrorInEveryPath(bad: String, at badRow: Int) throws {
        var text = "id,v\n"
        for i in 0..<Self.rows { text += i == badRow ? "\(i),\(bad)\n" : "\(i),\(i).25\n" }
        let expectedLine = badRow + 2
        for tuning in [tuning, CSVTuning()] {
            let error = try #require(csvError(text, tuning: tuning))
            #expect(error.message.contains("cannot convert '\(bad)'"), "\(error.message)")
            #expect(error.line == expectedLine)
            #expect(error.column == "\(badRow),".count + 1)
        }
    }
}
