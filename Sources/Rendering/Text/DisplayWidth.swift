/// Width of text in terminal cells, measured per grapheme cluster, so columns line up for CJK,
/// combining marks and emoji as a terminal draws them.
///
/// Rules: an East Asian Wide or Fullwidth cluster, or an emoji shown as a picture, takes 2 cells; a
/// cluster made only of combining marks (Mn, Me), format characters (Cf, e.g. zero-width joiner) or
/// control characters (Cc) takes 0; everything else takes 1. Precomposed Welsh letters (`ŵ ŷ ô`) and
/// `o` + U+0302 are both 1. Control characters should be made visible first (see `VisibleText`); they
/// count 0 here because a terminal draws nothing for them.
public enum DisplayWidth {
    /// Cells taken by `text`.
    public static func of(_ text: some StringProtocol) -> Int {
        of(text, upTo: .max)
    }

    /// Cells taken by `text`, but stops counting once past `limit` (and returns a value above it), so
    /// measuring a megabyte cell for an 80-column terminal costs 80 characters, not a million.
    public static func of(_ text: some StringProtocol, upTo limit: Int) -> Int {
        if let ascii = printableASCIICount(text) { return ascii }
        var width = 0
        for character in text {
            width += of(character)
            if width > limit { return width }
        }
        return width
    }

    /// Cells taken by one grapheme cluster (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value >= 0x20 && first.value < 0x7F && character.utf8.count == 1 { return 1 }
        let properties = first.properties
        if isZeroWidth(first, properties) {
            // A cluster that starts with a mark or format character may still carry a visible scalar
            // (a stray combining mark before text); measure whatever follows.
            for scalar in scalars.dropFirst() where !isZeroWidth(scalar, scalar.properties) {
                return EastAsianWidth.isWide(scalar) || scalar.properties.isEmojiPresentation ? 2 : 1
            }
            return 0
        }
        if EastAsianWidth.isWide(first) || properties.isEmojiPresentation { return 2 }
        // A text-default emoji followed by VARIATION SELECTOR-16 is drawn as a picture.
        if properties.isEmoji && scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// The longest prefix of `text` that fits in `width` cells, with `ellipsis` appended when anything
    /// was cut. Never splits a grapheme cluster. A `width` too small for the ellipsis yields the ellipsis
    /// clipped to nothing, i.e. an empty string.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        if width <= 0 { return "" }
        let ellipsisWidth = of(ellipsis)
        let budget = width - ellipsisWidth
        // One pass: remember where the text must be cut for the ellipsis; stop once it is known not to fit.
        var used = 0
        var cut = text.startIndex
        for index in text.indices {
            used += of(text[index])
            if used > width { return ellipsisWidth > width ? "" : String(text[..<cut]) + ellipsis }
            if used <= budget { cut = text.index(after: index) }
        }
        return text
    }

    /// `text` padded with spaces to `width` cells; text already as wide or wider is returned as is.
    public static func pad(_ text: String, toWidth width: Int, alignment: Alignment) -> String {
        let gap = width - of(text)
        if gap <= 0 { return text }
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let before = gap / 2
            return String(repeating: " ", count: before) + text + String(repeating: " ", count: gap - before)
        }
    }

    /// Horizontal placement of text inside a wider cell.
    public enum Alignment: Sendable {
        case left, right, center
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar, _ properties: Unicode.Scalar.Properties) -> Bool {
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control: return true
        case .format: return scalar.value != 0xAD  // SOFT HYPHEN is drawn
        default:
            // Hangul medial vowels and final consonants join the preceding syllable block.
            return (0x1160...0x11FF).contains(scalar.value)
        }
    }

    /// The width when every byte is printable ASCII (the common case), else nil.
    private static func printableASCIICount(_ text: some StringProtocol) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }
}
