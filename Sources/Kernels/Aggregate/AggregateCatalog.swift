import Columnar

/// Aggregates that window evaluation computes incrementally over frames starting at UNBOUNDED PRECEDING.
enum RunningAggregateKind: Sendable {
    case count, countStar, sum, average, minimum, maximum
}

/// The table of built-in aggregates: name, one-line summary, and how argument types pick an overload.
enum AggregateCatalog {
    static let all: [AggregateFunction] = [
        AggregateFunction(name: "count_star", summary: "count(*) — number of rows") { types in
            guard types.isEmpty else { return nil }
            return overload([], .bigint, running: .countStar) { _ in CountAccumulator(countsRows: true) }
        },
        AggregateFunction(name: "count", summary: "count(x) — number of non-NULL values") { types in
            if types.isEmpty {
                return overload([], .bigint, running: .countStar) { _ in CountAccumulator(countsRows: true) }
            }
            guard types.count == 1 else { return nil }
            return overload([types[0] ?? .bigint], .bigint, running: .count) { _ in CountAccumulator(countsRows: false)
            }
        },
        AggregateFunction(name: "sum", summary: "sum(x) — total of non-NULL values; BIGINT overflow is an error") {
            types in
            switch single(types) {
            case .bigint?: return overload([.bigint], .bigint, running: .sum) { _ in IntegerSumAccumulator() }
            case .double?:
                return overload([.double], .double, running: .sum) { _ in DoubleSumAccumulator(averages: false) }
            default: return nil
            }
        },
        AggregateFunction(name: "avg", summary: "avg(x) — arithmetic mean of non-NULL values, as DOUBLE") { types in
            switch single(types) {
            case .bigint?: return overload([.bigint], .double, running: .average) { _ in IntegerAverageAccumulator() }
            case .double?:
                return overload([.double], .double, running: .average) { _ in DoubleSumAccumulator(averages: true) }
            default: return nil
            }
        },
        extremum("min", isMax: false),
        extremum("max", isMax: true),
        AggregateFunction(
            name: "median", summary: "median(x) — interpolated middle value, as DOUBLE (VARCHAR: lower middle)"
        ) {
            types in
            guard let type = single(types) else { return nil }
            if type == .varchar {
                return overload([type], type) { _ in StringQuantileAccumulator(fraction: 0.5) }
            }
            guard type.isNumeric else { return nil }
            return overload([type], .double, quantile: QuantileKind(continuous: true, fraction: 0.5)) { _ in
                QuantileAccumulator(type: type, continuous: true, fraction: 0.5)
            }
        },
        AggregateFunction(name: "quantile_cont", summary: "quantile_cont(x, p) — interpolated p-quantile, as DOUBLE") {
            types in
            guard types.count == 2, fraction(types[1]) else { return nil }
            let type = types[0] ?? .double
            guard type.isNumeric else { return nil }
            return overload([type, .double], .double, quantile: QuantileKind(continuous: true, fraction: nil)) { _ in
                QuantileAccumulator(type: type, continuous: true, fraction: nil)
            }
        },
        AggregateFunction(name: "quantile_disc", summary: "quantile_disc(x, p) — the value at the p-quantile") {
            types in
            guard types.count == 2, fraction(types[1]) else { return nil }
            let type = types[0] ?? .double
            if type == .varchar {
                return overload([type, .double], type) { _ in StringQuantileAccumulator(fraction: nil) }
            }
            return overload([type, .double], type, quantile: QuantileKind(continuous: false, fraction: nil)) { _ in
                QuantileAccumulator(type: type, continuous: false, fraction: nil)
            }
        },
        variance("var_samp", "sample variance", .sampleVariance),
        variance("variance", "sample variance (var_samp)", .sampleVariance),
        variance("var_pop", "population variance", .populationVariance),
        variance("stddev_samp", "sample standard deviation", .sampleDeviation),
        variance("stddev", "sample standard deviation (stddev_samp)", .sampleDeviation),
        variance("stddev_pop", "population standard deviation", .populationDeviation),
        AggregateFunction(name: "string_agg", summary: "string_agg(x[, sep]) — values joined in input order, sep ','") {
            types in
            guard types.count == 1 || types.count == 2, types[0] != nil else { return nil }
            return overload(Array(repeating: .varchar, count: types.count), .varchar) { _ in
                StringAggregateAccumulator()
            }
        },
        boolean("bool_and", "true when every non-NULL value is true", isAnd: true),
        boolean("bool_or", "true when any non-NULL value is true", isAnd: false),
        pick("first", "the first row's value (NULL included)", .first),
        pick("last", "the last row's value (NULL included)", .last),
        pick("any_value", "some non-NULL value (the first seen)", .anyValue),
        argExtremum("arg_max", isMax: true), argExtremum("max_by", isMax: true),
        argExtremum("arg_min", isMax: false), argExtremum("min_by", isMax: false),
        coMoment("corr", "correlation coefficient of the non-NULL pairs", .correlation),
        coMoment("covar_pop", "population covariance", .covariancePopulation),
        coMoment("covar_samp", "sample covariance", .covarianceSample),
        coMoment("regr_slope", "slope of the least-squares line", .slope),
        coMoment("regr_intercept", "intercept of the least-squares line", .intercept),
        coMoment("regr_r2", "coefficient of determination", .r2),
        coMoment("regr_count", "number of non-NULL pairs, as BIGINT", .count, returns: .bigint),
        coMoment("regr_avgx", "average of x over the non-NULL pairs", .averageX),
        coMoment("regr_avgy", "average of y over the non-NULL pairs", .averageY),
        coMoment("regr_sxx", "sum of squared deviations of x", .sxx),
        coMoment("regr_syy", "sum of squared deviations of y", .syy),
        coMoment("regr_sxy", "sum of products of the deviations of x and y", .sxy),
        moment("skewness", "sample skewness", .skewness),
        moment("kurtosis", "sample excess kurtosis", .kurtosis),
        moment("kurtosis_pop", "population excess kurtosis", .kurtosisPopulation),
        AggregateFunction(name: "product", summary: "product(x) — product of non-NULL values, as DOUBLE") { types in
            guard let type = single(types), type.isNumeric else { return nil }
            return overload([.double], .double) { _ in ProductAccumulator() }
        },
        frequency("mode", "the most frequent non-NULL value (a tie: the first seen)", .mode),
        frequency("entropy", "base-2 entropy of the non-NULL values' frequencies, as DOUBLE", .entropy),
    ]

    private static func coMoment(
        _ name: String, _ what: String, _ statistic: CoMomentAccumulator.Statistic, returns: DataType = .double
    ) -> AggregateFunction {
        AggregateFunction(name: name, summary: "\(name)(y, x) — \(what)") { types in
            guard types.count == 2, types.allSatisfy({ $0 == nil || $0!.isNumeric }) else { return nil }
            return overload([.double, .double], returns) { _ in CoMomentAccumulator(statistic) }
        }
    }

    private static func moment(_ name: String, _ what: String, _ statistic: MomentAccumulator.Statistic)
        -> AggregateFunction
    {
        AggregateFunction(name: name, summary: "\(name)(x) — \(what), as DOUBLE") { types in
            guard let type = single(types), type.isNumeric else { return nil }
            return overload([.double], .double) { _ in MomentAccumulator(statistic) }
        }
    }

    private static func frequency(_ name: String, _ what: String, _ statistic: FrequencyAccumulator.Statistic)
        -> AggregateFunction
    {
        AggregateFunction(name: name, summary: "\(name)(x) — \(what)") { types in
            guard let type = single(types) else { return nil }
            return overload([type], statistic == .mode ? type : .double) { _ in
                FrequencyAccumulator(statistic, type: type)
            }
        }
    }

    private static func overload(
        _ parameters: [DataType], _ result: DataType, running: RunningAggregateKind? = nil,
        quantile: QuantileKind? = nil, _ make: @escaping @Sendable (Bool) -> any GroupedAccumulator
    ) -> AggregateOverload {
        var overload = AggregateOverload(parameterTypes: parameters, returnType: result, runningKind: running) {
            distinct in
            let accumulator = make(distinct)
            return distinct ? DistinctAccumulator(wrapping: accumulator) : accumulator
        }
        overload.quantile = quantile
        return overload
    }

    /// The one argument's type; an untyped NULL counts as BIGINT.
    private static func single(_ types: [DataType?]) -> DataType? {
        types.count == 1 ? (types[0] ?? .bigint) : nil
    }

    /// True when a quantile's fraction argument can be DOUBLE.
    private static func fraction(_ type: DataType?) -> Bool {
        type == nil || type!.isNumeric
    }

    private static func extremum(_ name: String, isMax: Bool) -> AggregateFunction {
        AggregateFunction(name: name, summary: "\(name)(x) — \(isMax ? "largest" : "smallest") non-NULL value") {
            types in
            guard let type = single(types) else { return nil }
            return overload([type], type, running: isMax ? .maximum : .minimum) { _ in
                type == .varchar
                    ? StringExtremumAccumulator(isMax: isMax) as any GroupedAccumulator
                    : ExtremumAccumulator(type: type, isMax: isMax)
            }
        }
    }

    private static func argExtremum(_ name: String, isMax: Bool) -> AggregateFunction {
        let which = isMax ? "largest" : "smallest"
        return AggregateFunction(name: name, summary: "\(name)(x, by) — x of the row with the \(which) by") { types in
            guard types.count == 2 else { return nil }
            let type = types[0] ?? .bigint
            let by = types[1] ?? .bigint
            var result = overload([type, by], type) { _ in ArgExtremumAccumulator(type: type, isMax: isMax) }
            result.frameStatistic = .argExtremum(isMax: isMax)
            return result
        }
    }

    private static func variance(_ name: String, _ what: String, _ statistic: VarianceAccumulator.Statistic)
        -> AggregateFunction
    {
        AggregateFunction(name: name, summary: "\(name)(x) — \(what), as DOUBLE") { types in
            guard let type = single(types), type.isNumeric else { return nil }
            var result = overload([type], .double) { _ in VarianceAccumulator(statistic) }
            result.frameStatistic = .variance(statistic)
            return result
        }
    }

    private static func boolean(_ name: String, _ what: String, isAnd: Bool) -> AggregateFunction {
        AggregateFunction(name: name, summary: "\(name)(x) — \(what)") { types in
            guard types.count == 1, types[0] == nil || types[0] == .boolean else { return nil }
            var result = overload([.boolean], .boolean) { _ in BooleanAccumulator(isAnd: isAnd) }
            result.frameStatistic = isAnd ? .booleanAnd : .booleanOr
            return result
        }
    }

    private static func pick(_ name: String, _ what: String, _ rule: PickAccumulator.Rule) -> AggregateFunction {
        AggregateFunction(name: name, summary: "\(name)(x) — \(what)") { types in
            guard let type = single(types) else { return nil }
            return overload([type], type) { _ in PickAccumulator(type: type, rule: rule) }
        }
    }
}
