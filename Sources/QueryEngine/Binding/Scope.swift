import Columnar
import QueryLanguage

/// The columns visible to expressions of one query level: the FROM relation's columns, by position,
/// each with the alias of the FROM item it came from.
final class Scope {
    struct Entry {
        /// The FROM item's alias or table name; nil for unnamed derived columns.
        var qualifier: String?
        var name: String
        var type: DataType
        /// USING's right-hand duplicate: reachable only when qualified, skipped by `*`.
        var isMergedAway = false
    }

    var entries: [Entry]
    /// The enclosing query's scope, for correlated subqueries; nil at the top level.
    let outer: OuterReference?

    init(entries: [Entry], outer: OuterReference? = nil) {
        self.entries = entries
        self.outer = outer
    }

    var types: [DataType] { entries.map(\.type) }

    enum Resolution {
        case found(Int)
        case ambiguous
        case missing
    }

    /// Finds `name` (optionally qualified) among this level's columns, case-insensitively.
    func resolve(qualifier: String?, name: String) -> Resolution {
        let wanted = name.lowercased()
        let wantedQualifier = qualifier?.lowercased()
        var matches: [Int] = []
        for (i, entry) in entries.enumerated() where entry.name.lowercased() == wanted {
            if let wantedQualifier {
                if entry.qualifier?.lowercased() == wantedQualifier { matches.append(i) }
            } else if !entry.isMergedAway {
                matches.append(i)
            }
        }
        switch matches.count {
        case 0: return .missing
        case 1: return .found(matches[0])
        default: return .ambiguous
        }
    }

    func hasQualifier(_ qualifier: String) -> Bool {
        entries.contains { $0.qualifier?.lowercased() == qualifier.lowercased() }
    }

    /// Every visible column name (for suggestions).
    var allNames: [String] { entries.map(\.name) }
}
