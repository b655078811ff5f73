import Columnar

extension ScalarFunction {
    /// A function with a fixed list of signatures, resolved by `OverloadResolution.best`.
    init(name: String, summary: String, overloads: [ScalarOverload]) {
        self.init(name: name, summary: summary) { arguments in
            OverloadResolution.best(among: overloads, for: arguments)
        }
    }

    /// The same function under another name (`ceiling` for `ceil`).
    func renamed(_ alias: String) -> ScalarFunction {
        ScalarFunction(name: alias, summary: summary, resolve: resolve)
    }
}

/// How argument types pick an overload: an exact match wins; otherwise the candidate needing the fewest
/// BIGINT→DOUBLE widenings; ties go to the earlier-declared overload. An untyped NULL (nil) fits any
/// parameter at no cost, so `abs(NULL)` takes the first overload (declare BIGINT before DOUBLE).
enum OverloadResolution {
    static func best(among overloads: [ScalarOverload], for arguments: [DataType?]) -> ScalarOverload? {
        var best: (overload: ScalarOverload, cost: Int)? = nil
        for overload in overloads {
            guard let cost = cost(of: arguments, to: overload.parameterTypes) else { continue }
            if best == nil || cost < best!.cost { best = (overload, cost) }
        }
        return best?.overload
    }

    /// Number of implicit casts needed, or nil when some argument cannot reach its parameter.
    static func cost(of arguments: [DataType?], to parameters: [DataType]) -> Int? {
        guard arguments.count == parameters.count else { return nil }
        var cost = 0
        for (argument, parameter) in zip(arguments, parameters) {
            guard let argument, argument != parameter else { continue }
            guard TypeCoercion.canImplicitlyCast(argument, to: parameter) else { return nil }
            cost += 1
        }
        return cost
    }

    /// For variadic functions over one type (`coalesce`, `least`): the common supertype of the typed
    /// arguments, or `fallback` when all are untyped NULLs; nil when the types do not meet.
    static func commonType(of arguments: [DataType?], fallback: DataType) -> DataType? {
        var common: DataType? = nil
        for case let argument? in arguments {
            guard let current = common else { common = argument; continue }
            guard let merged = TypeCoercion.commonSupertype(current, argument) else { return nil }
            common = merged
        }
        return common ?? fallback
    }
}
