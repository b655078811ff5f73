import Columnar
import Kernels
import QueryLanguage

/// A typed expression over the columns of one input relation (by position), ready to evaluate.
indirect enum BoundExpression {
    /// Column `index` of the input relation.
    case column(Int, DataType)
    /// A constant; `.null` carries the type it was given.
    case constant(Value, DataType)
    /// A `NULL` literal before anything gave it a type (function resolution sees it as nil).
    case untypedNull
    /// Column `index` of the row of an enclosing query `depth` levels out (1 = the nearest); correlated
    /// subqueries only.
    case outer(depth: Int, index: Int, DataType)
    case call(name: String, ScalarOverload, [BoundExpression], range: SourceRange)
    case cast(BoundExpression, to: DataType, isTry: Bool, range: SourceRange)
    /// Branches are evaluated only on the rows that reach them.
    case caseWhen([(condition: BoundExpression, result: BoundExpression)], otherwise: BoundExpression, DataType)
    /// Three-valued AND/OR over any number of operands, short-circuited per chunk.
    case and([BoundExpression])
    case or([BoundExpression])
    case isNull(BoundExpression, negated: Bool)
    /// `x IN (subquery)` and friends, scalar subqueries and EXISTS.
    case subquery(BoundSubquery)

    var type: DataType {
        switch self {
        case .column(_, let t), .constant(_, let t), .outer(_, _, let t): t
        case .untypedNull: .bigint
        case .call(_, let overload, _, _): overload.returnType
        case .cast(_, let t, _, _): t
        case .caseWhen(_, _, let t): t
        case .and, .or, .isNull: .boolean
        case .subquery(let s): s.type
        }
    }

    var isConstant: Bool {
        switch self {
        case .constant, .untypedNull: true
        default: false
        }
    }

    var constantValue: Value? {
        switch self {
        case .constant(let v, _): v
        case .untypedNull: .null
        default: nil
        }
    }

    /// The type for overload resolution: nil for an untyped NULL.
    var resolutionType: DataType? { if case .untypedNull = self { nil } else { type } }

    /// A structural key: two expressions with the same fingerprint compute the same thing
    /// (used to match SELECT expressions to GROUP BY keys and ORDER BY items).
    var fingerprint: String {
        switch self {
        case .column(let i, _): "#\(i)"
        case .constant(let v, let t): "c(\(v.isNull ? "NULL" : String(reflecting: v)):\(t))"
        case .outer(let d, let i, _): "o\(d).\(i)"
        case .untypedNull: "NULL"
        case .call(let name, _, let args, _): "\(name)(\(args.map(\.fingerprint).joined(separator: ",")))"
        case .cast(let e, let t, let isTry, _): "cast\(isTry ? "?" : "")(\(e.fingerprint):\(t))"
        case .caseWhen(let branches, let otherwise, _):
            "case(" + branches.map { "\($0.condition.fingerprint)->\($0.result.fingerprint)" }.joined(separator: ";")
                + ";else \(otherwise.fingerprint))"
        case .and(let xs): "and(\(xs.map(\.fingerprint).joined(separator: ",")))"
        case .or(let xs): "or(\(xs.map(\.fingerprint).joined(separator: ",")))"
        case .isNull(let e, let n): "\(n ? "notnull" : "isnull")(\(e.fingerprint))"
        case .subquery(let s): s.fingerprint
        }
    }

    /// Input columns this expression reads.
    var referencedColumns: Set<Int> {
        var result = Set<Int>()
        visitColumns { result.insert($0) }
        return result
    }

    func visitColumns(_ visit: (Int) -> Void) {
        switch self {
        case .column(let i, _): visit(i)
        case .constant, .outer, .untypedNull: break
        case .call(_, _, let args, _): for a in args { a.visitColumns(visit) }
        case .cast(let e, _, _, _): e.visitColumns(visit)
        case .caseWhen(let branches, let otherwise, _):
            for b in branches {
                b.condition.visitColumns(visit)
                b.result.visitColumns(visit)
            }
            otherwise.visitColumns(visit)
        case .and(let xs), .or(let xs): for x in xs { x.visitColumns(visit) }
        case .isNull(let e, _): e.visitColumns(visit)
        case .subquery(let s):
            s.operand?.visitColumns(visit)
            for c in s.correlatedColumns { visit(c) }
        }
    }

    /// The same expression with every input column index replaced.
    func remapColumns(_ map: (Int) -> Int) -> BoundExpression {
        switch self {
        case .column(let i, let t): return .column(map(i), t)
        case .constant, .outer, .untypedNull: return self
        case .call(let n, let o, let args, let r): return .call(name: n, o, args.map { $0.remapColumns(map) }, range: r)
        case .cast(let e, let t, let isTry, let r): return .cast(e.remapColumns(map), to: t, isTry: isTry, range: r)
        case .caseWhen(let branches, let otherwise, let t):
            return .caseWhen(
                branches.map { ($0.condition.remapColumns(map), $0.result.remapColumns(map)) },
                otherwise: otherwise.remapColumns(map), t)
        case .and(let xs): return .and(xs.map { $0.remapColumns(map) })
        case .or(let xs): return .or(xs.map { $0.remapColumns(map) })
        case .isNull(let e, let n): return .isNull(e.remapColumns(map), negated: n)
        case .subquery(let s):
            var copy = s
            copy.operand = s.operand?.remapColumns(map)
            copy.correlatedColumns = s.correlatedColumns.map(map)
            return .subquery(copy)
        }
    }

    /// The conjuncts of a predicate (`a AND b AND c` → `[a, b, c]`).
    var conjuncts: [BoundExpression] {
        if case .and(let xs) = self { return xs.flatMap(\.conjuncts) }
        return [self]
    }

    static func conjunction(_ parts: [BoundExpression]) -> BoundExpression? {
        switch parts.count {
        case 0: nil
        case 1: parts[0]
        default: .and(parts)
        }
    }
}

/// A subquery used as an expression.
struct BoundSubquery {
    enum Kind {
        /// One column, at most one row; NULL when empty.
        case scalar
        case exists(negated: Bool)
        /// `operand [NOT] IN (subquery)` with three-valued semantics; `comparison` is the `=` overload.
        case inSubquery(negated: Bool, comparison: ScalarOverload)
    }

    /// Unique within a statement; identifies the subquery in fingerprints and memo tables.
    var id: Int
    var kind: Kind
    var plan: LogicalPlan
    var operand: BoundExpression?
    /// Columns of the enclosing row that the subquery reads through `.outer(depth: 1, ...)`; empty when
    /// uncorrelated (then it runs once).
    var correlatedColumns: [Int]
    var range: SourceRange
    /// The subquery as written. Two subqueries written alike at one query level compute the same thing,
    /// so their fingerprints match by text, not by `id`: `SELECT (SELECT 1) + a ... GROUP BY (SELECT 1) + a`
    /// finds its group key (it was refused, blaming column `a`).
    var text: String

    /// `fingerprint` of the subquery expression: its kind, its text and (for IN) its operand.
    var fingerprint: String {
        let kind: String
        switch self.kind {
        case .scalar: kind = "scalar"
        case .exists(let negated): kind = negated ? "notexists" : "exists"
        case .inSubquery(let negated, _): kind = negated ? "notin" : "in"
        }
        return "subquery:\(kind)(\(operand?.fingerprint ?? ""))[\(text)]"
    }

    var type: DataType {
        switch kind {
        case .scalar: plan.outputTypes[0]
        case .exists, .inSubquery: .boolean
        }
    }
}
