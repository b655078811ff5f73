/// An opening CommonMark code fence (three or more backticks or tildes, indented at most three spaces):
/// its character, length and info string.
struct Fence {
    let character: Character
    let length: Int
    /// The info string's first word (`sql`), and the rest (the cell options).
    let language: Substring
    let options: Substring

    init?(opening line: Substring) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        length = rest.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        let info = rest.dropFirst(length).drop { $0 == " " || $0 == "\t" }
        // A backtick fence's info string cannot hold a backtick (that would be inline code).
        if character == "`", info.contains("`") { return nil }
        self.character = character
        language = info.prefix { $0 != " " && $0 != "\t" }
        options = info.dropFirst(language.count)
    }

    func isClosed(by line: Substring) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == character }.count
        return run >= length && rest.dropFirst(run).trimmingBlanks().isEmpty
    }
}
