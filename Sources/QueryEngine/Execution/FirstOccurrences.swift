/// The first row of each group, over one input or several in turn (UNION: the left side, then the right):
/// what DISTINCT and UNION keep.
struct FirstOccurrences {
    private var seen: [Bool] = []

    /// Rows of `ids` whose group was not met before, in row order; `groupCount` bounds the ids.
    mutating func rows(_ ids: [UInt32], groupCount: Int) -> [Int32] {
        seen.append(contentsOf: repeatElement(false, count: max(0, groupCount - seen.count)))
        var rows: [Int32] = []
        for (row, id) in ids.enumerated() where !seen[Int(id)] {
            seen[Int(id)] = true
            rows.append(Int32(row))
        }
        return rows
    }
}
