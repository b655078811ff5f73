/// A dot-command line split into its name and arguments: `.once 'my results.csv'` → `once`, `[my results.csv]`.
///
/// Arguments are separated by blanks; single or double quotes group a path with spaces (`''` inside
/// single quotes is one quote, as in SQL).
struct MetaCommandLine: Equatable {
    let name: String
    let arguments: [String]

    init(_ line: String) throws(Diagnostic) {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var characters = Array(line.dropFirst())[...]
        while let character = characters.popFirst() {
            if let open = quote {
                if character == open {
                    if open == "'", characters.first == "'" {
                        current.append("'")
                        characters.removeFirst()
                    } else {
                        quote = nil
                    }
                } else {
                    current.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil { throw Diagnostic(message: "unterminated quote in command \(line)") }
        if inWord { words.append(current) }
        guard let first = words.first, !first.isEmpty else {
            throw Diagnostic(message: "a command name must follow '.' (.help lists them)")
        }
        name = first
        arguments = Array(words.dropFirst())
    }
}
