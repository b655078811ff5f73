/// The characters that draw a grid: ASCII for `table`, Unicode box drawing for `box`.
struct GridStyle {
    let horizontal: String
    let vertical: String
    /// left, join, right for the top, the rule under the header, and the bottom.
    let top: (String, String, String)
    let rule: (String, String, String)
    let bottom: (String, String, String)

    static let ascii = GridStyle(
        horizontal: "-", vertical: "|",
        top: ("+", "+", "+"), rule: ("+", "+", "+"), bottom: ("+", "+", "+")
    )

    static let box = GridStyle(
        horizontal: "─", vertical: "│",
        top: ("┌", "┬", "┐"), rule: ("├", "┼", "┤"), bottom: ("└", "┴", "┘")
    )

    /// A horizontal border line over columns of `widths` (cells, without padding).
    func border(_ corners: (String, String, String), widths: [Int]) -> String {
        let segments = widths.map { String(repeating: horizontal, count: $0 + 2) }
        return corners.0 + segments.joined(separator: corners.1) + corners.2
    }
}
