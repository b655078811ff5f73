/// Byte-level helpers on UTF-8 text: searching and counting by code point without Swift's
/// canonical-equivalence `String` semantics (SQL text here is compared by code point).
enum UTF8Text {
    /// Number of code points.
    static func scalarCount(_ s: String) -> Int {
        var count = 0
        for byte in s.utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Byte length of the UTF-8 sequence starting with `lead`.
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Byte offset of the first occurrence of `needle` in `haystack` at or after `start`.
    static func firstOffset(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
        guard haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        s.utf8.starts(with: prefix.utf8)
    }

    static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        let (a, b) = (s.utf8, suffix.utf8)
        guard b.count <= a.count else { return false }
        return a.dropFirst(a.count - b.count).elementsEqual(b)
    }

    /// Every occurrence of `target` replaced by `replacement`, scanning left to right without overlap.
    /// An empty `target` leaves `s` unchanged (as DuckDB).
    /// `s` cut at every occurrence of `separator` (matched by bytes, left to right); an empty
    /// separator cuts between code points, as DuckDB's `split_part`.
    static func pieces(of s: String, separatedBy separator: String) -> [String] {
        if separator.isEmpty { return s.unicodeScalars.map { String($0) } }
        let bytes = Array(s.utf8), needle = Array(separator.utf8)
        var pieces: [String] = []
        var start = 0
        while let found = firstOffset(of: needle, in: bytes, from: start) {
            pieces.append(String(decoding: bytes[start..<found], as: UTF8.self))
            start = found + needle.count
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    static func replacing(_ target: String, with replacement: String, in s: String) -> String {
        let needle = Array(target.utf8)
        guard !needle.isEmpty else { return s }
        let haystack = Array(s.utf8)
        guard var found = firstOffset(of: needle, in: haystack) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(haystack.count)
        var copied = 0
        let inserted = Array(replacement.utf8)
        while true {
            out.append(contentsOf: haystack[copied..<found])
            out.append(contentsOf: inserted)
            copied = found + needle.count
            guard let next = firstOffset(of: needle, in: haystack, from: copied) else { break }
            found = next
        }
        out.append(contentsOf: haystack[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The code points at `range` (0-based code point offsets, clamped by the caller).
    static func scalars(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}
