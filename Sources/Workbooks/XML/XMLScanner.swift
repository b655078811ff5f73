/// A small pull reader for the XML inside workbooks: start tags, end tags and text, straight off the
/// bytes, with no tree and no allocation per element.
///
/// Why not FoundationXML's `XMLParser`: measured on the worksheet part of a 100,000 × 20 sheet (2 M cells,
/// 66 MB; `scripts/bench-workbooks`, both compiled with -O, the same work per cell: find `<c>`, read `r=` and
/// `t=`, collect the `<v>` text; a shared 2-core machine, load about 9) this reader took 0.36 s and
/// `XMLParser` 2.9–4.2 s, whose delegate API makes a `String` per element name and a dictionary per
/// attribute list.
/// `XMLParser(data:)` also fails outright on a part that size on Linux (libxml2 is handed it in one chunk);
/// only its stream form reads it. This reader compares names as bytes, allocates nothing per element, and
/// keeps the safety rules in plain sight: a document with a DTD (`<!DOCTYPE`) is refused, so no
/// entity — external or internal, the "billion laughs" — is ever declared, let alone resolved; only the five
/// predefined entities and character references are decoded.
///
/// Not a validating parser: it trusts the nesting it is given (a workbook's writer made it) and reports
/// what it cannot read as `XMLScanner.Malformed`.
struct XMLScanner {
    enum Event: Equatable {
        /// `<name attrs>` or `<name attrs/>`; ranges index `bytes`.
        case start(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
        case end(name: Range<Int>)
        /// Raw character data (entities not yet decoded); CDATA sections come as `cdata`.
        case text(Range<Int>)
        case cdata(Range<Int>)
        case endOfDocument
    }

    struct Malformed: Error, CustomStringConvertible {
        let reason: String
        let offset: Int
        var description: String { "\(reason) (at byte \(offset))" }
    }

    let bytes: [UInt8]
    private(set) var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    mutating func next() throws(Malformed) -> Event {
        let count = bytes.count
        return try bytes.withUnsafeBufferPointer { (b) throws(Malformed) -> Event in
            while true {
                if position >= count { return .endOfDocument }
                if b[position] != UInt8(ascii: "<") {
                    let start = position
                    var i = position
                    while i < count && b[i] != UInt8(ascii: "<") { i += 1 }
                    position = i
                    return .text(start..<i)
                }
                // At '<'.
                guard position + 1 < count else { throw Malformed(reason: "unexpected end of XML", offset: position) }
                let marker = b[position + 1]
                if marker == UInt8(ascii: "/") {
                    var i = position + 2
                    let start = i
                    while i < count && b[i] != UInt8(ascii: ">") { i += 1 }
                    guard i < count else { throw Malformed(reason: "unterminated end tag", offset: position) }
                    var end = i
                    while end > start && Self.isSpace(b[end - 1]) { end -= 1 }
                    position = i + 1
                    return .end(name: start..<end)
                }
                if marker == UInt8(ascii: "?") {
                    position = try skip(past: [UInt8(ascii: "?"), UInt8(ascii: ">")], from: position + 2, b)
                    continue
                }
                if marker == UInt8(ascii: "!") {
                    if matches("<!--", at: position, b) {
                        position = try skip(past: Array("-->".utf8), from: position + 4, b)
                        continue
                    }
                    if matches("<![CDATA[", at: position, b) {
                        let start = position + 9
                        let after = try skip(past: Array("]]>".utf8), from: start, b)
                        position = after
                        return .cdata(start..<(after - 3))
                    }
                    // <!DOCTYPE …> and anything else that could declare entities.
                    throw Malformed(
                        reason: "a DTD (<!DOCTYPE) is not allowed in workbook XML: entities are never resolved",
                        offset: position)
                }
                // A start tag: name, attributes (quoted values may hold '>'), then '>' or '/>'.
                let nameStart = position + 1
                var i = nameStart
                while i < count && !Self.isSpace(b[i]) && b[i] != UInt8(ascii: ">") && b[i] != UInt8(ascii: "/") {
                    i += 1
                }
                let nameEnd = i
                let attributesStart = i
                var quote: UInt8 = 0
                while i < count {
                    let c = b[i]
                    if quote != 0 {
                        if c == quote { quote = 0 }
                    } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                        quote = c
                    } else if c == UInt8(ascii: ">") {
                        break
                    }
                    i += 1
                }
                guard i < count else { throw Malformed(reason: "unterminated start tag", offset: position) }
                let selfClosing = i > attributesStart && b[i - 1] == UInt8(ascii: "/")
                position = i + 1
                return .start(
                    name: nameStart..<nameEnd, attributes: attributesStart..<(selfClosing ? i - 1 : i),
                    selfClosing: selfClosing)
            }
        }
    }

    /// Skips to the end of the element whose start tag was just read (not self-closing).
    mutating func skipElement() throws(Malformed) {
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .start(_, _, let selfClosing): if !selfClosing { depth += 1 }
            case .end: depth -= 1
            case .endOfDocument: throw Malformed(reason: "unexpected end of XML", offset: position)
            default: break
            }
        }
    }

    // MARK: - Names and attributes

    /// The name without its namespace prefix (`x:c` → `c`), as bytes.
    @inline(__always)
    func localName(_ name: Range<Int>) -> Range<Int> {
        var i = name.lowerBound
        while i < name.upperBound {
            if bytes[i] == UInt8(ascii: ":") { return (i + 1)..<name.upperBound }
            i += 1
        }
        return name
    }

    /// True when the local name (prefix ignored) is `literal`.
    @inline(__always)
    func isNamed(_ name: Range<Int>, _ literal: StaticString) -> Bool {
        holds(localName(name), literal)
    }

    /// The full (prefixed) name is `literal`.
    @inline(__always)
    func isQualified(_ name: Range<Int>, _ literal: StaticString) -> Bool {
        holds(name, literal)
    }

    /// The bytes of `range` are exactly `literal`'s.
    @inline(__always)
    private func holds(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        var j = 0
        for i in range {
            if bytes[i] != p[j] { return false }
            j += 1
        }
        return true
    }

    /// The raw value (entities not decoded) of the attribute whose qualified name is `qualified` (or, when
    /// `anyPrefix`, whose local name is it).
    func attribute(_ qualified: StaticString, in attributes: Range<Int>, anyPrefix: Bool = false) -> Range<Int>? {
        var i = attributes.lowerBound
        let end = attributes.upperBound
        while i < end {
            while i < end && Self.isSpace(bytes[i]) { i += 1 }
            let nameStart = i
            while i < end && bytes[i] != UInt8(ascii: "=") && !Self.isSpace(bytes[i]) { i += 1 }
            let name = nameStart..<i
            while i < end && bytes[i] != UInt8(ascii: "\"") && bytes[i] != UInt8(ascii: "'") { i += 1 }
            guard i < end else { return nil }
            let quote = bytes[i]
            i += 1
            let valueStart = i
            while i < end && bytes[i] != quote { i += 1 }
            let value = valueStart..<min(i, end)
            i += 1
            if name.isEmpty { continue }
            if anyPrefix ? isNamed(name, qualified) : isQualified(name, qualified) { return value }
        }
        return nil
    }

    /// Calls `body` with each attribute's name and raw value, in order (one pass, for elements whose
    /// several attributes are all wanted).
    @inline(__always)
    func forEachAttribute(in attributes: Range<Int>, _ body: (_ name: Range<Int>, _ value: Range<Int>) -> Void) {
        var i = attributes.lowerBound
        let end = attributes.upperBound
        while i < end {
            while i < end && Self.isSpace(bytes[i]) { i += 1 }
            let nameStart = i
            while i < end && bytes[i] != UInt8(ascii: "=") && !Self.isSpace(bytes[i]) { i += 1 }
            let name = nameStart..<i
            while i < end && bytes[i] != UInt8(ascii: "\"") && bytes[i] != UInt8(ascii: "'") { i += 1 }
            guard i < end else { return }
            let quote = bytes[i]
            i += 1
            let valueStart = i
            while i < end && bytes[i] != quote { i += 1 }
            let value = valueStart..<min(i, end)
            i += 1
            if !name.isEmpty { body(name, value) }
        }
    }

    /// Text with entities and character references decoded.
    func string(_ range: Range<Int>) throws(Malformed) -> String {
        var hasAmpersand = false
        for i in range where bytes[i] == UInt8(ascii: "&") {
            hasAmpersand = true
            break
        }
        if !hasAmpersand { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        try appendDecoded(range, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the decoded bytes of `range` (entities resolved) to `out`.
    func appendDecoded(_ range: Range<Int>, to out: inout [UInt8]) throws(Malformed) {
        var i = range.lowerBound
        while i < range.upperBound {
            let c = bytes[i]
            guard c == UInt8(ascii: "&") else {
                // XML normalises CR LF and lone CR to LF.
                if c == 13 {
                    out.append(10)
                    if i + 1 < range.upperBound && bytes[i + 1] == 10 { i += 1 }
                } else {
                    out.append(c)
                }
                i += 1
                continue
            }
            var j = i + 1
            while j < range.upperBound && bytes[j] != UInt8(ascii: ";") && j - i < 12 { j += 1 }
            guard j < range.upperBound, bytes[j] == UInt8(ascii: ";") else {
                throw Malformed(reason: "an & that starts no entity", offset: i)
            }
            let entity = Array(bytes[(i + 1)..<j])
            switch entity {
            case Array("lt".utf8): out.append(UInt8(ascii: "<"))
            case Array("gt".utf8): out.append(UInt8(ascii: ">"))
            case Array("amp".utf8): out.append(UInt8(ascii: "&"))
            case Array("quot".utf8): out.append(UInt8(ascii: "\""))
            case Array("apos".utf8): out.append(UInt8(ascii: "'"))
            default:
                guard entity.first == UInt8(ascii: "#") else {
                    throw Malformed(
                        reason: "the entity &\(String(decoding: entity, as: UTF8.self)); is not allowed", offset: i)
                }
                let digits = entity.dropFirst()
                let hex = digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X")
                guard
                    let code = UInt32(
                        String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self), radix: hex ? 16 : 10),
                    let scalar = Unicode.Scalar(code)
                else { throw Malformed(reason: "a bad character reference", offset: i) }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            i = j + 1
        }
    }

    // MARK: - Helpers

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }

    private func matches(_ literal: StaticString, at offset: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard offset + n <= b.count else { return false }
        let p = literal.utf8Start
        for k in 0..<n where b[offset + k] != p[k] { return false }
        return true
    }

    /// The offset just past the first occurrence of `terminator` at or after `from`.
    private func skip(past terminator: [UInt8], from: Int, _ b: UnsafeBufferPointer<UInt8>) throws(Malformed) -> Int {
        var i = from
        let n = terminator.count
        while i + n <= b.count {
            if b[i] == terminator[0] {
                var k = 1
                while k < n && b[i + k] == terminator[k] { k += 1 }
                if k == n { return i + n }
            }
            i += 1
        }
        throw Malformed(reason: "unexpected end of XML", offset: from)
    }
}
