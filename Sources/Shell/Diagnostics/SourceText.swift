import QueryLanguage

/// A script with its name, for turning byte ranges into lines, columns and caret lines.
public struct SourceText: Sendable {
    public let name: String
    public let text: String
    /// The line number of the text's first line in its file: a notebook cell starts mid-file, and its
    /// errors name the notebook's lines.
    public let firstLine: Int
    private let utf8: [UInt8]

    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        utf8 = Array(text.utf8)
    }

    /// Location of `range`'s start, the line it is on, and the caret (column, length in characters),
    /// the length clipped to the end of that line.
    func pointer(at range: SourceRange) -> (SourceLocation, line: String, caretColumn: Int, caretLength: Int) {
        let start = min(max(0, range.lowerBound), utf8.count)
        var lineStart = start
        while lineStart > 0, utf8[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < utf8.count, utf8[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        var lineNumber = firstLine
        for byte in utf8[0..<lineStart] where byte == UInt8(ascii: "\n") { lineNumber += 1 }
        let lineText = decode(lineStart..<lineEnd).trimmingTrailingCarriageReturn()
        let column = decode(lineStart..<start).count + 1
        let end = min(max(start, range.upperBound), lineEnd)
        let length = max(1, decode(start..<end).count)
        return (SourceLocation(line: lineNumber, column: column), lineText, column, length)
    }

    private func decode(_ bytes: Range<Int>) -> String {
        String(decoding: utf8[bytes], as: UTF8.self)
    }
}

extension String {
    func trimmingTrailingCarriageReturn() -> String {
        hasSuffix("\r") ? String(dropLast()) : self
    }
}
