import Testing

@testable import Rendering

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("hello", 5),
        ("", 0),
        ("Ynys Môn", 8),  // precomposed ô
        ("Ynys Mo\u{302}n", 8),  // o + COMBINING CIRCUMFLEX
        ("ŵŷô", 3),
        ("e\u{301}", 1),
        ("東京", 4),
        ("ひらがな", 8),
        ("カタカナ", 8),
        ("한국어", 6),
        ("ＡＢ", 4),  // fullwidth Latin
        ("\u{3000}", 2),  // ideographic space
        ("👍", 2),
        ("👨\u{200D}👩\u{200D}👧", 2),  // ZWJ family is one cluster
        ("🇬🇧", 2),
        ("\u{2764}\u{FE0F}", 2),  // heart as emoji
        ("\u{2764}", 1),  // heart as text
        ("\u{200D}", 0),
        ("\u{7}", 0),
        ("a\u{0}b", 2),
    ])
    func widthCountsTerminalCells(text: String, cells: Int) {
        #expect(DisplayWidth.of(text) == cells)
    }

    @Test(arguments: [
        ("Ynys Môn", 5, "Ynys…"),
        ("Ynys Môn", 8, "Ynys Môn"),
        ("Ynys Môn", 7, "Ynys M…"),
        ("東京都", 4, "東…"),
        ("東京都", 5, "東京…"),
        ("東京都", 6, "東京都"),
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
        ("abc", 1, "…"),
        ("abc", 0, ""),
    ])
    func truncationKeepsWholeGraphemesWithinWidth(text: String, width: Int, expected: String) {
        let result = DisplayWidth.truncate(text, toWidth: width)
        #expect(result.unicodeScalars.elementsEqual(expected.unicodeScalars))
        #expect(DisplayWidth.of(result) <= width)
    }

    @Test func paddingUsesDisplayWidth() {
        #expect(DisplayWidth.pad("東", toWidth: 4, alignment: .left) == "東  ")
        #expect(DisplayWidth.pad("東", toWidth: 4, alignment: .right) == "  東")
        #expect(DisplayWidth.pad("ô", toWidth: 4, alignment: .center) == " ô  ")
        #expect(DisplayWidth.pad("toolong", toWidth: 3, alignment: .left) == "toolong")
    }

    @Test(arguments: [
        ("line\nbreak", "line\\nbreak"),
        ("tab\there", "tab\\there"),
        ("\u{1B}[31mred", "\\x1B[31mred"),
        ("bidi\u{202E}txt", "bidi\\u{202E}txt"),
        ("c1\u{85}", "c1\\u{0085}"),
        ("plain Môn 東京", "plain Môn 東京"),
    ])
    func controlCharactersAreMadeVisible(text: String, expected: String) {
        #expect(VisibleText.escape(text) == expected)
    }
}
