import Columnar
import Foundation

/// Row-at-a-time reference implementations of the aggregates over boxed values, written from the
/// definitions (not from the kernels) to check them against.
enum ReferenceAggregate {
    /// `name` over the group's argument values in input order; `parameter` is p or the separator.
    static func evaluate(_ name: String, _ values: [Value], parameter: Value? = nil, distinct: Bool = false) -> Value {
        var values = values
        if distinct {
            var kept: [Value] = []
            for value in values where !kept.contains(value) { kept.append(value) }
            values = kept
        }
        let present = values.filter { !$0.isNull }
        switch name {
        case "count_star": return .bigint(Int64(values.count))
        case "count": return .bigint(Int64(present.count))
        case "sum":
            guard let first = present.first else { return .null }
            if case .bigint = first { return .bigint(present.reduce(0) { $0 + int($1) }) }
            return .double(present.reduce(0.0) { $0 + double($1) })
        case "avg":
            guard !present.isEmpty else { return .null }
            if case .bigint = present[0] {
                return .double(Double(present.reduce(0) { $0 + int($1) }) / Double(present.count))
            }
            return .double(present.reduce(0.0) { $0 + double($1) } / Double(present.count))
        case "min": return present.min(by: valuePrecedes) ?? .null
        case "max": return present.max(by: valuePrecedes) ?? .null
        case "median" where present.first?.type == .varchar:
            return evaluate("quantile_disc", present, parameter: .double(0.5))
        case "median", "quantile_cont":
            guard !present.isEmpty else { return .null }
            let p = name == "median" ? 0.5 : double(parameter!)
            let sorted = present.map(double).sorted { valuePrecedes(.double($0), .double($1)) }
            let position = Double(sorted.count - 1) * p
            let low = Int(position.rounded(.down)), high = Int(position.rounded(.up))
            if low == high { return .double(sorted[low]) }
            return .double(sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low]))
        case "quantile_disc":
            guard !present.isEmpty else { return .null }
            let sorted = present.sorted(by: valuePrecedes)
            let index = max(1, Int((Double(sorted.count) * double(parameter!)).rounded(.up))) - 1
            return sorted[index]
        case "var_samp", "var_pop", "stddev_samp", "stddev_pop":
            let xs = present.map(double)
            let minimum = name.hasSuffix("samp") ? 2 : 1
            guard xs.count >= minimum else { return .null }
            let mean = xs.reduce(0, +) / Double(xs.count)
            let squares = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let variance = squares / Double(name.hasSuffix("samp") ? xs.count - 1 : xs.count)
            return .double(name.hasPrefix("stddev") ? variance.squareRoot() : variance)
        case "string_agg":
            guard !present.isEmpty else { return .null }
            let separator = parameter.map { $0.isNull ? "" : $0.description } ?? ","
            return .varchar(present.map(\.description).joined(separator: separator))
        case "bool_and": return present.isEmpty ? .null : .boolean(present.allSatisfy { $0 == .boolean(true) })
        case "bool_or": return present.isEmpty ? .null : .boolean(present.contains { $0 == .boolean(true) })
        case "first": return values.first ?? .null
        case "last": return values.last ?? .null
        case "any_value": return present.first ?? .null
        case "skewness", "kurtosis", "kurtosis_pop":
            // Two passes over the values: the mean, then the central moments (DuckDB's finals).
            let xs = present.map(double)
            let n = Double(xs.count)
            guard !xs.isEmpty else { return .null }
            let mean = xs.reduce(0, +) / n
            func moment(_ k: Double) -> Double { xs.reduce(0) { $0 + pow($1 - mean, k) } / n }
            let m2 = moment(2)
            switch name {
            case "skewness":
                guard n > 2, m2 > 0 else { return .null }
                return .double((n * (n - 1)).squareRoot() / (n - 2) * moment(3) / pow(m2, 1.5))
            case "kurtosis":
                guard n > 3, m2 > 0 else { return .null }
                return .double((n - 1) * ((n + 1) * moment(4) / (m2 * m2) - 3 * (n - 1)) / ((n - 2) * (n - 3)))
            default:
                guard m2 > 0 else { return .null }
                return .double(moment(4) / (m2 * m2) - 3)
            }
        case "product":
            return present.isEmpty ? .null : .double(present.reduce(1.0) { $0 * double($1) })
        case "mode", "entropy":
            var order: [Value] = []
            var counts: [Value: Int] = [:]
            for value in present {
                if counts[value] == nil { order.append(value) }
                counts[value, default: 0] += 1
            }
            if name == "mode" {
                var best: Value = .null
                var bestCount = 0
                for value in order where counts[value]! > bestCount { (best, bestCount) = (value, counts[value]!) }
                return best
            }
            let total = Double(present.count)
            return .double(
                order.reduce(0.0) { sum, value in
                    let p = Double(counts[value]!) / total
                    return sum - p * log2(p)
                })
        default: fatalError("no reference for \(name)")
        }
    }

    static func int(_ value: Value) -> Int64 { if case .bigint(let v) = value { v } else { 0 } }
    static func double(_ value: Value) -> Double {
        switch value {
        case .double(let v): v
        case .bigint(let v): Double(v)
        default: .nan
        }
    }
}
