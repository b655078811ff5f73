import Columnar
import Testing

@testable import Rendering

@Suite struct DelimitedRendererTests {
    @Test func csvWritesCanonicalValuesAndEmptyNulls() {
        let expected = """
            id,area,score,inspected,good
            1,Ynys Môn,3.5,2011-12-01,true
            22,東京,,2024-03-01,false
            -333,,10.0,,

            """
        #expect(Fixtures.render(Fixtures.areas, .csv) == expected)
    }

    @Test func tsvUsesTabs() {
        let expected =
            "id\tarea\tscore\tinspected\tgood\n1\tYnys Môn\t3.5\t2011-12-01\ttrue\n"
            + "22\t東京\t\t2024-03-01\tfalse\n-333\t\t10.0\t\t\n"
        #expect(Fixtures.render(Fixtures.areas, .tsv) == expected)
    }

    @Test func headerCanBeOmitted() {
        #expect(Fixtures.render(Fixtures.numbers(2), .csv) { $0.showHeaders = false } == "1\n2\n")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("", "\"\""),
        ("  padded  ", "  padded  "),
        ("tab\there", "tab\there"),
    ])
    func csvQuotesOnlyWhenNeeded(value: String, field: String) {
        #expect(Fixtures.render(Fixtures.strings([value]), .csv) { $0.showHeaders = false } == field + "\n")
    }

    @Test func tsvQuotesTabs() {
        #expect(
            Fixtures.render(Fixtures.strings(["a\tb", "a,b"]), .tsv) { $0.showHeaders = false } == "\"a\tb\"\na,b\n")
    }

    @Test func valueEqualToCustomNullTextIsQuoted() {
        let output = Fixtures.render(Fixtures.strings(["NA", nil]), .csv) {
            $0.showHeaders = false
            $0.nullText = "NA"
        }
        #expect(output == "\"NA\"\nNA\n")
    }

    static let awkward: [String?] = [
        "plain", "a,b", "\"quoted\"", "multi\nline", "crlf\r\nend", "", nil, " lead", "trail ", "Ynys Môn",
        "東京", "e\u{301}", "\t", ",", "\"", "\"\"", "x\"y,z\nw", "\u{1}ctl",
    ]

    @Test(arguments: [OutputMode.csv, .tsv])
    func roundTripsThroughAnRFC4180Parser(mode: OutputMode) throws {
        let table = Fixtures.strings(Self.awkward, name: "weird, \"name\"")
        let text = Fixtures.render(table, mode)
        let records = TinyCSVParser.parse(text, delimiter: mode == .csv ? "," : "\t")
        try #require(records.count == Self.awkward.count + 1)
        #expect(records[0] == [.quoted("weird, \"name\"")])
        for (index, value) in Self.awkward.enumerated() {
            let field = records[index + 1]
            #expect(field.count == 1)
            switch value {
            case nil: #expect(field[0] == .bare(""), "row \(index)")
            case let value?: #expect(field[0].text.unicodeScalars.elementsEqual(value.unicodeScalars), "row \(index)")
            }
        }
    }

    @Test func doublesAreShortestRoundTrip() {
        let table = Table([("x", Column(.double([0.1, 1.0 / 3, 1e16, -0.0, .infinity, .nan])))])
        let lines = Fixtures.render(table, .csv).split(separator: "\n").dropFirst().map(String.init)
        #expect(lines == ["0.1", "0.3333333333333333", "1e+16", "-0.0", "inf", "nan"])
        for (line, value) in zip(lines.prefix(4), [0.1, 1.0 / 3, 1e16, -0.0]) {
            #expect(Double(line) == value)
        }
    }

    @Test func extremeIntegers() {
        let table = Table([("n", Column(.bigint([Int64.min, Int64.max, 0, -7])))])
        #expect(Fixtures.render(table, .csv) == "n\n-9223372036854775808\n9223372036854775807\n0\n-7\n")
    }
}

/// A minimal RFC 4180 reader for checking the writer: records of fields, remembering whether a field
/// was quoted (an empty quoted field is an empty string, an empty bare one is NULL).
enum TinyCSVParser {
    enum Field: Equatable {
        case bare(String)
        case quoted(String)
        var text: String {
            switch self {
            case .bare(let t), .quoted(let t): t
            }
        }
    }

    static func parse(_ text: String, delimiter: Unicode.Scalar) -> [[Field]] {
        var records: [[Field]] = []
        var record: [Field] = []
        var field = ""
        var quoted = false
        var inQuotes = false
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func endField() {
            record.append(quoted ? .quoted(field) : .bare(field))
            field = ""
            quoted = false
        }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
                quoted = true
            } else if c == delimiter {
                endField()
            } else if c == "\n" {
                endField()
                records.append(record)
                record = []
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if !field.isEmpty || quoted || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}
