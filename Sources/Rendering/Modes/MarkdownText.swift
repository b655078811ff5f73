/// Text placed in Markdown so that it reads back as the same text, never as markup.
///
/// Backslash-escapes the characters that could start markup inline — `\` itself,
/// `` ` ``, `*`, `[`, `]`, `<`, `>`, `|` (a table cell's edge), `~` (strike-through) — `_` where it
/// could open or close emphasis (not inside a word: `inspection_id` stays as written), `&` where it
/// starts an entity (`&amp;`). Everything else is left alone, so ordinary text stays readable in the source.
public enum MarkdownText {
    /// - Parameter lineStart: the text begins a line, where a leading `#`, `+`, `-` or `=` would make a
    ///   heading, a list item or a rule; escaped too. (In a table cell they are plain text.)
    public static func escape(_ text: String, lineStart: Bool = false) -> String {
        let escapesFirst = lineStart && text.first.map { atStart.contains($0) } == true
        // Most cells (dates, negative numbers, names) hold nothing to escape: return them untouched.
        guard escapesFirst || text.contains(where: { needsLook.contains($0) }) else { return text }
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for (index, character) in characters.enumerated() {
            if escapes(character, at: index, in: characters) || (index == 0 && escapesFirst) {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }

    /// Characters that may need a backslash anywhere in the text (`_` and `&` only in some places).
    private static let needsLook: Set<Character> = always.union(["_", "&"])
    private static let always: Set<Character> = ["\\", "`", "*", "[", "]", "<", ">", "|", "~"]
    private static let atStart: Set<Character> = ["#", "+", "-", "="]

    private static func escapes(_ character: Character, at index: Int, in characters: [Character]) -> Bool {
        if always.contains(character) { return true }
        switch character {
        case "_":
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            return !(isWordCharacter(before) && isWordCharacter(after))
        case "&":
            return startsEntity(characters[(index + 1)...])
        default:
            return false
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// `amp;`, `#39;`, `#x27;`: what follows an `&` in an entity reference.
    private static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
        var length = 0
        for character in rest.prefix(32) {
            if character == ";" { return length > 0 }
            guard character.isASCII && (character.isLetter || character.isNumber || character == "#") else {
                return false
            }
            length += 1
        }
        return false
    }
}
