/// Type names as written: `BIGINT`, `varchar(20)`, `DECIMAL(10, 2)`, `DOUBLE PRECISION`.
extension Parser {
    mutating func parseTypeName() throws(SyntaxError) -> TypeName {
        let first = current
        switch first.kind {
        case .identifier, .quotedIdentifier, .keyword: advance()
        default: throw unexpected(expected: "a type name")
        }
        var name = first.text
        if first.text.uppercased() == "DOUBLE", current.kind == .identifier, current.text.uppercased() == "PRECISION" {
            name += " " + advance().text
        }
        var parameters: [Int] = []
        if accept(.leftParen) {
            repeat {
                guard current.kind == .integer, let value = Int(current.text) else {
                    throw unexpected(expected: "an integer type parameter")
                }
                advance()
                parameters.append(value)
            } while accept(.comma)
            try expect(.rightParen)
        }
        return TypeName(name: name, parameters: parameters, range: SourceRange(first.range.lowerBound, previousEnd))
    }
}
