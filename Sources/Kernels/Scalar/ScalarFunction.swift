public import Columnar

/// A scalar function or operator, found by name (case-insensitive) in `ScalarFunctions.standard`.
///
/// Operators are functions too, named by their symbol: `+ - * / // % || = <> < <= > >=`, and
/// `and`, `or`, `not`, `negate`, `like`, `ilike`. The binder resolves an overload from the argument
/// types, inserts casts to `parameterTypes`, then calls `evaluate` on whole columns (or chunks).
public struct ScalarFunction: Sendable {
    public let name: String
    /// One line for `.help` / docs, e.g. `round(x[, digits]) — rounds half away from zero`.
    public let summary: String
    /// The overload for these argument types, or nil when none fits. A nil element is an untyped
    /// `NULL` literal; the overload's `parameterTypes` say what to cast it to.
    public let resolve: @Sendable ([DataType?]) -> ScalarOverload?

    public init(name: String, summary: String, resolve: @escaping @Sendable ([DataType?]) -> ScalarOverload?) {
        self.name = name
        self.summary = summary
        self.resolve = resolve
    }
}

/// One concrete signature of a scalar function.
public struct ScalarOverload: Sendable {
    public let parameterTypes: [DataType]
    public let returnType: DataType
    /// True when the result depends only on the arguments (constant folding may run it at bind time).
    /// False for e.g. `current_date`... which is still foldable per statement, and `random()`, which is not.
    public let isDeterministic: Bool
    /// Computes `rowCount` results from argument columns of exactly `parameterTypes` (each with
    /// `rowCount` rows). NULL handling is the function's own (most propagate NULL).
    public let evaluate: @Sendable (_ arguments: [Column], _ rowCount: Int) throws(KernelError) -> Column

    public init(
        parameterTypes: [DataType], returnType: DataType, isDeterministic: Bool = true,
        evaluate: @escaping @Sendable (_ arguments: [Column], _ rowCount: Int) throws(KernelError) -> Column
    ) {
        self.parameterTypes = parameterTypes
        self.returnType = returnType
        self.isDeterministic = isDeterministic
        self.evaluate = evaluate
    }
}
