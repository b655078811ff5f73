/// Trimming that notebooks need: blanks around a front-matter value, blank lines around prose.
extension StringProtocol {
    /// Without leading and trailing spaces and tabs (and a trailing carriage return).
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isBlank($0) }), let end = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[start...end])
    }

    /// Without blank lines at the start and end (inner blank lines kept).
    func trimmingBlankLines() -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.trimmingBlanks().isEmpty { lines.removeFirst() }
        while let last = lines.last, last.trimmingBlanks().isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
