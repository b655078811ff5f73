/// Simple (one code point to one code point) Unicode case mapping, as DuckDB's `lower`/`upper`:
/// `upper('ß')` stays `ß` rather than becoming `SS`, and lengths never change.
enum CaseMapping {
    static func lowercased(_ s: String) -> String { map(s, ascii: lowerASCII) { $0.properties.lowercaseMapping } }
    static func uppercased(_ s: String) -> String { map(s, ascii: upperASCII) { $0.properties.uppercaseMapping } }

    private static func map(_ s: String, ascii: (UInt8) -> UInt8, _ full: (Unicode.Scalar) -> String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: s.utf8.map(ascii), as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let mapped = full(scalar).unicodeScalars
            // A mapping to several code points has no simple form; keep the original.
            if mapped.count == 1 { out.append(mapped.first!) } else { out.append(scalar) }
        }
        return String(out)
    }

    private static func lowerASCII(_ b: UInt8) -> UInt8 { (65...90).contains(b) ? b + 32 : b }
    private static func upperASCII(_ b: UInt8) -> UInt8 { (97...122).contains(b) ? b - 32 : b }
}
