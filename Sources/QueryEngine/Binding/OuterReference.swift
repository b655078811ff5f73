/// The link from a subquery to the query it is nested in: the enclosing scope, and which of its columns
/// the subquery reads (shared by every scope inside one subquery, so set operations and derived tables
/// inside it register into one list).
final class OuterReference {
    let scope: Scope
    /// Enclosing-relation column indices, in order of first use; `.outer(depth: 1, index: k)` reads
    /// `columns[k]`.
    private(set) var columns: [Int] = []

    init(scope: Scope) { self.scope = scope }

    func correlate(_ index: Int) -> Int {
        if let existing = columns.firstIndex(of: index) { return existing }
        columns.append(index)
        return columns.count - 1
    }
}
