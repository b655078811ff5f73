/// Text from data (values in error messages, file names, source lines) made safe to print on a terminal:
/// control characters that could move the cursor, recolour or retitle the terminal are shown escaped.
///
/// Escaped: C0 controls except tab and newline (ESC especially), DEL, and C1 controls (U+0080–U+009F,
/// which some terminals treat as 8-bit CSI/OSC). Each is written `\u{1B}`, Swift's spelling.
enum TerminalSafeText {
    static func escaping(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
