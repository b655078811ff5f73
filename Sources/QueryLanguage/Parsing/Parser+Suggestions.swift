import Spelling

/// "Did you mean" hints for misspelt keywords, the commonest syntax error at a prompt.
extension Parser {
    /// Keywords that start a clause or a statement: the ones a typo most often turns into an alias.
    private static let suggestible: [Keyword] = [
        .select, .from, .where, .group, .by, .having, .qualify, .order, .limit, .offset, .join, .inner, .left,
        .right, .cross, .union, .except, .intersect, .with, .values, .create, .drop, .insert, .into, .copy,
        .describe, .show, .tables, .explain, .table, .view, .distinct,
    ]

    /// A hint when the token just before the current one is an identifier one edit away from a keyword
    /// (`SELECT a FORM t` reads `FORM` as an alias and fails at `t`).
    func misspeltKeywordHint(at tokenIndex: Int) -> String? {
        guard tokenIndex >= 0 && tokenIndex < tokens.count, tokens[tokenIndex].kind == .identifier else { return nil }
        let word = Array(tokens[tokenIndex].text.uppercased().utf8)
        guard word.count >= 3 else { return nil }
        for keyword in Parser.suggestible where Suggestions.editDistance(word, Array(keyword.rawValue.utf8)) == 1 {
            return "did you mean \(keyword.rawValue) instead of \"\(tokens[tokenIndex].text)\"?"
        }
        return nil
    }
}
