import Columnar
import Kernels
import QueryLanguage

extension ExpressionBinder {
    // MARK: - AST scans

    /// True when `e` has an aggregate call outside subqueries and window calls' own level.
    static func containsAggregate(_ e: Expression, binder: Binder) -> Bool {
        var found = false
        e.walk { node in
            if case .function(let f) = node.kind, f.over == nil, binder.isAggregate(f) { found = true }
            return !found
        }
        return found
    }

    /// Conservative syntactic check used before trying an expression as a group key.
    static func containsNoAggregate(_ e: Expression) -> Bool {
        var clean = true
        e.walk { node in
            switch node.kind {
            case .function(let f) where f.over != nil || f.distinct || f.filter != nil: clean = false
            // Subqueries may take part: their fingerprints are their text (see `BoundSubquery.text`).
            default: break
            }
            return clean
        }
        return clean
    }
}
