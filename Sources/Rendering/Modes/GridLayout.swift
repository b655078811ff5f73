/// Column widths of a grid that must fit a terminal: shrinks wide columns first, then drops trailing
/// columns.
struct GridLayout {
    /// Width in cells (without padding) of each kept column.
    let widths: [Int]
    /// Columns dropped from the right because even shrunk they did not fit.
    var hiddenColumnCount: Int

    /// Columns wider than this are shrunk before any column is dropped; narrower ones keep their width.
    static let shrinkFloor = 5

    /// Total line width of a grid with columns of `widths`: `| a | b |` = sum + 3 per column + 1.
    static func lineWidth(_ widths: some Collection<Int>) -> Int {
        widths.reduce(0, +) + 3 * widths.count + 1
    }

    /// - Parameters:
    ///   - natural: widest content of each column, in cells.
    ///   - maxWidth: terminal width in cells; nil = unlimited.
    init(natural: [Int], maxWidth: Int?) {
        guard let maxWidth, GridLayout.lineWidth(natural) > maxWidth, !natural.isEmpty else {
            widths = natural
            hiddenColumnCount = 0
            return
        }
        func capped(_ cap: Int, _ count: Int) -> [Int] { natural.prefix(count).map { min($0, cap) } }
        // Keep as many leading columns as fit when each is shrunk to the floor.
        var kept = natural.count
        while kept > 1 && GridLayout.lineWidth(capped(GridLayout.shrinkFloor, kept)) > maxWidth { kept -= 1 }
        // Largest common cap that fits (bisection: a cell may be megabytes wide); a single column too
        // wide for the floor just gets what is left.
        var low = 1
        var high = natural.prefix(kept).max() ?? 1
        while low < high {
            let middle = (low + high + 1) / 2
            if GridLayout.lineWidth(capped(middle, kept)) <= maxWidth { low = middle } else { high = middle - 1 }
        }
        let cap = low
        widths = capped(cap, kept)
        hiddenColumnCount = natural.count - kept
    }
}
