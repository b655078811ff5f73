public import Columnar

/// Which types meet without an explicit `CAST`: the only implicit conversion is BIGINT→DOUBLE
/// (string literals compared with dates or numbers are the binder's business, not a type rule).
public enum TypeCoercion {
    /// True when a `from` value may be used where a `to` is expected without an explicit cast.
    public static func canImplicitlyCast(_ from: DataType, to: DataType) -> Bool {
        from == to || (from == .bigint && to == .double)
    }

    /// The type both sides convert to for a comparison, `CASE` branches, `UNION` columns or `coalesce`:
    /// the same type, DOUBLE for BIGINT with DOUBLE, and the other type when one side is an untyped NULL
    /// (nil). Nil when the types do not meet (or both are untyped NULLs).
    public static func commonSupertype(_ a: DataType?, _ b: DataType?) -> DataType? {
        switch (a, b) {
        case (nil, nil): return nil
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (let a?, let b?):
            if a == b { return a }
            if canImplicitlyCast(a, to: b) { return b }
            if canImplicitlyCast(b, to: a) { return a }
            return nil
        }
    }
}
