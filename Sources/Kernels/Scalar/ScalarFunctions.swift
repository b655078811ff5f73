/// The built-in scalar functions and operators, keyed by lower-case name. (Filled by the Scalar/ files.)
public enum ScalarFunctions {
    public static let standard: [String: ScalarFunction] = [:]
}
