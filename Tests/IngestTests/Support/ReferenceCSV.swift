import Foundation

/// A deliberately simple, character-at-a-time CSV parser: the oracle the real reader is checked against.
///
/// Same syntax as the reader: `"` opens a quoted field only at a field's start, `""` inside quotes is a
/// quote, records end at `\n` or `\r\n`, blank lines are skipped. Unquoted empty fields are nil (NULL).
enum ReferenceCSV {
    static func parse(_ text: String, delimiter: Unicode.Scalar = ",") -> [[String?]] {
        let chars = Array(text.unicodeScalars)
        var records: [[String?]] = []
        var i = 0
        if i < chars.count && chars[i] == "\u{FEFF}" { i += 1 }
        func lineEndWidth(_ at: Int) -> Int? {
            if chars[at] == "\n" { return 1 }
            if chars[at] == "\r" {
                if at + 1 == chars.count { return 1 }
                if chars[at + 1] == "\n" { return 2 }
            }
            return nil
        }
        while i < chars.count {
            if let width = lineEndWidth(i) {
                i += width
                continue
            }
            var record: [String?] = []
            while true {
                var field = String.UnicodeScalarView()
                var quoted = false
                if i < chars.count && chars[i] == "\"" {
                    quoted = true
                    i += 1
                    while true {
                        precondition(i < chars.count, "reference: unterminated quote")
                        if chars[i] == "\"" {
                            if i + 1 < chars.count && chars[i + 1] == "\"" {
                                field.append("\"")
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        field.append(chars[i])
                        i += 1
                    }
                } else {
                    while i < chars.count && chars[i] != delimiter && chars[i] != "\n" {
                        field.append(chars[i])
                        i += 1
                    }
                    if field.last == "\r" && (i == chars.count || chars[i] == "\n") { field.removeLast() }
                }
                record.append(field.isEmpty && !quoted ? nil : String(field))
                if i < chars.count && chars[i] == delimiter {
                    i += 1
                    continue
                }
                if i < chars.count, let width = lineEndWidth(i) { i += width }
                break
            }
            records.append(record)
        }
        return records
    }

    /// Writes fields as CSV, quoting where needed (and, with `quoteAll`, everywhere but NULLs).
    static func write(
        _ records: [[String?]], delimiter: Character = ",", lineEnd: String = "\n", quoteAll: Bool = false
    ) -> String {
        var out = ""
        for record in records {
            out += record.map { field -> String in
                guard let field else { return "" }
                let needsQuotes =
                    quoteAll || field.isEmpty || field.hasPrefix("\"") || field.contains(delimiter)
                    || field.unicodeScalars.contains("\n") || field.unicodeScalars.contains("\r")
                return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: String(delimiter))
            out += lineEnd
        }
        return out
    }
}
