import Columnar

/// Parses RE2 syntax (the dialect of DuckDB's regexp functions) into a `RegexNode`.
///
/// Supported: literals and escapes (`\t \n \r \f \v \a \xhh \x{h…} \Q…\E`, escaped punctuation), `.`,
/// classes (`[a-z]`, `[^…]`, `[[:alpha:]]`, `\d \w \s` and their negations, `\pL \p{Lu} \PN`), anchors
/// (`^ $ \A \z \b \B`), groups (`(…)`, `(?:…)`, `(?P<name>…)`), flags (`(?i)`, `(?s)`, `(?m)`, `(?U)`,
/// `(?i:…)`), alternation, and the repetitions `* + ? {n} {n,} {n,m}` with a lazy `?` suffix (counts up
/// to 1000, as RE2). Backreferences and lookaround are refused, as RE2 refuses them: a pattern using
/// them cannot be matched in linear time.
struct RegexParser {
    struct Flags {
        var caseInsensitive = false
        var dotAll = false
        var multiLine = false
        var ungreedy = false
    }

    private let pattern: String
    private let scalars: [UInt32]
    private var index = 0
    private(set) var captureCount = 0
    static let maximumRepetition = 1000

    init(_ pattern: String) {
        self.pattern = pattern
        scalars = pattern.unicodeScalars.map(\.value)
    }

    /// The whole pattern as a node.
    mutating func parse(caseInsensitive: Bool) throws(KernelError) -> RegexNode {
        var flags = Flags()
        flags.caseInsensitive = caseInsensitive
        let node = try parseAlternation(&flags)
        if index < scalars.count { throw error("unmatched ')'") }
        return node
    }

    private func error(_ reason: String) -> KernelError {
        KernelError(.invalidArgument, "regexp: invalid pattern '\(pattern)': \(reason)")
    }

    private var atEnd: Bool { index >= scalars.count }
    private func peek(_ offset: Int = 0) -> UInt32? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }
    private static func ascii(_ c: Character) -> UInt32 { UInt32(c.asciiValue!) }

    private mutating func parseAlternation(_ flags: inout Flags) throws(KernelError) -> RegexNode {
        var branches = [try parseConcatenation(&flags)]
        while peek() == Self.ascii("|") {
            index += 1
            branches.append(try parseConcatenation(&flags))
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcatenation(_ flags: inout Flags) throws(KernelError) -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek(), c != Self.ascii("|"), c != Self.ascii(")") {
            if c == Self.ascii("("), peek(1) == Self.ascii("?"), try parseFlagsOnly(&flags) { continue }
            var atom = try parseAtom(flags)
            var quantified = false
            while let (min, max) = try parseQuantifier() {
                if quantified { throw error("bad repetition operator") }
                var greedy = true
                if peek() == Self.ascii("?") {
                    index += 1
                    greedy = false
                }
                if flags.ungreedy { greedy.toggle() }
                atom = .repetition(atom, min: min, max: max, greedy: greedy)
                quantified = true
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : items.isEmpty ? .empty : .concatenation(items)
    }

    /// `*`, `+`, `?` or a well-formed `{n}`, `{n,}`, `{n,m}` at the cursor (consumed); nil otherwise.
    private mutating func parseQuantifier() throws(KernelError) -> (Int, Int?)? {
        guard let c = peek() else { return nil }
        switch c {
        case Self.ascii("*"): index += 1; return (0, nil)
        case Self.ascii("+"): index += 1; return (1, nil)
        case Self.ascii("?"): index += 1; return (0, 1)
        case Self.ascii("{"):
            guard let (min, max, length) = countedRepetition(at: index) else { return nil }
            if min > Self.maximumRepetition || (max ?? 0) > Self.maximumRepetition || (max.map { $0 < min } ?? false) {
                throw error("invalid repetition size")
            }
            index += length
            return (min, max)
        default: return nil
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` starting at `start`: the bounds and the length; nil when it is not one
    /// (then `{` is a literal, as in RE2).
    private func countedRepetition(at start: Int) -> (Int, Int?, Int)? {
        var i = start + 1
        func number() -> Int? {
            var value = 0, digits = 0
            while i < scalars.count, scalars[i] >= 48, scalars[i] <= 57 {
                value = min(value * 10 + Int(scalars[i] - 48), 100_000)
                digits += 1
                i += 1
            }
            return digits > 0 ? value : nil
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if i < scalars.count, scalars[i] == Self.ascii(",") {
            i += 1
            high = number()
        }
        guard i < scalars.count, scalars[i] == Self.ascii("}") else { return nil }
        return (low, high, i + 1 - start)
    }

    /// `(?flags)` alone: applies to the rest of the enclosing group. False (nothing consumed) when the
    /// group is something else, such as `(?:…)` or `(?i:…)`.
    private mutating func parseFlagsOnly(_ flags: inout Flags) throws(KernelError) -> Bool {
        var i = index + 2
        var updated = flags
        var negate = false
        while i < scalars.count {
            switch scalars[i] {
            case Self.ascii(")"):
                guard i > index + 2 else { throw error("missing flags in (?)") }
                index = i + 1
                flags = updated
                return true
            case Self.ascii("-"): negate = true
            case Self.ascii("i"): updated.caseInsensitive = !negate
            case Self.ascii("s"): updated.dotAll = !negate
            case Self.ascii("m"): updated.multiLine = !negate
            case Self.ascii("U"): updated.ungreedy = !negate
            default: return false
            }
            i += 1
        }
        return false
    }

    private mutating func parseAtom(_ flags: Flags) throws(KernelError) -> RegexNode {
        let c = scalars[index]
        index += 1
        switch c {
        case Self.ascii("("): return try parseGroup(flags)
        case Self.ascii("["): return .set(try parseClass(flags))
        case Self.ascii("."):
            var set = flags.dotAll ? RegexScalarSet(0...0x10FFFF) : RegexScalarSet(0...9)
            if !flags.dotAll { set.add(11...0x10FFFF) }
            return .set(set)
        case Self.ascii("^"): return .assertion(flags.multiLine ? .lineStart : .textStart)
        case Self.ascii("$"): return .assertion(flags.multiLine ? .lineEnd : .textEnd)
        case Self.ascii("\\"): return try parseEscape(flags)
        case Self.ascii("*"), Self.ascii("+"), Self.ascii("?"):
            throw error("no argument for repetition operator")
        case Self.ascii("{") where countedRepetition(at: index - 1) != nil:
            throw error("no argument for repetition operator")
        default: return literal(c, flags)
        }
    }

    private func literal(_ c: UInt32, _ flags: Flags) -> RegexNode {
        var set = RegexScalarSet(c...c)
        set.caseInsensitive = flags.caseInsensitive && RegexCaseFolding.variants(of: c).count > 1
        return .set(set)
    }

    private mutating func parseGroup(_ outer: Flags) throws(KernelError) -> RegexNode {
        var flags = outer
        var capture: Int?
        if peek() == Self.ascii("?") {
            index += 1
            if peek() == Self.ascii("P"), peek(1) == Self.ascii("<") {
                index += 2
                let nameStart = index
                while let c = peek(), c != Self.ascii(">") { index += 1 }
                guard !atEnd, index > nameStart else { throw error("invalid named capture group") }
                index += 1
                captureCount += 1
                capture = captureCount
            } else {
                var negate = false
                loop: while let c = peek() {
                    index += 1
                    switch c {
                    case Self.ascii(":"): break loop
                    case Self.ascii("-"): negate = true
                    case Self.ascii("i"): flags.caseInsensitive = !negate
                    case Self.ascii("s"): flags.dotAll = !negate
                    case Self.ascii("m"): flags.multiLine = !negate
                    case Self.ascii("U"): flags.ungreedy = !negate
                    default:
                        let text = Unicode.Scalar(c).map(String.init) ?? ""
                        throw error(
                            "unsupported group '(?\(text)' (lookaround and backreferences are not supported)")
                    }
                }
            }
        } else {
            captureCount += 1
            capture = captureCount
        }
        let inner = try parseAlternation(&flags)
        guard peek() == Self.ascii(")") else { throw error("missing )") }
        index += 1
        return .group(inner, capture: capture)
    }

    private mutating func parseEscape(_ flags: Flags) throws(KernelError) -> RegexNode {
        guard let c = peek() else { throw error("trailing backslash") }
        index += 1
        switch c {
        case Self.ascii("d"): return .set(.digits)
        case Self.ascii("D"): return .set(RegexScalarSet.digits.inverted())
        case Self.ascii("w"): return .set(.word)
        case Self.ascii("W"): return .set(RegexScalarSet.word.inverted())
        case Self.ascii("s"): return .set(.space)
        case Self.ascii("S"): return .set(RegexScalarSet.space.inverted())
        case Self.ascii("b"): return .assertion(.wordBoundary)
        case Self.ascii("B"): return .assertion(.notWordBoundary)
        case Self.ascii("A"): return .assertion(.textStart)
        case Self.ascii("z"): return .assertion(.textEnd)
        case Self.ascii("p"), Self.ascii("P"):
            var set = try parseCategory(negated: c == Self.ascii("P"))
            set.caseInsensitive = flags.caseInsensitive
            return .set(set)
        case Self.ascii("Q"):
            var items: [RegexNode] = []
            while let q = peek() {
                if q == Self.ascii("\\"), peek(1) == Self.ascii("E") {
                    index += 2
                    break
                }
                items.append(literal(q, flags))
                index += 1
            }
            return items.count == 1 ? items[0] : .concatenation(items)
        default:
            return literal(try escapedScalar(c), flags)
        }
    }

    /// The scalar an escape other than a class or an assertion stands for (`\t`, `\x41`, `\.`).
    private mutating func escapedScalar(_ c: UInt32) throws(KernelError) -> UInt32 {
        switch c {
        case Self.ascii("t"): return 9
        case Self.ascii("n"): return 10
        case Self.ascii("v"): return 11
        case Self.ascii("f"): return 12
        case Self.ascii("r"): return 13
        case Self.ascii("a"): return 7
        case Self.ascii("x"): return try parseHex()
        case 49...57: throw error("backreferences (\\\(c - 48)) are not supported")
        case 48...57, 65...90, 97...122:
            throw error("invalid escape sequence \\\(Unicode.Scalar(c).map(String.init) ?? "")")
        default: return c  // escaped punctuation (or any other symbol) stands for itself
        }
    }

    private mutating func parseHex() throws(KernelError) -> UInt32 {
        func digit(_ c: UInt32?) -> UInt32? {
            guard let c else { return nil }
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        var value: UInt32 = 0
        if peek() == Self.ascii("{") {
            index += 1
            var digits = 0
            while let d = digit(peek()) {
                value = value &* 16 &+ d
                digits += 1
                index += 1
                if digits > 6 { throw error("invalid \\x escape") }
            }
            guard digits > 0, peek() == Self.ascii("}") else { throw error("invalid \\x escape") }
            index += 1
        } else {
            guard let high = digit(peek()), let low = digit(peek(1)) else { throw error("invalid \\x escape") }
            index += 2
            value = high * 16 + low
        }
        guard value <= 0x10FFFF else { throw error("invalid \\x escape") }
        return value
    }

    /// `\pL`, `\p{Lu}`, `\p{^L}` (after the `p`/`P`).
    private mutating func parseCategory(negated: Bool) throws(KernelError) -> RegexScalarSet {
        var name = ""
        var negate = negated
        if peek() == Self.ascii("{") {
            index += 1
            if peek() == Self.ascii("^") {
                negate.toggle()
                index += 1
            }
            while let c = peek(), c != Self.ascii("}") {
                name.unicodeScalars.append(Unicode.Scalar(c) ?? "?")
                index += 1
            }
            guard !atEnd else { throw error("missing '}' in \\p{...}") }
            index += 1
        } else if let c = peek() {
            name.unicodeScalars.append(Unicode.Scalar(c) ?? "?")
            index += 1
        }
        if name == "Any" { return RegexScalarSet(0...0x10FFFF).invertedIf(negate) }
        guard let kinds = RegexScalarSet.category(name) else {
            throw error("unknown Unicode class \\p{\(name)} (general categories such as L, Lu, N, P are supported)")
        }
        var set = RegexScalarSet()
        set.categories = [(kinds, negate)]
        return set
    }

    /// After `[`: the class up to its `]`.
    private mutating func parseClass(_ flags: Flags) throws(KernelError) -> RegexScalarSet {
        var set = RegexScalarSet()
        if peek() == Self.ascii("^") {
            set.negated = true
            index += 1
        }
        var first = true
        while true {
            guard let c = peek() else { throw error("missing ]") }
            if c == Self.ascii("]") && !first { index += 1; break }
            first = false
            if c == Self.ascii("["), peek(1) == Self.ascii(":") {
                if let (posix, length) = posixClass(at: index) {
                    set.add(posix)
                    index += length
                    continue
                }
            }
            index += 1
            var low = c
            if c == Self.ascii("\\") {
                guard let e = peek() else { throw error("missing ]") }
                index += 1
                switch e {
                case Self.ascii("d"): set.add(.digits); continue
                case Self.ascii("D"): set.add(RegexScalarSet.digits.inverted()); continue
                case Self.ascii("w"): set.add(.word); continue
                case Self.ascii("W"): set.add(RegexScalarSet.word.inverted()); continue
                case Self.ascii("s"): set.add(.space); continue
                case Self.ascii("S"): set.add(RegexScalarSet.space.inverted()); continue
                case Self.ascii("p"), Self.ascii("P"):
                    set.add(try parseCategory(negated: e == Self.ascii("P")))
                    continue
                default: low = try escapedScalar(e)
                }
            }
            // A range `a-z` (a `-` before `]` is literal).
            if peek() == Self.ascii("-"), let after = peek(1), after != Self.ascii("]") {
                index += 1
                var high = after
                index += 1
                if after == Self.ascii("\\") {
                    guard let e = peek() else { throw error("missing ]") }
                    index += 1
                    high = try escapedScalar(e)
                }
                guard low <= high else { throw error("invalid character class range") }
                set.add(low...high)
            } else {
                set.add(low...low)
            }
        }
        set.normalize()
        set.caseInsensitive = flags.caseInsensitive
        return set
    }

    /// `[:name:]` or `[:^name:]` at `start`, and its length.
    private func posixClass(at start: Int) -> (RegexScalarSet, Int)? {
        var i = start + 2
        var negate = false
        if i < scalars.count, scalars[i] == Self.ascii("^") {
            negate = true
            i += 1
        }
        var name = ""
        while i < scalars.count, scalars[i] != Self.ascii(":") {
            name.unicodeScalars.append(Unicode.Scalar(scalars[i]) ?? "?")
            i += 1
        }
        guard i + 1 < scalars.count, scalars[i + 1] == Self.ascii("]"), var set = RegexScalarSet.posix(name) else {
            return nil
        }
        set.normalize()
        return (negate ? set.inverted() : set, i + 2 - start)
    }
}

extension RegexScalarSet {
    func invertedIf(_ condition: Bool) -> RegexScalarSet { condition ? inverted() : self }
}
