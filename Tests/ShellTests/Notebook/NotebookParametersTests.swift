import Testing
@testable import Shell

/// `{{name}}` placeholders: values from --param and front-matter defaults, quoting, and errors.
@Suite struct NotebookParametersTests {
    static let notebook = """
        ---
        title: "{{area}} pack"
        params:
          area: Harrow
          year: 2011
        ---
        About {{ area }} & <b>{{year}}</b>; {{ not a placeholder }} and {{}} stay.

        ```sql title="{{area}}, {{year}}"
        profile {{area|sql}};
        SELECT '{{area}}' AS a, {{year}} AS y;
        ```
        """

    func filled(_ parameters: [String]) throws -> Notebook {
        try NotebookTesting.parse(Self.notebook, parameters: parameters)
    }

    @Test func defaultsFillProseCellsTitlesAndFrontMatter() throws {
        let notebook = try filled([])
        #expect(notebook.frontMatter.title?.value == "Harrow pack")
        guard case .prose(let prose, line: 7) = notebook.blocks.first else { Issue.record("no prose"); return }
        #expect(
            notebook.proseValues.plain(prose) == "About Harrow & <b>2011</b>; {{ not a placeholder }} and {{}} stay.\n")
        #expect(notebook.cells[0].source == "profile 'Harrow';\nSELECT 'Harrow' AS a, 2011 AS y;")
        #expect(notebook.cells[0].options.title == "Harrow, 2011")
    }

    @Test func commandLineValuesWinAndAreQuotedForSQLAndEscapedInProse() throws {
        let notebook = try filled(["area=King's <Lynn> & West", "year=2024"])
        #expect(notebook.cells[0].source.hasPrefix("profile 'King''s <Lynn> & West';\n"))
        guard case .prose(let prose, _) = notebook.blocks[0] else { Issue.record("no prose"); return }
        #expect(notebook.proseValues.html(prose).hasPrefix("About King&#39;s &lt;Lynn&gt; &amp; West & <b>2024</b>;"))
        #expect(notebook.frontMatter.title?.value == "King's <Lynn> & West pack")
    }

    @Test func aValueMayHoldAnEqualsSign() throws {
        #expect(try NotebookParameters.parse(["area=a=b"]).map(\.value) == ["a=b"])
    }

    @Test func aMissingParameterNamesItselfAndTheLineItIsUsedOn() {
        let text = "# Pack\n\nNothing yet.\n\n```sql\nprofile {{area}};\n```\n"
        #expect {
            try NotebookTesting.parse(text, name: "pack.md")
        } throws: { error in
            let text = (error as? Diagnostic)?.formatted() ?? ""
            return text.hasPrefix("pack.md:6:9: error: parameter 'area' has no value (used as {{area}} on line 6)")
                && text.contains("--param area=VALUE")
        }
    }

    @Test func anUnknownParameterOnTheCommandLineIsAnErrorWithASuggestion() {
        #expect {
            try filled(["aera=Brent"])
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.message == "--param aera: example.md has no parameter aera (it has area, year)"
                && diagnostic?.suggestions == ["area"]
        }
    }

    @Test(arguments: ["area", "=Brent", "two words=x", "1st=x"])
    func malformedParamArguments(argument: String) {
        #expect(throws: Diagnostic.self) { try NotebookParameters.parse([argument]) }
    }

    @Test(arguments: [
        (["area="], "--param area= has no value: give one, --param area=VALUE"),
        (["area=a", "year=1", "area=b"], "--param area is given twice (area=a, then area=b)"),
    ])
    func anEmptyOrRepeatedParamIsAnError(arguments: [String], message: String) {
        #expect {
            try NotebookParameters.parse(arguments)
        } throws: { error in
            (error as? Diagnostic)?.message == message
        }
    }

    @Test func anUnknownFilterIsAnError() {
        #expect {
            try NotebookTesting.parse("Hello {{area|html}}\n", parameters: [])
        } throws: { error in
            (error as? Diagnostic)?.formatted().hasPrefix("example.md:1:7: error: unknown filter |html") == true
        }
    }

    @Test func aBackslashBeforeTheBracesWritesThePlaceholderItself() throws {
        let notebook = try NotebookTesting.parse(
            "Write \\{{area}} for the area.\n\n```sql\nSELECT '\\{{x}}' AS literal;\n```\n")
        #expect(notebook.blocks.first == .prose("Write {{area}} for the area.\n", line: 1))
        #expect(notebook.cells[0].source == "SELECT '{{x}}' AS literal;")
    }

    /// A value is text wherever it lands in prose: HTML-escaped once in text, code and links; in
    /// Markdown output, backslash-escaped in text and as written in code.
    @Test func proseValuesAreTextInEveryContext() throws {
        let notebook = try NotebookTesting.parse(
            "Name: {{area}}; quoted: {{area|sql}}; code: `{{area}}`; [link](https://x.test/?a={{area}}).\n\n    {{area}}\n",
            parameters: ["area=O'Brien </p><h1>*x*"])
        guard case .prose(let prose, _) = notebook.blocks[0] else { Issue.record("no prose"); return }
        let html = notebook.proseValues.html(NotebookMarkdown.html(prose))
        #expect(html.contains("Name: O&#39;Brien &lt;/p&gt;&lt;h1&gt;*x*; quoted: &#39;O&#39;&#39;Brien &lt;/p&gt;"))
        #expect(html.contains("<code>O&#39;Brien &lt;/p&gt;&lt;h1&gt;*x*</code>"))
        #expect(html.contains("href=\"https://x.test/?a=O&#39;Brien &lt;/p&gt;&lt;h1&gt;*x*\""))
        #expect(html.contains("<pre><code>O&#39;Brien &lt;/p&gt;&lt;h1&gt;*x*\n</code></pre>"))
        #expect(!html.contains("<h1>"))
        let markdown = notebook.proseValues.markdown(prose)
        #expect(markdown.hasPrefix("Name: O'Brien \\</p\\>\\<h1\\>\\*x\\*; quoted: 'O''Brien \\</p\\>"))
        #expect(markdown.contains("code: `O'Brien </p><h1>*x*`;"))
        #expect(markdown.hasSuffix("\n\n    O'Brien </p><h1>*x*"))
    }

    @Test func aLiteralPlaceholderSurvivesAQuotedFrontMatterValue() throws {
        let notebook = try NotebookTesting.parse(
            "---\ntitle: \"About \\{{area}}\"\nauthor: 'By \\{{who}}'\n---\nText.\n")
        #expect(notebook.frontMatter.title?.value == "About {{area}}")
        #expect(notebook.frontMatter.author?.value == "By {{who}}")
    }
}
