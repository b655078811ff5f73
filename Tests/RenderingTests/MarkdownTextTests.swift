import Columnar
import Testing
@testable import Rendering

/// Values written into Markdown read back as the same text, not as markup.
@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("plain words, 45%", "plain words, 45%"),
        ("inspection_id", "inspection_id"),
        ("_lead and trail_", "\\_lead and trail\\_"),
        ("*bold* `code` [link](x) <b>", "\\*bold\\* \\`code\\` \\[link\\](x) \\<b\\>"),
        ("a|b", "a\\|b"),
        ("back\\slash", "back\\\\slash"),
        ("~~struck~~", "\\~\\~struck\\~\\~"),
        ("Youth & Justice", "Youth & Justice"),
        ("&amp; &#39;", "\\&amp; \\&#39;"),
        ("-3.5", "-3.5"),
        ("# not a heading", "# not a heading"),
    ])
    func escapes(text: String, expected: String) {
        #expect(MarkdownText.escape(text) == expected)
    }

    @Test(arguments: [("# x", "\\# x"), ("- x", "\\- x"), ("+1", "\\+1"), ("=", "\\="), ("a-b", "a-b")])
    func atTheStartOfALineBlockMarkersAreEscapedToo(text: String, expected: String) {
        #expect(MarkdownText.escape(text, lineStart: true) == expected)
    }

    @Test func markdownTableCellsAndHeadersAreEscaped() {
        let table = Fixtures.strings(["a|b", "<i>x</i>", "snake_case"], name: "*area*")
        let text = Fixtures.render(table, .markdown)
        #expect(text.contains("| \\*area\\* "))
        #expect(text.contains("| a\\|b "))
        #expect(text.contains("| \\<i\\>x\\</i\\> "))
        #expect(text.contains("| snake_case "))
    }
}
