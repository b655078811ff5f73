/// The built-in scalar functions and operators, keyed by lower-case name.
///
/// Each concern lists its functions (aliases such as `ceiling` appear as their own entries); help text is
/// generated from `summary`.
public enum ScalarFunctions {
    public static let standard: [String: ScalarFunction] = {
        let all: [ScalarFunction] =
            ArithmeticOperators.functions + ComparisonOperators.functions + LogicalOperators.functions
            + LikeOperators.functions + Concatenation.functions + MathFunctions.functions + Rounding.functions
            + TextFunctions.functions + RegularExpressions.functions + Substring.functions + Trimming.functions
            + Padding.functions + Printf.functions
            + ConditionalFunctions.functions + TypeOf.functions + DateFunctions.functions + Strftime.functions
        var registry: [String: ScalarFunction] = [:]
        for function in all {
            let previous = registry.updateValue(function, forKey: function.name.lowercased())
            precondition(previous == nil, "scalar function \(function.name) registered twice")
        }
        return registry
    }()
}
