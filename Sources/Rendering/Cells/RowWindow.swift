/// Which rows a renderer shows when `maxRows` elides the middle: the first half and the last half.
struct RowWindow {
    let head: Range<Int>
    let tail: Range<Int>
    let total: Int

    /// - Parameter maxRows: 0 = all rows.
    init(rowCount: Int, maxRows: Int) {
        total = rowCount
        if maxRows <= 0 || rowCount <= maxRows {
            head = 0..<rowCount
            tail = rowCount..<rowCount
        } else {
            let first = (maxRows + 1) / 2
            head = 0..<first
            tail = (rowCount - (maxRows - first))..<rowCount
        }
    }

    var shownCount: Int { head.count + tail.count }
    var hiddenCount: Int { total - shownCount }
    var isElided: Bool { hiddenCount > 0 }
    /// Shown row indices in order.
    var rows: [Int] { Array(head) + Array(tail) }
}
