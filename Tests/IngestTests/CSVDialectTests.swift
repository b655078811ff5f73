import Columnar
import Testing

@testable import Ingest

@Suite struct CSVDialectTests {
    @Test(arguments: [
        ("a,b,c\n1,2,3\n4,5,6\n", ","),
        ("a;b;c\n1,5;2,5;3\n4;5;6\n", ";"),
        ("a\tb\n1\t2\n", "\t"),
        ("a|b|c\n1|2|3\n", "|"),
        ("a;b\n\"x;y\";2\n", ";"),
    ])
    func delimiterIsSniffed(text: String, expected: String) throws {
        let table = try readCSV(text)
        let width = text.split(separator: "\n").first!.split(separator: Character(expected)).count
        #expect(table.columnCount == width)
    }

    @Test func tsvExtensionMeansTab() throws {
        let table = try readCSV("a,b\tc\n1,2\t3\n", name: "data.tsv")
        #expect(table.names == ["a,b", "c"])
        #expect(table.rows == [[.varchar("1,2"), .bigint(3)]])
    }

    @Test func explicitDelimiterWins() throws {
        let table = try readCSV("a;b,c\n1;2,3\n", options: CSVOptions(delimiter: UInt8(ascii: ",")))
        #expect(table.names == ["a;b", "c"])
    }

    @Test func headerIsSniffedWhenABodyColumnIsTyped() throws {
        let table = try readCSV("name,age\nalice,30\nbob,41\n")
        #expect(table.names == ["name", "age"])
        #expect(table.types == [.varchar, .bigint])
        #expect(table.rowCount == 2)
    }

    @Test func numericFirstRowIsData() throws {
        let table = try readCSV("1,2\n3,4\n")
        #expect(table.names == ["column0", "column1"])
        #expect(table.rows == [[.bigint(1), .bigint(2)], [.bigint(3), .bigint(4)]])
    }

    @Test func allTextWithDistinctFirstRowIsAHeader() throws {
        let table = try readCSV("question,answer\n1.1.01,Y\n1.1.02,N\n")
        #expect(table.names == ["question", "answer"])
        #expect(table.rowCount == 2)
    }

    @Test func allTextWithRepeatedFirstRowValuesIsData() throws {
        let table = try readCSV("Y,Y\nN,Y\n")
        #expect(table.names == ["column0", "column1"])
        #expect(table.rows == [[.varchar("Y"), .varchar("Y")], [.varchar("N"), .varchar("Y")]])
    }

    @Test func firstRowWithAnEmptyValueIsData() throws {
        let table = try readCSV("a,\nb,c\n")
        #expect(table.names == ["column0", "column1"])
        #expect(table.rowCount == 2)
    }

    @Test func headerFalseKeepsTheFirstRowAsData() throws {
        let table = try readCSV("name,age\nalice,30\n", options: CSVOptions(header: false))
        #expect(table.names == ["column0", "column1"])
        #expect(table.types == [.varchar, .varchar])
        #expect(table.rowCount == 2)
    }

    @Test func headerTrueNamesColumnsEvenWhenNumeric() throws {
        let table = try readCSV("2020,2021\n1,2\n", options: CSVOptions(header: true))
        #expect(table.names == ["2020", "2021"])
        #expect(table.rows == [[.bigint(1), .bigint(2)]])
    }
}
