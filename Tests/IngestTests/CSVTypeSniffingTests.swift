import Columnar
import TestSupport
import Testing

@testable import Ingest

@Suite struct CSVTypeSniffingTests {
    /// A one-column file with the given values (after a header) sniffs to `expected`.
    @Test(
        arguments: [
            (["true", "FALSE", "True"], DataType.boolean),
            (["1", "-2", "30"], .bigint),
            (["1", "2.5", "-3e2"], .double),
            ([".5", "0.25"], .double),
            (["0", "10"], .bigint),
            (["0.5", "10"], .double),
            (["2021-03-04", "1999-12-31"], .date),
            (["2021-02-30"], .varchar),
            (["2021-3-4"], .varchar),
            (["007", "12"], .varchar),
            (["1.1.01", "1.1.02"], .varchar),
            (["1.1", "1.2"], .double),
            (["45%", "50 %", "12.5%"], .double),
            (["45%", "50"], .varchar),
            (["1", "true"], .varchar),
            (["1", "2021-01-01"], .varchar),
            (["99999999999999999999"], .varchar),
            (["9223372036854775807", "-9223372036854775808"], .bigint),
            (["+5"], .varchar),
            (["1e5"], .double),
            // DuckDB's words for non-finite doubles (COPY TO csv writes `nan`, `inf`, `-inf`).
            (["inf", "nan"], .double),
            (["1.5", "NaN", "-inf", "Infinity", "-Infinity", "nan", "INF"], .double),
            (["3", "-nan"], .double),
            (["+inf"], .varchar),
            (["nan", "Nancy"], .varchar),
            (["Y", "N", "NA"], .varchar),
            (["12abc"], .varchar),
            (["-"], .varchar),
        ] as [([String], DataType)])
    func columnTypeIsSniffed(values: [String], expected: DataType) throws {
        let table = try readCSV("h,x\n" + values.map { "v,\($0)\n" }.joined(), options: CSVOptions(header: true))
        #expect(table.types[1] == expected, "\(values)")
    }

    /// A DOUBLE column holding NaN and infinities survives a CSV round trip as DOUBLE.
    @Test func nonFiniteWordsReadAsDoubles() throws {
        let table = try readCSV("x\n1.5\nnan\ninf\n-inf\nInfinity\n-NaN\n")
        #expect(table.types == [.double])
        let values = table.columns[0].values.map { value -> Double in
            guard case .double(let d) = value else { return 0 }
            return d
        }
        #expect(values[0] == 1.5 && values[1].isNaN && values[5].isNaN)
        #expect(values[2] == .infinity && values[3] == -.infinity && values[4] == .infinity)
    }

    @Test func valuesConvertToTheSniffedType() throws {
        let table = try readCSV(
            "b,i,d,dt,p,t\ntrue,1,1.5,2021-03-04,45%,007\nfalse,-2,2,2020-02-29,50 %,x\n,,,,,\n")
        #expect(table.types == [.boolean, .bigint, .double, .date, .double, .varchar])
        #expect(
            table.rows[0] == [
                .boolean(true), .bigint(1), .double(1.5), .date(Date32(year: 2021, month: 3, day: 4)!), .double(45),
                .varchar("007"),
            ])
        #expect(
            table.rows[1] == [
                .boolean(false), .bigint(-2), .double(2), .date(Date32(year: 2020, month: 2, day: 29)!), .double(50),
                .varchar("x"),
            ])
        #expect(table.rows[2] == Array(repeating: Value.null, count: 6))
    }

    @Test func typeIsSniffedOverTheWholeFileNotASample() throws {
        var text = "id\n"
        for i in 0..<50_000 { text += "\(i)\n" }
        text += "oops\n"
        let table = try readCSV(text, tuning: CSVTuning(chunkBytes: 4096))
        #expect(table.types == [.varchar])
        #expect(table.rowCount == 50_001)
        #expect(table.rows[49_999] == [.varchar("49999")])
    }

    @Test func allNullColumnIsVarchar() throws {
        let table = try readCSV("a,b\n1,\n2,\n")
        #expect(table.types == [.bigint, .varchar])
        #expect(table.columns[1].nullCount == 2)
    }

    @Test func manyDistinctIntegersStayExact() throws {
        var text = "n\n"
        var expected: [Int64] = []
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let v = Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &generator)
            expected.append(v)
            text += "\(v == 0 ? 1 : v)\n"
            if v == 0 { expected[expected.count - 1] = 1 }
        }
        let table = try readCSV(text, tuning: CSVTuning(chunkBytes: 10_000))
        #expect(table.types == [.bigint])
        guard case .bigint(let values) = table.columns[0].storage else { return }
        #expect(values == expected)
    }

    @Test func forcedTypesOverrideSniffing() throws {
        let table = try readCSV(
            "code,score,flag,day\n007,45%,yes,2021-01-02\n010,3,no,\n",
            options: CSVOptions(types: ["CODE": .bigint, "score": .double, "flag": .boolean, "day": .varchar]))
        #expect(table.types == [.bigint, .double, .boolean, .varchar])
        #expect(
            table.rows == [
                [.bigint(7), .double(45), .boolean(true), .varchar("2021-01-02")],
                [.bigint(10), .double(3), .boolean(false), .null],
            ])
    }

    @Test func forcedVarcharKeepsNumbersAsText() throws {
        let table = try readCSV("n\n1\n2\n", options: CSVOptions(types: ["n": .varchar]))
        #expect(table.rows == [[.varchar("1")], [.varchar("2")]])
    }

    @Test func forcedTypeNamingAnUnknownColumnIsAnError() {
        let error = csvError("a\n1\n", options: CSVOptions(types: ["b": .bigint]))
        #expect(error?.message.contains("no column named 'b'") == true)
    }
}
