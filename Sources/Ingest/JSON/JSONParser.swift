import Columnar

/// A small recursive-descent JSON parser over raw bytes, producing one flat record per top-level object.
///
/// Strict RFC 8259 syntax (no comments, no trailing commas, no NaN); errors carry the byte offset so the
/// reader can name line and column. Nesting depth is limited so hostile input cannot overflow the stack.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset: Int
    static let maximumDepth = 512

    init(bytes: UnsafeBufferPointer<UInt8>, offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset >= bytes.count }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    func fail(_ message: String, at position: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: position ?? offset, message: message)
    }

    /// The next byte (after whitespace), without consuming it.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return atEnd ? nil : bytes[offset]
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard peek() == byte else {
            throw fail(atEnd ? "unexpected end of file, expected \(what)" : "expected \(what)")
        }
        offset += 1
    }

    /// A top-level object as ordered key/value pairs (a repeated key keeps its last value).
    mutating func parseRecord() throws(JSONSyntaxError) -> [(key: String, value: JSONValue)] {
        guard peek() == UInt8(ascii: "{") else {
            throw fail(atEnd ? "unexpected end of file, expected an object" : "expected an object '{'")
        }
        offset += 1
        var fields: [(key: String, value: JSONValue)] = []
        var positions: [BinaryString: Int] = [:]
        if peek() == UInt8(ascii: "}") {
            offset += 1
            return fields
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw fail("expected a string key") }
            let key = try parseString()
            try expect(UInt8(ascii: ":"), "':'")
            let value = try parseValue(depth: 1)
            if fields.count < 16 {
                if let existing = fields.firstIndex(where: { $0.key.utf8.elementsEqual(key.utf8) }) {
                    fields[existing].value = value
                } else {
                    fields.append((key, value))
                }
            } else {
                // Many keys: a dictionary keeps the repeated-key check linear.
                if positions.isEmpty {
                    for (position, field) in fields.enumerated() { positions[BinaryString(field.key)] = position }
                }
                if let existing = positions[BinaryString(key)] {
                    fields[existing].value = value
                } else {
                    positions[BinaryString(key)] = fields.count
                    fields.append((key, value))
                }
            }
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return fields
            default: throw fail(atEnd ? "unexpected end of file in an object" : "expected ',' or '}'")
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard let byte = peek() else { throw fail("unexpected end of file, expected a value") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = offset
            try skipNested(depth: depth)
            return .nested(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
        case UInt8(ascii: "t"): try literal("true"); return .boolean(true)
        case UInt8(ascii: "f"): try literal("false"); return .boolean(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fail("unexpected character, expected a value")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let start = offset
        for expected in word.utf8 {
            guard offset < bytes.count, bytes[offset] == expected else { throw fail("invalid literal", at: start) }
            offset += 1
        }
    }

    /// Validates an object or array and moves past it.
    private mutating func skipNested(depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
        let open = bytes[offset]
        let close = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        offset += 1
        if peek() == close {
            offset += 1
            return
        }
        while true {
            if open == UInt8(ascii: "{") {
                guard peek() == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                _ = try parseString()
                try expect(UInt8(ascii: ":"), "':'")
            }
            _ = try parseValue(depth: depth + 1)
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case close:
                offset += 1
                return
            default:
                throw fail(atEnd ? "unexpected end of file" : "expected ',' or '\(Character(Unicode.Scalar(close)))'")
            }
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = offset
        func digits() -> Int {
            let from = offset
            while offset < bytes.count && bytes[offset] &- 48 < 10 { offset += 1 }
            return offset - from
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let integerDigits = digits()
        guard integerDigits > 0 else { throw fail("invalid number", at: start) }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw fail("leading zero in number", at: start)
        }
        var isInteger = true
        if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            isInteger = false
            guard digits() > 0 else { throw fail("invalid number", at: start) }
        }
        if offset < bytes.count && (bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E")) {
            offset += 1
            isInteger = false
            if offset < bytes.count && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-")) {
                offset += 1
            }
            guard digits() > 0 else { throw fail("invalid number", at: start) }
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<offset])
        let string = String(decoding: text, as: UTF8.self)
        if isInteger, let value = ValueParser.integer(text) { return .integer(value, text: string) }
        guard let value = ValueParser.double(text) else { throw fail("number out of range", at: start) }
        return .double(value, text: string)
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = offset
        offset += 1
        var scalars = String.UnicodeScalarView()
        var runStart = offset
        func flushRun(_ end: Int) {
            if end > runStart {
                scalars.append(
                    contentsOf: String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]),
                        as: UTF8.self
                    ).unicodeScalars)
            }
        }
        while true {
            guard offset < bytes.count else { throw fail("unterminated string", at: start) }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                flushRun(offset)
                offset += 1
                return String(scalars)
            }
            if byte == UInt8(ascii: "\n") { throw fail("unterminated string", at: start) }
            if byte < 0x20 { throw fail("control character in string (escape it)") }
            if byte != UInt8(ascii: "\\") {
                offset += 1
                continue
            }
            flushRun(offset)
            let escapeStart = offset
            offset += 1
            guard offset < bytes.count else { throw fail("unterminated string", at: start) }
            let escaped = bytes[offset]
            offset += 1
            switch escaped {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4(at: escapeStart)
                if (0xD800..<0xDC00).contains(code) {
                    guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
                        bytes[offset + 1] == UInt8(ascii: "u")
                    else { throw fail("unpaired surrogate in \\u escape", at: escapeStart) }
                    offset += 2
                    let low = try hex4(at: escapeStart)
                    guard (0xDC00..<0xE000).contains(low) else {
                        throw fail("unpaired surrogate in \\u escape", at: escapeStart)
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw fail("unpaired surrogate in \\u escape", at: escapeStart)
                }
                guard code != 0 else { throw fail("NUL character in string", at: escapeStart) }
                scalars.append(scalar)
            default: throw fail("invalid escape in string", at: escapeStart)
            }
            runStart = offset
        }
    }

    private mutating func hex4(at escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("invalid \\u escape", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[offset]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - 55
            default: throw fail("invalid \\u escape", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }
}
