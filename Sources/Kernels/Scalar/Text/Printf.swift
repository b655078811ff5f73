import Columnar

import Platform

/// `printf(format, ...)` and `format(format, ...)`: numbers and text written into a pattern, as in
/// DuckDB (`printf('%.1f%%', score)` → `45.2%`). NULL when any argument is NULL.
///
/// `printf` takes C's conversions with flags (`-+ 0#`), width and precision: `%d %i %x %X %o %c` for
/// BIGINT, `%f %F %e %E %g %G` for DOUBLE, `%s` for text, dates and booleans, `%%` for a percent sign. As in
/// DuckDB a conversion of the wrong type (`%d` of a DOUBLE) is an error, not a silent cast. `format` takes
/// `{}` placeholders, each the next argument in its canonical text.
enum Printf {
    static let functions: [ScalarFunction] = [printf, format]

    static let printf = ScalarFunction(
        name: "printf",
        summary: "printf(format, ...) — C-style formatting: %d %x %f %e %g %s %%, flags, width, precision"
    ) { arguments in
        overload(arguments, "printf") { pattern, values throws(KernelError) in
            try render(pattern, values)
        }
    }

    static let format = ScalarFunction(
        name: "format", summary: "format(format, ...) — each {} replaced by the next argument's text"
    ) { arguments in
        overload(arguments, "format") { pattern, values throws(KernelError) in
            try placeholders(pattern, values)
        }
    }

    private static func overload(
        _ arguments: [DataType?], _ name: String,
        _ body: @escaping @Sendable (String, [Value]) throws(KernelError) -> String
    ) -> ScalarOverload? {
        guard let first = arguments.first, first == nil || first == .varchar else { return nil }
        let types = [DataType.varchar] + arguments.dropFirst().map { $0 ?? .varchar }
        return Rowwise.overload(types, VarcharResults.self) { rows, row throws(KernelError) in
            // Boxed values: formatted text is short, and a Value carries its type for the checks.
            let values = (1..<types.count).map { rows.columns[$0][row] }
            return try body(rows.string(0, row), values)
        }
    }

    /// Widths and precisions beyond this are refused: `%999999999d` would be a gigabyte of spaces.
    static let maximumWidth = 10_000

    /// `printf`'s pattern with the arguments written in.
    static func render(_ pattern: String, _ arguments: [Value]) throws(KernelError) -> String {
        var output = ""
        var rest = pattern[...]
        var next = 0
        while let percent = rest.firstIndex(of: "%") {
            output += rest[..<percent]
            rest = rest[rest.index(after: percent)...]
            if rest.first == "%" {
                output += "%"
                rest = rest.dropFirst()
                continue
            }
            let flags = rest.prefix { "-+ 0#".contains($0) }
            rest = rest.dropFirst(flags.count)
            let width = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(width.count)
            var precision: String?
            if rest.first == "." {
                rest = rest.dropFirst()
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                rest = rest.dropFirst(digits.count)
                precision = String(digits)
            }
            guard (Int(width) ?? 0) <= maximumWidth, (precision.flatMap { Int($0) } ?? 0) <= maximumWidth,
                width.count < 9, (precision?.count ?? 0) < 9
            else {
                throw KernelError(
                    .invalidArgument, "printf: a width or precision over \(maximumWidth) ('%\(flags)\(width)...')")
            }
            guard let conversion = rest.popFirst() else {
                throw KernelError(.invalidArgument, "printf: the format ends inside a conversion ('%\(flags)\(width)')")
            }
            guard next < arguments.count else {
                throw KernelError(
                    .invalidArgument, "printf: the format has more conversions than arguments (\(arguments.count))")
            }
            let argument = arguments[next]
            next += 1
            let spec = "%" + String(flags) + String(width) + (precision.map { "." + $0 } ?? "")
            output += try convert(
                argument, conversion, spec: spec, leftAligned: flags.contains(where: { $0 == "-" }), width: Int(width),
                precision: precision.map { Int($0) ?? 0 }, position: next)
        }
        return output + rest
    }

    private static func convert(
        _ argument: Value, _ conversion: Character, spec: String, leftAligned: Bool, width: Int?, precision: Int?,
        position: Int
    ) throws(KernelError) -> String {
        func mismatch(_ wanted: String) -> KernelError {
            KernelError(
                .invalidArgument,
                "printf: %\(conversion) needs \(wanted), but argument \(position) is \(argument.type.map { $0.description.uppercased() } ?? "NULL")"
            )
        }
        switch conversion {
        case "d", "i", "x", "X", "o":
            guard case .bigint(let value) = argument else { throw mismatch("a BIGINT") }
            let letter = conversion == "i" ? "d" : String(conversion)
            return cFormat(spec + "ll" + letter, value)
        case "c":
            guard case .bigint(let value) = argument else { throw mismatch("a BIGINT") }
            guard value > 0, let code = UInt32(exactly: value), let scalar = Unicode.Scalar(code) else {
                throw KernelError(
                    .invalidArgument,
                    "printf: %c needs a Unicode code point (1 to 1114111, not a surrogate), not \(value)")
            }
            return pad(String(scalar), width: width, left: leftAligned)
        case "f", "F", "e", "E", "g", "G":
            guard case .double(let value) = argument else { throw mismatch("a DOUBLE") }
            return cFormat(spec + String(conversion), value)
        case "s":
            let text: String
            switch argument {
            case .varchar(let value): text = value
            case .date, .boolean: text = argument.description
            default: throw mismatch("text, a DATE or a BOOLEAN")
            }
            let cut = precision.map { String(text.unicodeScalars.prefix($0)) } ?? text
            return pad(cut, width: width, left: leftAligned)
        default:
            throw KernelError(
                .invalidArgument, "printf: unknown conversion %\(conversion) (use %d %i %x %X %o %c %f %e %g %s %%)")
        }
    }

    /// Runs C's formatting for one validated conversion (a known letter, one argument of its type).
    private static func cFormat(_ format: String, _ value: any CVarArg) -> String {
        var size = 64
        while true {
            var buffer = [CChar](repeating: 0, count: size)
            let written = format.withCString { format in
                buffer.withUnsafeMutableBufferPointer { buffer in
                    withVaList([value]) { vsnprintf(buffer.baseAddress!, size, format, $0) }
                }
            }
            if written < 0 { return "" }
            if Int(written) < size {
                return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            size = Int(written) + 1
        }
    }

    /// `text` padded with spaces to `width` code points, on the left unless `left`.
    private static func pad(_ text: String, width: Int?, left: Bool) -> String {
        let length = text.unicodeScalars.count
        guard let width, width > length else { return text }
        let spaces = String(repeating: " ", count: width - length)
        return left ? text + spaces : spaces + text
    }

    /// `format`'s pattern: each `{}` the next argument's canonical text; `{{` and `}}` are braces.
    static func placeholders(_ pattern: String, _ arguments: [Value]) throws(KernelError) -> String {
        var output = ""
        var next = 0
        var characters = pattern[...]
        while let character = characters.popFirst() {
            if character == "{" && characters.first == "{" || character == "}" && characters.first == "}" {
                output.append(character)
                characters.removeFirst()
            } else if character == "}" {
                throw KernelError(.invalidArgument, "format: unmatched '}' (write }} for a brace)")
            } else if character == "{" {
                guard characters.first == "}" else {
                    throw KernelError(
                        .invalidArgument,
                        "format: only {} placeholders are supported; use printf for widths and decimals")
                }
                characters.removeFirst()
                guard next < arguments.count else {
                    throw KernelError(.invalidArgument, "format: more {} than arguments (\(arguments.count))")
                }
                output += arguments[next].description
                next += 1
            } else {
                output.append(character)
            }
        }
        return output
    }
}
