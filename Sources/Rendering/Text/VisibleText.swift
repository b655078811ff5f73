/// Makes control characters in cell text visible, so data can neither break a grid's lines nor send
/// escape sequences to the terminal.
///
/// Newline, carriage return and tab become `\n`, `\r`, `\t`; other C0 controls and DEL become `\xHH`;
/// C1 controls and the bidirectional overrides/isolates (which reorder the rest of the line) become
/// `\u{HHHH}`. A backslash itself is left alone: the escapes are for reading, not for round-tripping.
enum VisibleText {
    static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x00..<0x20, 0x7F: result += "\\x" + hex(scalar.value, digits: 2)
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069: result += "\\u{" + hex(scalar.value, digits: 4) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func needsEscaping(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            // C1 controls are encoded C2 80–C2 9F; bidi controls start with E2 80 / E2 81.
            if byte == 0xC2 || byte == 0xE2 { return text.unicodeScalars.contains(where: isEscaped) }
        }
        return false
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
