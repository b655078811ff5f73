import Foundation
import Inspection
import Spelling

/// The short verb statements of the shell and batch files, rewritten to SQL before parsing:
/// `compare Harrow, Brent WITHIN region AS OF 2012-06-30;` is
/// `SELECT * FROM compare('Harrow', 'Brent', within := 'region', as_of := DATE '2012-06-30')`.
///
/// Positional items are separated by commas; a run of bare words is one item (`profile Richmond upon
/// Thames`), and a quoted name is one item (`deltas 'North Lincolnshire' RoH` has two). Clauses:
/// `AS OF date`, `WITHIN x`, `BY x`, `IN FRAMEWORK id`, `BINS n`, `WIDTH w`.
enum VerbStatement {
    /// The verbs' names, from the one table of verbs.
    static let verbs: Set<String> = Set(Verb.all.map(\.name))
    /// Longer first words are not verbs: no need to look further.
    private static let longestVerb = verbs.map(\.count).max() ?? 0

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The SQL for a verb statement; nil when `text` does not start with a verb (so it is SQL).
    static func rewrite(_ text: String) throws(Failure) -> String? {
        guard startsWithVerb(text) else { return nil }
        var tokens = try tokenize(text)
        if case .semicolon? = tokens.last { tokens.removeLast() }
        // `profile(` or `compare.x` would be SQL-ish; only a verb followed by words, strings or nothing.
        guard case .word(let first)? = tokens.first, let verb = Verb.named(first) else { return nil }
        var items: [String] = []
        var named: [(String, String)] = []
        var current: [String] = []
        var index = 1
        func flush() {
            if !current.isEmpty { items.append(current.joined(separator: " ")) }
            current = []
        }
        func word(at i: Int) -> String? {
            guard i < tokens.count else { return nil }
            switch tokens[i] {
            case .word(let w): return w
            case .string(let s): return s
            default: return nil
            }
        }
        /// The clause whose words start at `i` (`AS OF`, `WITHIN`), if any.
        func clause(at i: Int) -> VerbClause? {
            VerbClause.allCases.first { clause in
                clause.keywords.enumerated().allSatisfy { offset, keyword in
                    guard i + offset < tokens.count, case .word(let w) = tokens[i + offset] else { return false }
                    return w.uppercased() == keyword
                }
            }
        }
        while index < tokens.count {
            if let clause = clause(at: index) {
                flush()
                guard verb.clauses.contains(clause) else {
                    let accepted = verb.clauses.map { $0.keywords.joined(separator: " ") }
                    throw Failure(
                        description: "\(verb.name) takes no \(clause.keywords.joined(separator: " ")) clause"
                            + (accepted.isEmpty ? "" : " (it takes \(VerbClause.list(accepted, last: "and")))"))
                }
                let valueIndex = index + clause.keywords.count
                guard let value = word(at: valueIndex) else { throw Failure(description: clause.needsValue) }
                named.append((clause.optionName, try literal(value, for: clause)))
                index = valueIndex + 1
                continue
            }
            switch tokens[index] {
            case .word(let w): current.append(w)
            case .string(let s):
                flush()
                items.append(s)
            case .comma: flush()
            case .semicolon: throw Failure(description: "one verb statement at a time")
            }
            index += 1
        }
        flush()
        let arguments = items.map(quote) + named.map { "\($0.0) := \($0.1)" }
        return "SELECT * FROM \(verb.name)(\(arguments.joined(separator: ", ")))"
    }

    /// The clause's value as a SQL literal: `DATE '2012-06-30'`, `'region'`, `4`.
    private static func literal(_ value: String, for clause: VerbClause) throws(Failure) -> String {
        switch clause.valueKind {
        case .date: return "DATE " + quote(value)
        case .choice, .name: return quote(value)
        case .wholeNumber, .number:
            guard Double(value) != nil else { throw Failure(description: clause.needsValue) }
            return value
        }
    }

    /// A cheap look at the first word (after blanks and `--` comments), so ordinary SQL — however long —
    /// is not tokenised here.
    /// The verbs a statement that failed to parse may have meant (`compre Harrow;` → `compare`), judged
    /// by its first word.
    static func suggestions(forMisspelled text: String) -> [String] {
        let word = text.drop { $0.isWhitespace }.prefix { $0.isLetter }.lowercased()
        guard !word.isEmpty, !verbs.contains(word) else { return [] }
        return Suggestions.closest(to: word, among: verbs.sorted())
    }

    static func startsWithVerb(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        while let first = bytes.first {
            if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\n")
                || first == UInt8(ascii: "\r")
            {
                bytes.removeFirst()
            } else if first == UInt8(ascii: "-"), bytes.dropFirst().first == UInt8(ascii: "-") {
                while let b = bytes.first, b != UInt8(ascii: "\n") { bytes.removeFirst() }
            } else {
                break
            }
        }
        let word = bytes.prefix { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }
        guard word.count <= longestVerb else { return false }
        let next = bytes.dropFirst(word.count).first
        guard
            next == nil
                || !((UInt8(ascii: "a")...UInt8(ascii: "z")).contains(next! | 0x20) || next == UInt8(ascii: "_")
                    || next == UInt8(ascii: "("))
        else {
            return false
        }
        return verbs.contains(String(decoding: word, as: UTF8.self).lowercased())
    }

    private static func quote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }

    enum Token: Equatable {
        case word(String), string(String), comma, semicolon
    }

    static func tokenize(_ text: String) throws(Failure) -> [Token] {
        var tokens: [Token] = []
        var characters = Array(text)[...]
        while let c = characters.first {
            if c.isWhitespace {
                characters.removeFirst()
            } else if c == "," {
                tokens.append(.comma)
                characters.removeFirst()
            } else if c == ";" {
                tokens.append(.semicolon)
                characters.removeFirst()
            } else if c == "'" || c == "\"" {
                characters.removeFirst()
                var value = ""
                var closed = false
                while let d = characters.first {
                    characters.removeFirst()
                    if d == c {
                        if characters.first == c { value.append(c); characters.removeFirst(); continue }
                        closed = true
                        break
                    }
                    value.append(d)
                }
                guard closed else { throw Failure(description: "unterminated quoted name") }
                tokens.append(.string(value))
            } else if c == "-" && characters.dropFirst().first == "-" {
                while let d = characters.first, d != "\n" { characters.removeFirst() }
            } else {
                var value = ""
                while let d = characters.first, !d.isWhitespace, d != ",", d != ";", d != "'", d != "\"" {
                    value.append(d)
                    characters.removeFirst()
                }
                tokens.append(.word(value))
            }
        }
        return tokens
    }
}
