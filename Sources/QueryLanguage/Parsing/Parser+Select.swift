/// `SELECT` blocks: the select list and the clauses up to `QUALIFY`.
extension Parser {
    /// `SELECT [DISTINCT|ALL] items [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...] [QUALIFY ...]`, or
    /// DuckDB's FROM-first `FROM ... [SELECT items] [WHERE ...] ...` (no SELECT means `SELECT *`).
    mutating func parseSelect() throws(SyntaxError) -> Select {
        let start = current.range.lowerBound
        var from: [TableReference] = []
        let fromFirst = accept(.from)
        if fromFirst { from = try parseFromList() }
        var distinct = false
        var distinctOn: [Expression] = []
        var items: [SelectItem]
        if !fromFirst || current.isKeyword(.select) {
            try expect(.select)
            if accept(.distinct) {
                if accept(.on) {
                    try expect(.leftParen)
                    distinctOn = try parseExpressionList()
                    try expect(.rightParen)
                } else {
                    distinct = true
                }
            } else {
                _ = accept(.all)
            }
            items = [try parseSelectItem()]
            while accept(.comma) {
                // A trailing comma before FROM is allowed, as in DuckDB.
                if current.isKeyword(.from) { break }
                items.append(try parseSelectItem())
            }
        } else {
            items = [.wildcard(qualifier: nil, exclude: [], range: SourceRange(start, previousEnd))]
        }
        if !fromFirst && accept(.from) {
            from = try parseFromList()
        }
        var whereClause: Expression?
        if accept(.where) { whereClause = try parseExpression() }
        var groupBy: [Expression] = []
        var groupByAll = false
        if accept(.group) {
            try expect(.by)
            if accept(.all) {
                groupByAll = true
            } else {
                groupBy = try parseExpressionList()
            }
        }
        var having: Expression?
        if accept(.having) { having = try parseExpression() }
        var windows: [NamedWindow] = []
        if accept(.window) {
            repeat {
                let windowStart = current.range.lowerBound
                let name = try parseName("a name for the window")
                try expect(.as)
                let specification = try parseWindowSpecification()
                windows.append(
                    NamedWindow(name: name, specification: specification, range: SourceRange(windowStart, previousEnd)))
            } while accept(.comma)
        }
        var qualify: Expression?
        if accept(.qualify) { qualify = try parseExpression() }
        var select = Select(
            distinct: distinct, items: items, from: from, whereClause: whereClause, groupBy: groupBy,
            having: having, qualify: qualify, windows: windows, groupByAll: groupByAll,
            range: SourceRange(start, previousEnd))
        select.distinctOn = distinctOn
        return select
    }

    /// `*`, `t.*` (each with an optional `EXCLUDE`), or `expr [[AS] alias]`.
    private mutating func parseSelectItem() throws(SyntaxError) -> SelectItem {
        let start = current.range.lowerBound
        if accept(.star) {
            let exclude = try parseExclude()
            let replace = try parseReplace()
            return .wildcard(
                qualifier: nil, exclude: exclude, replace: replace, range: SourceRange(start, previousEnd))
        }
        if atName && peek().isSymbol(.dot) && peek(2).isSymbol(.star) {
            let qualifier = advance().text
            advance()
            advance()
            let exclude = try parseExclude()
            let replace = try parseReplace()
            return .wildcard(
                qualifier: qualifier, exclude: exclude, replace: replace, range: SourceRange(start, previousEnd))
        }
        let expression = try parseExpression()
        return .expression(expression, alias: try parseAlias())
    }

    /// `EXCLUDE (a, b)` or `EXCLUDE a`.
    private mutating func parseExclude() throws(SyntaxError) -> [String] {
        guard accept(.exclude) else { return [] }
        if current.isSymbol(.leftParen) { return try parseNameList() }
        return [try parseName("a column name")]
    }

    /// `REPLACE (expr AS a, ...)` (parentheses optional for one item, as DuckDB).
    private mutating func parseReplace() throws(SyntaxError) -> [WildcardReplacement] {
        guard accept(.replace) else { return [] }
        let parenthesised = accept(.leftParen)
        var replacements: [WildcardReplacement] = []
        repeat {
            let expression = try parseExpression()
            try expect(.as)
            replacements.append(WildcardReplacement(expression: expression, name: try parseName("a column name")))
        } while parenthesised && accept(.comma)
        if parenthesised { try expect(.rightParen) }
        return replacements
    }
}
