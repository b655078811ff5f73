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
        for keyword in Parser.suggestible where Parser.isOneEditApart(word, Array(keyword.rawValue.utf8)) {
            return "did you mean \(keyword.rawValue) instead of \"\(tokens[tokenIndex].text)\"?"
        }
        return nil
    }

    /// One insertion, deletion, substitution or swap of neighbours apart (and not equal).
    static func isOneEditApart(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b || abs(a.count - b.count) > 1 { return false }
        var i = 0
        while i < a.count && i < b.count && a[i] == b[i] { i += 1 }
        if a.count == b.count {
            if a[(i + 1)...] == b[(i + 1)...] { return true }
            return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
        }
        return a.count > b.count ? a[(i + 1)...] == b[i...] : a[i...] == b[(i + 1)...]
    }
}
