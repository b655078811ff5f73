import Inspection
import LineEditor

/// Completion of verb statements, derived from the verb table: verb names as a statement's first word,
/// then the verb's positional names unquoted (areas and measures, several words long: `profile Richmond
/// up|` → `Richmond upon Thames`), its clause words (`WITHIN`, `AS OF`) and a clause's choices
/// (`WITHIN r|` → `region`).
extension StatementCompleter {
    /// Verb names that start with `typed`, for a statement's first word.
    func verbNames(matching typed: String) -> [String] {
        let lower = typed == typed.lowercased()
        return Verb.all.map(\.name).filter { $0.hasPrefix(typed.lowercased()) }.map { lower ? $0 : $0.uppercased() }
    }

    /// The completion inside a statement that starts with a verb; nil when the first word is no verb.
    func completeVerbStatement(_ tokens: CompletionTokens, before: String, wordStart: Int) -> LineCompletion? {
        let all = tokens.tokens
        guard let first = all.first, first.kind == .word, let verb = Verb.named(first.text) else { return nil }
        let bytes = Array(before.utf8)
        // Where the positional item being typed starts: after the verb, a comma, or a clause's value.
        var itemStart = first.start + first.text.utf8.count
        var index = 1
        var awaiting: VerbClause?
        while index < all.count {
            let token = all[index]
            if awaiting != nil {
                // The clause's value: the next item starts after it.
                awaiting = nil
                itemStart = token.start + token.text.utf8.count
            } else if token.kind == .symbol && token.text == "," {
                itemStart = token.start + 1
            } else if let clause = clause(at: index, in: all, of: verb) {
                index += clause.keywords.count
                awaiting = clause
                itemStart = all[index - 1].start + all[index - 1].text.utf8.count
                continue
            }
            index += 1
        }
        let typedWord = String(decoding: bytes[min(wordStart, bytes.count)...], as: UTF8.self)
        if let clause = awaiting {
            guard case .choice(let choices) = clause.valueKind else {
                return LineCompletion(wordStart: wordStart, candidates: [])
            }
            return LineCompletion(
                wordStart: wordStart, candidates: choices.filter { $0.hasPrefix(typedWord.lowercased()) })
        }
        while itemStart < bytes.count, bytes[itemStart] == UInt8(ascii: " ") || bytes[itemStart] == UInt8(ascii: "\t") {
            itemStart += 1
        }
        let typedItem = String(decoding: bytes[min(itemStart, bytes.count)...], as: UTF8.self)
        var names: [String] = []
        if verb.positional.contains("AREA") { names += catalog.values["area"] ?? [] }
        if verb.positional.contains("MEASURE") { names += catalog.values["measure"] ?? [] }
        let items = Array(Set(names.filter { $0.lowercased().hasPrefix(typedItem.lowercased()) })).sorted()
        let clauses = verb.clauses.map { $0.keywords.joined(separator: " ") }
            .filter { !typedWord.isEmpty && $0.lowercased().hasPrefix(typedWord.lowercased()) }
        if wordStart == itemStart { return LineCompletion(wordStart: wordStart, candidates: items + clauses) }
        // Past the item's first word: a name of several words is replaced whole, from where the item
        // starts; when none fits, the word typed may open a clause (`compare Barnet AS|`).
        if !items.isEmpty { return LineCompletion(wordStart: itemStart, candidates: items) }
        return LineCompletion(wordStart: wordStart, candidates: clauses)
    }

    /// The clause of `verb` whose words start at token `index`, if any.
    private func clause(at index: Int, in tokens: [CompletionTokens.Token], of verb: Verb) -> VerbClause? {
        verb.clauses.first { clause in
            clause.keywords.enumerated().allSatisfy { offset, keyword in
                index + offset < tokens.count && tokens[index + offset].kind == .word
                    && tokens[index + offset].text.uppercased() == keyword
            }
        }
    }
}
