/// "Did you mean" candidates: names within a small edit distance of a misspelt one.
enum Suggestions {
    /// Up to three candidates, closest first, compared case-insensitively; only reasonably close ones
    /// (distance at most a third of the longer name, and at least 1 allowed).
    static func closest(to name: String, among candidates: [String]) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        var scored: [(String, Int)] = []
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate.lowercased()).inserted {
            let other = Array(candidate.lowercased().unicodeScalars)
            let distance = editDistance(target, other)
            let allowed = max(1, max(target.count, other.count) / 3)
            if distance <= allowed && distance > 0 || (distance == 0 && candidate != name) {
                scored.append((candidate, distance))
            }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
    }

    /// Levenshtein distance. - Complexity: O(a.count × b.count).
    static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
