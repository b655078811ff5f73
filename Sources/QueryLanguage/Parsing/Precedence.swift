/// Binding strength of operators, loosest first, as in PostgreSQL and DuckDB: `NOT` is looser than
/// comparisons, `IS` looser than `=`, and `BETWEEN` / `IN` / `LIKE` tighter than `=`.
enum Precedence: Int, Comparable {
    case or = 1
    case and
    case not
    case `is`
    case comparison
    /// `BETWEEN`, `IN`, `LIKE`, `ILIKE` and their `NOT` forms.
    case predicate
    /// `||`.
    case concatenation
    case additive
    case multiplicative
    /// Prefix `-` and `+`.
    case unary
    /// Postfix `::type`.
    case cast

    static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The next tighter level: the minimum for a left-associative operator's right operand.
    var tighter: Precedence { Precedence(rawValue: rawValue + 1) ?? .cast }
}

extension Symbol {
    /// The binary operator this symbol spells, with its precedence.
    var binaryOperator: (BinaryOperator, Precedence)? {
        switch self {
        case .plus: (.add, .additive)
        case .minus: (.subtract, .additive)
        case .star: (.multiply, .multiplicative)
        case .slash: (.divide, .multiplicative)
        case .doubleSlash: (.integerDivide, .multiplicative)
        case .percent: (.modulo, .multiplicative)
        case .concat: (.concat, .concatenation)
        case .equal, .doubleEqual: (.equal, .comparison)
        case .notEqual, .bangEqual: (.notEqual, .comparison)
        case .less: (.less, .comparison)
        case .lessOrEqual: (.lessOrEqual, .comparison)
        case .greater: (.greater, .comparison)
        case .greaterOrEqual: (.greaterOrEqual, .comparison)
        default: nil
        }
    }
}
