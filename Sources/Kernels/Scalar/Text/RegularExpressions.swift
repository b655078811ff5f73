import Columnar

/// `regexp_matches(s, pattern[, options])` and `regexp_replace(s, pattern, replacement[, options])`.
///
/// Patterns use Swift's regex syntax (close to RE2/PCRE for everyday use) matched by code point; options:
/// `i` ignores case, `g` (replace) replaces every match instead of the first. `\1`…`\9` in a replacement
/// insert a captured group, `\0` the whole match. Each distinct pattern compiles once per call.
enum RegularExpressions {
    static let functions: [ScalarFunction] = [matches, replace]

    static let matches = ScalarFunction(
        name: "regexp_matches", summary: "regexp_matches(s, pattern[, options]) — true when pattern matches part of s",
        overloads: [2, 3].map { count in
            ScalarOverload(parameterTypes: Array(repeating: .varchar, count: count), returnType: .boolean) {
                columns, rowCount throws(KernelError) in
                var cache = Cache()
                return try RowwiseKernel.map(columns, rowCount: rowCount, into: BooleanResults()) {
                    rows, row throws(KernelError) in
                    let options = count > 2 ? rows.string(2, row) : ""
                    let regex = try cache.regex(rows.string(1, row), options: options)
                    return rows.string(0, row).firstMatch(of: regex) != nil
                }
            }
        })

    static let replace = ScalarFunction(
        name: "regexp_replace",
        summary: "regexp_replace(s, pattern, replacement[, options]) — the first match (all with 'g') replaced",
        overloads: [3, 4].map { count in
            ScalarOverload(parameterTypes: Array(repeating: .varchar, count: count), returnType: .varchar) {
                columns, rowCount throws(KernelError) in
                var cache = Cache()
                return try RowwiseKernel.map(columns, rowCount: rowCount, into: VarcharResults()) {
                    rows, row throws(KernelError) in
                    let options = count > 3 ? rows.string(3, row) : ""
                    let regex = try cache.regex(rows.string(1, row), options: options)
                    return substitute(
                        in: rows.string(0, row), regex, rows.string(2, row), global: options.contains("g"))
                }
            }
        })

    /// Compiled patterns of one evaluation, keyed by pattern and options.
    struct Cache {
        private var compiled: [BinaryString: Regex<AnyRegexOutput>] = [:]

        mutating func regex(_ pattern: String, options: String) throws(KernelError) -> Regex<AnyRegexOutput> {
            let key = BinaryString(options + "\u{0}" + pattern)
            if let known = compiled[key] { return known }
            guard options.allSatisfy({ "gi".contains($0) }) else {
                throw KernelError(.invalidArgument, "regexp: unknown option in '\(options)' (expected g or i)")
            }
            var regex: Regex<AnyRegexOutput>
            do {
                regex = try Regex(pattern)
            } catch {
                throw KernelError(.invalidArgument, "regexp: invalid pattern '\(pattern)'")
            }
            regex = regex.matchingSemantics(.unicodeScalar)
            if options.contains("i") { regex = regex.ignoresCase() }
            compiled[key] = regex
            return regex
        }
    }

    static func substitute(in s: String, _ regex: Regex<AnyRegexOutput>, _ replacement: String, global: Bool) -> String
    {
        let found = global ? s.matches(of: regex) : s.firstMatch(of: regex).map { [$0] } ?? []
        guard !found.isEmpty else { return s }
        let scalars = s.unicodeScalars
        var out = String.UnicodeScalarView()
        var copied = scalars.startIndex
        for match in found {
            out.append(contentsOf: scalars[copied..<match.range.lowerBound])
            out.append(contentsOf: expand(replacement, match).unicodeScalars)
            copied = match.range.upperBound
        }
        out.append(contentsOf: scalars[copied...])
        return String(out)
    }

    /// The replacement with `\0`…`\9` filled in from the match; a backslash before anything else is literal.
    private static func expand(_ replacement: String, _ match: Regex<AnyRegexOutput>.Match) -> String {
        guard replacement.contains("\\") else { return replacement }
        var out = ""
        var scalars = replacement.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else { out.unicodeScalars.append(scalar); continue }
            guard let next = scalars.next() else { out += "\\"; break }
            if let digit = Int(String(next)), digit < match.output.count {
                if let group = match.output[digit].substring { out += group }
            } else {
                out.unicodeScalars.append(next)
            }
        }
        return out
    }
}
