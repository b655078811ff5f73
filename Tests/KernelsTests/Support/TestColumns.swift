import Columnar
import TestSupport

/// Builders of test columns, including VARCHAR columns whose dictionaries differ chunk by chunk.
enum TestColumns {
    static let words = ["alpha", "beta", "gamma", "delta", "Émile", "e\u{301}", "é", "zeta", "", "Zulu", "a", "ab"]

    /// A VARCHAR column of `values` over a shuffled dictionary padded with strings no row uses, so codes
    /// differ between chunks holding the same strings.
    static func varchar(_ values: [String?], using rng: inout SeededGenerator) -> Column {
        var distinct: [String] = []
        for value in values {
            if let value, !distinct.contains(where: { $0.binaryEquals(value) }) { distinct.append(value) }
        }
        for extra in ["unused-\(rng.next() % 1000)", "zz-unused"] where !distinct.contains(extra) {
            distinct.append(extra)
        }
        distinct.shuffle(using: &rng)
        let dictionary = StringDictionary(distinct: distinct)
        let codes = values.map { value in value.map { dictionary.code(of: $0)! } ?? 0 }
        let validity = values.contains(where: { $0 == nil }) ? Validity(values.map { $0 != nil }) : nil
        return Column(.varchar(codes: codes, dictionary: dictionary), validity: validity)
    }

    /// A column of boxed values (VARCHAR through `varchar(_:using:)`).
    static func column(_ type: DataType, _ values: [Value], using rng: inout SeededGenerator) -> Column {
        if type == .varchar {
            return varchar(values.map { if case .varchar(let s) = $0 { s } else { nil } }, using: &rng)
        }
        return Column(type: type, values: values)
    }

    /// A random value of `type`, NULL with probability `nulls`, drawn from a small domain of `domain` values.
    static func randomValue(_ type: DataType, nulls: Double, domain: Int, using rng: inout SeededGenerator) -> Value {
        if rng.chance(nulls) { return .null }
        let k = Int(rng.next() % UInt64(domain))
        switch type {
        case .bigint: return .bigint(Int64(k) - Int64(domain / 3))
        case .double:
            if k == 0 && domain > 8 { return .double(.nan) }
            return .double(Double(k) * 0.25 - 1.5)
        case .varchar: return .varchar(words[k % words.count] + (k >= words.count ? "\(k)" : ""))
        case .boolean: return .boolean(k % 2 == 0)
        case .date: return .date(Date32(daysSinceEpoch: Int32(k * 37 - 500)))
        }
    }
}

/// The dialect's order on boxed values of one type (NULL handled by callers): strings by code point,
/// NaN above every number.
func valuePrecedes(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.bigint(let x), .bigint(let y)): return x < y
    case (.double(let x), .double(let y)):
        if x.isNaN { return false }
        if y.isNaN { return true }
        return x < y
    case (.varchar(let x), .varchar(let y)): return x.binaryPrecedes(y)
    case (.boolean(let x), .boolean(let y)): return !x && y
    case (.date(let x), .date(let y)): return x < y
    default: return false
    }
}

/// Equal values, doubles within a relative tolerance (NaN equals NaN).
func approximatelyEqual(_ a: Value, _ b: Value, tolerance: Double = 1e-9) -> Bool {
    if case .double(let x) = a, case .double(let y) = b {
        if x.isNaN || y.isNaN { return x.isNaN && y.isNaN }
        if x == y { return true }  // equal infinities too
        return abs(x - y) <= tolerance * max(1, abs(x), abs(y))
    }
    return a == b
}
