import Columnar
import Testing

@testable import Rendering

@Suite struct JSONRendererTests {
    @Test func jsonIsAnArrayOfObjects() {
        let expected = """
            [{"id":1,"area":"Ynys Môn","score":3.5,"inspected":"2011-12-01","good":true},
            {"id":22,"area":"東京","score":null,"inspected":"2024-03-01","good":false},
            {"id":-333,"area":null,"score":10.0,"inspected":null,"good":null}]

            """
        #expect(Fixtures.render(Fixtures.areas, .json) == expected)
    }

    @Test func jsonLinesHasOneObjectPerLine() {
        let expected = """
            {"n":1}
            {"n":2}
            {"n":3}

            """
        #expect(Fixtures.render(Fixtures.numbers(3), .jsonl) == expected)
    }

    @Test func emptyResults() {
        let empty = Table.empty(Schema([Field(name: "a", type: .bigint)]))
        #expect(Fixtures.render(empty, .json) == "[]\n")
        #expect(Fixtures.render(empty, .jsonl) == "")
    }

    @Test(arguments: [
        ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("nl\ncr\rtab\t", #""nl\ncr\rtab\t""#),
        ("\u{0}\u{1}\u{8}\u{C}\u{1F}", #""\u0000\u0001\b\f\u001f""#),
        ("Môn 東京 👍", "\"Môn 東京 👍\""),
        ("</script>", "\"</script>\""),
    ])
    func stringsAreEscaped(value: String, json: String) {
        #expect(Fixtures.render(Fixtures.strings([value]), .jsonl) == "{\"s\":\(json)}\n")
    }

    @Test func keysAreEscapedToo() {
        #expect(Fixtures.render(Fixtures.strings(["x"], name: "a\"b"), .jsonl) == "{\"a\\\"b\":\"x\"}\n")
    }

    @Test func nonFiniteDoublesBecomeNull() {
        let table = Table([("x", Column(.double([.nan, .infinity, -.infinity, 1e-7, 2.5])))])
        #expect(
            Fixtures.render(table, .jsonl) == "{\"x\":null}\n{\"x\":null}\n{\"x\":null}\n{\"x\":1e-07}\n{\"x\":2.5}\n")
    }

    /// Repeated column names (`SELECT 1 AS a, 2 AS a`) were repeated keys; they are renamed as DuckDB does.
    @Test func repeatedColumnNamesBecomeUniqueKeys() {
        let table = Table([
            ("a", Column(.bigint([1]))), ("a", Column(.bigint([2]))), ("a_1", Column(.bigint([3]))),
            ("A", Column(.bigint([4]))),
        ])
        #expect(Fixtures.render(table, .jsonl) == "{\"a\":1,\"a_1\":2,\"a_1_1\":3,\"A_2\":4}\n")
        #expect(Fixtures.render(table, .json) == "[{\"a\":1,\"a_1\":2,\"a_1_1\":3,\"A_2\":4}]\n")
    }

    @Test func maxRowsDoesNotTruncateData() {
        let output = Fixtures.render(Fixtures.numbers(100), .jsonl) { $0.maxRows = 5 }
        #expect(output.split(separator: "\n").count == 100)
    }
}
