/// Column names where each must be reachable by name: a stored table, a view, the keys of a JSON object.
public enum ColumnNames {
    /// `names` with repeats renamed as DuckDB does: the second `a` becomes `a_1`, the next free `a_2`, …,
    /// compared without regard to case (`SELECT 1 AS a, 2 AS a` stored as `a`, `a_1`). A query result
    /// may repeat a name; a table whose two columns are both `a` could not be read.
    public static func deduplicated(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { name in
            var candidate = name
            var suffix = 1
            while used.contains(candidate.lowercased()) {
                candidate = "\(name)_\(suffix)"
                suffix += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}
