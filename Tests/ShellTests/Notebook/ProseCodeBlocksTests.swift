import Testing
@testable import Shell

/// Code blocks in prose reach Ink as backtick fences, so their text is escaped and shown as code.
@Suite struct ProseCodeBlocksTests {
    @Test(arguments: [
        "Before.\n\n~~~\n<script>alert(1)</script>\n~~~\n\nAfter.\n",
        "Before.\n\n    <script>alert(1)</script>\n    second line\n\nAfter.\n",
        "Before.\n\n\t<script>alert(1)</script>\n\nAfter.\n",
        "Before.\n\n  ```\n  <script>alert(1)</script>\n  ```\n\nAfter.\n",
        "Before.\n\n~~~~html\n<script>alert(1)</script>\n~~~~\n",
        "Before.\n\n~~~\n<script>alert(1)</script>\n",
    ])
    func codeIsEscapedNotPassedThroughAsMarkup(prose: String) throws {
        let html = NotebookMarkdown.html(prose)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(html)")
        #expect(!html.contains("<script"))
        #expect(html.contains("<p>Before.</p>"))
        #expect(SelfContainedHTML.problem(in: html) == nil)
    }

    @Test func indentedLinesKeepTheirRelativeIndentationAndBlankLinesInside() {
        let text = ProseCodeBlocks.normalized("Intro.\n\n    if x:\n        y\n\n    z\n\nEnd.")
        #expect(text == "Intro.\n\n```\nif x:\n    y\n\nz\n```\n\nEnd.")
    }

    @Test func aFenceIsLongerThanAnyBacktickRunOpeningALineInside() {
        let text = ProseCodeBlocks.normalized("~~~markdown\n```sql\nSELECT 1;\n```\n~~~")
        #expect(text == "````markdown\n```sql\nSELECT 1;\n```\n````")
        #expect(NotebookMarkdown.html("~~~markdown\n```sql\nSELECT 1;\n```\n~~~").contains("```sql\nSELECT 1;\n```"))
    }

    @Test func anInfoStringThatIsNotALanguageNameIsDropped() {
        #expect(ProseCodeBlocks.normalized("~~~ \"><b>x\n1\n~~~") == "```\n1\n```")
    }

    @Test(arguments: [
        // An indented line continuing a paragraph, or a list item's continuation, is not code.
        "A paragraph\n    still the paragraph.",
        "- item\n\n    more of the item.",
        "1. item\n\n    more of the item.",
        "Plain text with no code.",
    ])
    func textThatIsNotCodeIsLeftAsWritten(prose: String) {
        #expect(ProseCodeBlocks.normalized(prose) == prose)
    }

    @Test func afterAListEndsIndentedTextIsCodeAgain() {
        let text = ProseCodeBlocks.normalized("- item\n\nA paragraph.\n\n    code")
        #expect(text == "- item\n\nA paragraph.\n\n```\ncode\n```")
    }

    @Test func proseWithScriptInCodeBlocksPassesTheSelfContainedCheck() throws {
        let notebook = try NotebookTesting.parse(
            "Intro.\n\n    <script src=\"http://x\"></script>\n\n~~~\n<iframe>\n~~~\n", name: "p.md")
        try SelfContainedHTML.check(notebook)
    }
}
