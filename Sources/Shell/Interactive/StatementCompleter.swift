import Platform
import Foundation
import LineEditor
import QueryLanguage

/// Tab completion scoped to the statement being typed: a pure function of the text, the cursor and a
/// catalog snapshot (plus a folder lister for paths, so tests need no real files).
///
/// - keywords, functions and the columns of the tables the statement names (all tables' columns when it
///   names none yet); table and view names after `FROM`/`JOIN`; `alias.` and `table.` complete columns;
/// - dot-commands, their argument choices (modes, on/off), table names after `.schema`, and file paths
///   after `.load`, `.read`, `.output`, `.once`, inside `read_csv('` (any `read_…`) and after `FROM '`;
/// - inside other quotes, area names, regions and measure ids from the loaded data (those of the column
///   the string is compared with, when it is one of them);
/// - verbs as a statement's first word, and within a verb statement its names, clauses and choices
///   (`StatementCompleter+Verbs`).
struct StatementCompleter: Sendable {
    typealias FolderLister = @Sendable (_ folder: String) -> [(name: String, isDirectory: Bool)]
    let catalog: CompletionCatalog
    let listFolder: FolderLister

    init(catalog: CompletionCatalog, listFolder: @escaping FolderLister = StatementCompleter.listRealFolder) {
        self.catalog = catalog
        self.listFolder = listFolder
    }

    /// Keywords after which a table name comes.
    private static let relationKeywords: Set<String> = ["FROM", "JOIN", "INTO", "UPDATE", "TABLE", "DESCRIBE"]
    /// Keywords that start a clause (to tell `FROM a, |` from `SELECT a, |`).
    private static let clauseKeywords: Set<String> = [
        "SELECT", "FROM", "JOIN", "WHERE", "GROUP", "ORDER", "HAVING", "ON", "LIMIT", "SET", "VALUES", "USING",
        "QUALIFY",
    ]

    /// Candidates for the word that ends at `cursor` (a UTF-8 offset into `text`, the statement so far).
    func complete(_ text: String, cursor: Int) -> LineCompletion {
        let bytes = Array(text.utf8)
        let before = String(decoding: bytes[0..<min(max(cursor, 0), bytes.count)], as: UTF8.self)
        if let dot = before.utf8.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
            before.utf8[dot] == UInt8(ascii: ".")
        {
            return completeMetaCommand(before, dot: before.utf8.distance(from: before.utf8.startIndex, to: dot))
        }
        return completeSQL(before, whole: text)
    }

    // MARK: - Dot-commands

    private func completeMetaCommand(_ before: String, dot: Int) -> LineCompletion {
        let bytes = Array(before.utf8)
        guard let space = bytes[dot...].firstIndex(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        else {
            let typed = String(decoding: bytes[(dot + 1)...], as: UTF8.self).lowercased()
            let names = MetaCommand.all.flatMap { [$0.name] + $0.aliases }.filter { $0.hasPrefix(typed) }.map {
                "." + $0
            }
            return LineCompletion(wordStart: dot, candidates: names)
        }
        let name = String(decoding: bytes[(dot + 1)..<space], as: UTF8.self)
        guard let command = try? MetaCommand.lookup(name) else {
            return LineCompletion(wordStart: bytes.count, candidates: [])
        }
        // Arguments: blank-separated words; a quote opens a word that may hold blanks.
        var wordStart = bytes.count
        var completed = 0
        var index = space
        var quote: UInt8?
        var inWord = false
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
                if !inWord { wordStart = index + 1 }
                inWord = true
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                if inWord { completed += 1 }
                inWord = false
                wordStart = index + 1
            } else if !inWord {
                inWord = true
                wordStart = index
            }
            index += 1
        }
        if !inWord { wordStart = bytes.count }
        let typed = String(decoding: bytes[wordStart...], as: UTF8.self)
        if command.takesPath && completed == 0 { return completePath(typed, wordStart: wordStart) }
        if command.name == "load" && completed == 1 {
            return LineCompletion(wordStart: wordStart, candidates: matching(["AS"], typed))
        }
        if command.name == "schema" {
            return LineCompletion(wordStart: wordStart, candidates: matching(catalog.relations.map(\.name), typed))
        }
        if completed == 0 {
            return LineCompletion(wordStart: wordStart, candidates: matching(command.argumentChoices, typed))
        }
        return LineCompletion(wordStart: wordStart, candidates: [])
    }

    // MARK: - SQL

    private func completeSQL(_ before: String, whole: String) -> LineCompletion {
        let tokens = CompletionTokens(before)
        if let semicolon = tokens.tokens.last(where: { $0.kind == .symbol && $0.text == ";" }) {
            // Only the statement the cursor is in counts.
            let cut = semicolon.start + 1
            let rest = String(decoding: Array(whole.utf8)[cut...], as: UTF8.self)
            var answer = completeSQL(String(decoding: Array(before.utf8)[cut...], as: UTF8.self), whole: rest)
            answer.wordStart += cut
            return answer
        }
        let bytes = Array(before.utf8)
        switch tokens.position {
        case .comment:
            return LineCompletion(wordStart: bytes.count, candidates: [])
        case .string(let quote):
            let typed = String(decoding: bytes[(quote + 1)...], as: UTF8.self)
            let previous = tokens.tokens.suffix(2).map(\.text)
            if previous.count == 2, previous[1] == "(", previous[0].lowercased().hasPrefix("read_") {
                return completePath(typed, wordStart: quote + 1)
            }
            // `FROM 'book.xlsx'`: a quoted file path.
            if let last = previous.last?.lowercased(), last == "from" || last == "join" {
                return completePath(typed, wordStart: quote + 1)
            }
            return LineCompletion(
                wordStart: quote + 1, candidates: matching(values(comparedWith: tokens.tokens), typed))
        case .quotedName(let quote):
            let typed = String(decoding: bytes[(quote + 1)...], as: UTF8.self)
            let names = catalog.relations.map(\.name) + scopedColumns(whole)
            return LineCompletion(wordStart: quote + 1, candidates: matching(names, typed))
        case .code(let wordStart):
            let typed = String(decoding: bytes[wordStart...], as: UTF8.self)
            if let verbCompletion = completeVerbStatement(tokens, before: before, wordStart: wordStart) {
                return verbCompletion
            }
            if tokens.tokens.isEmpty, !typed.isEmpty {
                // A statement's first word: a verb or a keyword (never a column).
                let lower = typed == typed.lowercased()
                let keywords = matching(Keywords.all, typed).map { lower ? $0.lowercased() : $0 }
                return LineCompletion(wordStart: wordStart, candidates: unique(verbNames(matching: typed) + keywords))
            }
            if let dot = typed.lastIndex(of: ".") {
                let qualifier = String(typed[..<dot])
                let partial = String(typed[typed.index(after: dot)...])
                guard let relation = resolve(qualifier, in: whole), let columns = catalog.columns(of: relation) else {
                    return LineCompletion(wordStart: wordStart, candidates: [])
                }
                return LineCompletion(
                    wordStart: wordStart, candidates: matching(columns, partial).map { qualifier + "." + $0 })
            }
            if expectsRelation(tokens.tokens) {
                let names = catalog.relations.map(\.name) + catalog.tableFunctions
                return LineCompletion(wordStart: wordStart, candidates: matching(names, typed))
            }
            var candidates = matching(scopedColumns(whole), typed)
            if !typed.isEmpty {
                candidates += matching(catalog.functions, typed)
                let lower = typed == typed.lowercased()
                candidates += matching(Keywords.all, typed).map { lower ? $0.lowercased() : $0 }
            }
            return LineCompletion(wordStart: wordStart, candidates: unique(candidates))
        }
    }

    private func expectsRelation(_ tokens: [CompletionTokens.Token]) -> Bool {
        guard let last = tokens.last else { return false }
        if last.kind == .word { return Self.relationKeywords.contains(last.text.uppercased()) }
        guard last.text == "," else { return false }
        let clause = tokens.last { $0.kind == .word && Self.clauseKeywords.contains($0.text.uppercased()) }
        return clause?.text.uppercased() == "FROM"
    }

    /// Relations the whole statement names, with their aliases (`FROM scores s` → s → scores).
    private func namedRelations(_ statement: String) -> [(relation: String, alias: String?)] {
        let tokens = CompletionTokens(statement).allTokens
        var found: [(String, String?)] = []
        for (index, token) in tokens.enumerated() where token.kind == .word || token.kind == .quotedName {
            guard let relation = catalog.relations.first(where: { $0.name.lowercased() == token.text.lowercased() })
            else { continue }
            var aliasIndex = index + 1
            if aliasIndex < tokens.count, tokens[aliasIndex].text.uppercased() == "AS" { aliasIndex += 1 }
            var alias: String?
            if aliasIndex < tokens.count, tokens[aliasIndex].kind == .word, !Keywords.contains(tokens[aliasIndex].text),
                !tokens[aliasIndex].text.contains(".")
            {
                alias = tokens[aliasIndex].text
            }
            found.append((relation.name, alias))
        }
        return found
    }

    private func resolve(_ qualifier: String, in statement: String) -> String? {
        let wanted = qualifier.lowercased()
        for (relation, alias) in namedRelations(statement) where alias?.lowercased() == wanted { return relation }
        return catalog.relations.first { $0.name.lowercased() == wanted }?.name
    }

    private func scopedColumns(_ statement: String) -> [String] {
        let named = namedRelations(statement).map(\.relation)
        let relations = named.isEmpty ? catalog.relations.map(\.name) : named
        return unique(relations.flatMap { catalog.columns(of: $0) ?? [] })
    }

    /// Values of the column a string is compared with (`region = '`, `measure IN ('a', '`), else all of them.
    private func values(comparedWith tokens: [CompletionTokens.Token]) -> [String] {
        for token in tokens.reversed() {
            if token.kind == .symbol || token.kind == .string { continue }
            if token.kind == .word, ["IN", "NOT", "LIKE", "ILIKE"].contains(token.text.uppercased()) { continue }
            let column = (token.text.split(separator: ".").last.map(String.init) ?? token.text).lowercased()
            if let list = catalog.values[column] { return list }
            break
        }
        return unique(catalog.values.keys.sorted().flatMap { catalog.values[$0] ?? [] })
    }

    // MARK: - Paths

    private func completePath(_ typed: String, wordStart: Int) -> LineCompletion {
        let folderPart: String
        let base: String
        if let slash = typed.lastIndex(of: "/") {
            folderPart = String(typed[...slash])
            base = String(typed[typed.index(after: slash)...])
        } else {
            folderPart = ""
            base = typed
        }
        var folder = folderPart.isEmpty ? "." : folderPart
        if folder.hasPrefix("~") { folder = NSString(string: folder).expandingTildeInPath }
        let entries = listFolder(folder)
            .filter { $0.name.hasPrefix(base) && (base.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .sorted { $0.name < $1.name }
        let candidates = entries.map { folderPart + $0.name + ($0.isDirectory ? "/" : "") }
        let finished = entries.count == 1 && !entries[0].isDirectory
        return LineCompletion(wordStart: wordStart, candidates: candidates, appendsSpace: finished)
    }

    static func listRealFolder(_ folder: String) -> [(name: String, isDirectory: Bool)] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return [] }
        return names.map { name in
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: FilePaths.join(folder, name), isDirectory: &isDirectory)
            return (name, isDirectory.boolValue)
        }
    }

    // MARK: - Helpers

    /// Candidates starting with `typed`, ignoring case.
    private func matching(_ candidates: [String], _ typed: String) -> [String] {
        let prefix = typed.lowercased()
        return candidates.filter { $0.lowercased().hasPrefix(prefix) }
    }

    private func unique(_ candidates: [String]) -> [String] {
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }
}
