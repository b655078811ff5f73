/// A 1-based line and character column in a file, for error messages.
struct TextLocation: Sendable, Equatable {
    var line: Int
    var column: Int

    /// The location of byte `offset`: lines end at `\n`; columns count characters (UTF-8 lead bytes), not
    /// bytes, and a byte-order mark at the start of the file is not counted.
    ///
    /// - Complexity: O(offset); used on error paths only.
    static func of(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TextLocation {
        let limit = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<limit where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        if lineStart == 0 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            lineStart = min(3, limit)
        }
        var column = 1
        var i = lineStart
        while i < limit {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return TextLocation(line: line, column: column)
    }
}
