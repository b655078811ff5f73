import Testing

@testable import QueryLanguage

@Suite struct LexerTests {
    private func kinds(_ text: String) throws -> [Token.Kind] {
        try Lexer.tokenize(text).map(\.kind).dropLast()
    }

    @Test(arguments: Symbol.allCases)
    func lexesEverySymbol(symbol: Symbol) throws {
        let tokens = try Lexer.tokenize("a \(symbol.rawValue) b")
        #expect(tokens.map(\.kind) == [.identifier, .symbol(symbol), .identifier, .endOfInput])
        #expect(tokens[1].range == SourceRange(2, 2 + symbol.rawValue.utf8.count))
    }

    @Test func prefersTheLongestOperator() throws {
        #expect(
            try kinds("a<=b<>c::d:=e//f||g") == [
                .identifier, .symbol(.lessOrEqual), .identifier, .symbol(.notEqual), .identifier,
                .symbol(.doubleColon), .identifier, .symbol(.colonEqual), .identifier, .symbol(.doubleSlash),
                .identifier, .symbol(.concat), .identifier,
            ])
    }

    @Test(arguments: ["select", "SELECT", "Select", "sElEcT"])
    func matchesKeywordsInAnyCase(word: String) throws {
        let token = try #require(try Lexer.tokenize(word).first)
        #expect(token.kind == .keyword(.select))
        #expect(token.text == word)
    }

    @Test(arguments: ["selects", "_select", "select1", "sélect", "region", "year", "published"])
    func otherWordsAreIdentifiers(word: String) throws {
        let token = try #require(try Lexer.tokenize(word).first)
        #expect(token.kind == .identifier)
        #expect(token.text == word)
    }

    @Test(arguments: [
        ("0", Token.Kind.integer), ("42", .integer), ("4.5", .decimal), (".5", .decimal), ("5.", .decimal),
        ("1e10", .decimal), ("1E+3", .decimal), ("2.5e-3", .decimal),
    ])
    func lexesNumbers(text: String, kind: Token.Kind) throws {
        let tokens = try Lexer.tokenize(text)
        #expect(tokens.count == 2)
        #expect(tokens[0].kind == kind)
        #expect(tokens[0].text == text)
    }

    @Test func unescapesDoubledQuotes() throws {
        let tokens = try Lexer.tokenize("'it''s' \"say \"\"hi\"\"\"")
        #expect(tokens[0].kind == .string)
        #expect(tokens[0].text == "it's")
        #expect(tokens[1].kind == .quotedIdentifier)
        #expect(tokens[1].text == "say \"hi\"")
    }

    @Test func stringsMaySpanLines() throws {
        let tokens = try Lexer.tokenize("'a\nb'")
        #expect(tokens[0].text == "a\nb")
    }

    @Test func skipsComments() throws {
        #expect(
            try kinds("a -- comment\n b /* block\n comment */ c -- end") == [.identifier, .identifier, .identifier])
        #expect(try kinds("a /* outer /* inner */ still comment */ b") == [.identifier, .identifier])
        #expect(try kinds("1-2") == [.integer, .symbol(.minus), .integer])
        #expect(try kinds("1--2") == [.integer])
    }

    @Test func rangesAreUTF8ByteOffsets() throws {
        let tokens = try Lexer.tokenize("'é' ü \"ß\"")
        #expect(tokens.map(\.range) == [SourceRange(0, 4), SourceRange(5, 7), SourceRange(8, 12), SourceRange(12, 12)])
    }

    @Test func treatsByteOrderMarkNoBreakSpaceAndCRLFAsWhiteSpace() throws {
        #expect(try kinds("\u{FEFF}SELECT\u{00A0}1\r\n;") == [.keyword(.select), .integer, .symbol(.semicolon)])
        #expect(try kinds("1\u{00A0}+\u{00A0}x") == [.integer, .symbol(.plus), .identifier])
    }

    @Test func unknownCharactersBecomeInvalidTokens() throws {
        let tokens = try Lexer.tokenize("a ? b")
        #expect(tokens[1].kind == .invalid)
        #expect(tokens[1].text == "?")
    }

    @Test func keywordTableIsPublicAndSorted() {
        #expect(Keywords.all.contains("SELECT"))
        #expect(Keywords.all.contains("QUALIFY"))
        #expect(Keywords.all == Keywords.all.sorted())
        #expect(Keywords.all.count == Keyword.allCases.count)
        #expect(Keywords.contains("select"))
        #expect(!Keywords.contains("region"))
        #expect(Keywords.reserved.contains("FROM"))
        #expect(!Keywords.reserved.contains("DATE"))
    }

    @Test func everyKeywordIsLexedAsItself() throws {
        for keyword in Keyword.allCases {
            let tokens = try Lexer.tokenize(keyword.rawValue.lowercased())
            #expect(tokens[0].kind == .keyword(keyword))
        }
    }
}
