/// "Did you mean" candidates: the known names within a small edit distance of a misspelt one.
///
/// One implementation for every layer that reports an unknown name: tables and columns (engine),
/// dot-commands and modes (shell), areas and measures (inspection verbs).
public enum Suggestions {
    /// Up to `limit` candidates, closest first, compared case-insensitively. Only close ones qualify: at most
    /// a third of the longer name's length in edits (at least one), so `tabels` finds `tables` but `xyz`
    /// finds nothing. A candidate differing only in case from `name` qualifies too.
    public static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        var scored: [(name: String, distance: Int)] = []
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate.lowercased()).inserted {
            let other = Array(candidate.lowercased().unicodeScalars)
            let distance = editDistance(target, other)
            let allowed = max(1, max(target.count, other.count) / 3)
            if (distance > 0 && distance <= allowed) || (distance == 0 && candidate != name) {
                scored.append((candidate, distance))
            }
        }
        return scored.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
            .prefix(limit).map(\.name)
    }

    /// Edit distance where an insertion, deletion, substitution or swap of two neighbours costs one
    /// (optimal string alignment), so a transposed pair of letters is one typo, not two.
    /// - Complexity: O(a.count × b.count) time, O(b.count) space.
    public static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
