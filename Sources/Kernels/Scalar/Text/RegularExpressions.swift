import Columnar

/// `regexp_matches(s, pattern[, options])` and `regexp_replace(s, pattern, replacement[, options])`.
///
/// Patterns use RE2 syntax, as DuckDB's do (see `RegexParser`), matched by code point with a linear-time
/// automaton (`PikeVM`): no pattern can make a row take exponential time. Options: `i` ignores case,
/// `g` (replace) replaces every match instead of the first. `\1`…`\9` in a replacement insert a captured
/// group, `\0` the whole match. Each distinct pattern compiles once per call.
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
                    return try cache.withMachine(rows.string(0, row), pattern: rows.string(1, row), options: options) {
                        $0.matches()
                    }
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
                    let text = rows.string(0, row), replacement = rows.string(2, row)
                    return try cache.withMachine(text, pattern: rows.string(1, row), options: options) {
                        machine throws(KernelError) in
                        try checkGroups(in: replacement, groupCount: machine.captureCount)
                        return substitute(in: text, &machine, replacement, global: options.contains("g"))
                    }
                }
            }
        })

    /// Compiled patterns of one evaluation, keyed by pattern and options, with the machine that last ran
    /// each (its buffers are reused from row to row).
    struct Cache {
        private var compiled: [BinaryString: RegexProgram] = [:]
        private var machines: [BinaryString: PikeVM] = [:]
        private var lastKey: BinaryString?
        private var lastPattern: String?
        private var lastOptions: String?
        private var lastMachine: PikeVM?

        /// Runs `body` with the machine for this pattern and options, loaded with `text`.
        mutating func withMachine<R>(
            _ text: String, pattern: String, options: String, _ body: (inout PikeVM) throws(KernelError) -> R
        ) throws(KernelError) -> R {
            var machine: PikeVM
            // The usual case, a constant pattern: the same machine as for the previous row.
            if pattern == lastPattern, options == lastOptions, let last = lastMachine {
                machine = last
                lastMachine = nil
                machine.load(text)
                defer { lastMachine = machine }
                return try body(&machine)
            }
            let key = BinaryString(options + "\u{0}" + pattern)
            if key == lastKey, let last = lastMachine {
                machine = last
                lastMachine = nil  // keep one reference, so loading the text does not copy the buffers
            } else {
                if let lastKey, let lastMachine { machines[lastKey] = lastMachine }
                if let known = machines.removeValue(forKey: key) {
                    machine = known
                } else {
                    machine = PikeVM(try program(pattern, options: options))
                }
            }
            machine.load(text)
            defer {
                lastKey = key
                lastPattern = pattern
                lastOptions = options
                lastMachine = machine
            }
            return try body(&machine)
        }

        mutating func program(_ pattern: String, options: String) throws(KernelError) -> RegexProgram {
            let key = BinaryString(options + "\u{0}" + pattern)
            if let known = compiled[key] { return known }
            guard options.allSatisfy({ "gi".contains($0) }) else {
                throw KernelError(.invalidArgument, "regexp: unknown option in '\(options)' (expected g or i)")
            }
            let program = try RegexProgram(pattern: pattern, caseInsensitive: options.contains("i"))
            compiled[key] = program
            return program
        }
    }

    /// `s` with the first match (every match when `global`) replaced. As RE2's GlobalReplace, an empty
    /// match right where the previous match ended is skipped: `regexp_replace('abc', 'b*', '-', 'g')` is
    /// `-a-c-`.
    static func substitute(in s: String, _ machine: inout PikeVM, _ replacement: String, global: Bool) -> String {
        let text = machine.text
        var out = String.UnicodeScalarView()
        var copied = 0
        var position = 0
        var lastEnd = -1
        var count = 0
        func append(_ range: Range<Int>) {
            for i in range { out.append(Unicode.Scalar(text[i])!) }
        }
        while position <= text.count {
            guard let slots = machine.search(from: position, captures: true) else { break }
            let (start, end) = (slots[0], slots[1])
            if start == end && start == lastEnd {
                // Step over one scalar rather than match the same empty string again.
                if start < text.count { append(copied..<(start + 1)) } else { append(copied..<start) }
                copied = min(start + 1, text.count)
                position = start + 1
                continue
            }
            append(copied..<start)
            expand(replacement, slots, text: text, into: &out)
            copied = end
            position = end
            lastEnd = end
            count += 1
            if !global { break }
        }
        guard count > 0 else { return s }
        append(copied..<text.count)
        return String(out)
    }

    /// A replacement naming a group the pattern does not have (`\2` with one group) is an error, as in
    /// DuckDB (RE2 checks the rewrite); it was written out as the digit.
    static func checkGroups(in replacement: String, groupCount: Int) throws(KernelError) {
        guard replacement.utf8.contains(UInt8(ascii: "\\")) else { return }
        var scalars = replacement.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\", let next = scalars.next() else { continue }
            if next.value >= 48 && next.value <= 57, Int(next.value - 48) > groupCount {
                let groups = "\(groupCount) group\(groupCount == 1 ? "" : "s")"
                throw KernelError(
                    .invalidArgument,
                    "regexp_replace: the replacement refers to group \\\(next) but the pattern has \(groups)")
            }
        }
    }

    /// The replacement with `\0`…`\9` filled in from the match; a backslash before anything else is literal.
    private static func expand(
        _ replacement: String, _ slots: [Int], text: [UInt32], into out: inout String.UnicodeScalarView
    ) {
        var scalars = replacement.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else { out.append(scalar); continue }
            guard let next = scalars.next() else { out.append("\\"); break }
            if let digit = next.properties.numericType == .decimal ? Int(String(next)) : nil,
                2 * digit + 1 < slots.count
            {
                let (start, end) = (slots[2 * digit], slots[2 * digit + 1])
                if start >= 0 && end >= start {
                    for i in start..<end { out.append(Unicode.Scalar(text[i])!) }
                }
            } else {
                out.append(next)
            }
        }
    }
}
