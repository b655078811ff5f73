import Columnar

/// Any column → VARCHAR, printing each distinct value once (scores, dates and flags repeat a lot).
enum CastFormatting {
    /// Text as `Value.description` prints it.
    /// - Complexity: O(rows) hash look-ups plus one formatting per distinct value.
    static func format(_ column: Column) -> Column {
        switch column.storage {
        case .varchar: return column
        case .boolean(let v):
            let codes = Vectorised.map(v) { UInt32($0 ? 1 : 0) }
            return Column(
                .varchar(codes: codes, dictionary: StringDictionary(distinct: ["false", "true"])),
                validity: column.validity)
        case .bigint(let v): return formatIntegers(v, column.validity) { String($0) }
        case .double(let v):
            return formatDistinct(v, column.validity, key: { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern }) {
                Value.format($0)
            }
        case .date(let v):
            return formatIntegers(v, column.validity) { Date32(daysSinceEpoch: $0).description }
        }
    }

    private static func formatDistinct<T, Key: Hashable>(
        _ values: [T], _ validity: Validity?, key: (T) -> Key, _ text: (T) -> String
    ) -> Column {
        var dictionary = StringDictionaryBuilder()
        var known: [Key: UInt32] = [:]
        var result = [UInt32](repeating: 0, count: values.count)
        for row in values.indices where validity?.isValid(row) ?? true {
            result[row] = code(for: values[row], key: key, text, &known, &dictionary)
        }
        return Column(.varchar(codes: result, dictionary: dictionary.build()), validity: validity)
    }

    /// Integers (and dates) in a narrow span use a direct table instead of hashing every row.
    private static func formatIntegers<T: FixedWidthInteger & Hashable>(
        _ values: [T], _ validity: Validity?, _ text: (T) -> String
    ) -> Column {
        var dictionary = StringDictionaryBuilder()
        var known: [T: UInt32] = [:]
        let codes = SpanMemo.map(values, validity: validity, placeholder: UInt32(0)) { value in
            code(for: value, key: { $0 }, text, &known, &dictionary)
        }
        return Column(.varchar(codes: codes, dictionary: dictionary.build()), validity: validity)
    }

    @inline(__always)
    private static func code<T, Key: Hashable>(
        for value: T, key: (T) -> Key, _ text: (T) -> String, _ known: inout [Key: UInt32],
        _ dictionary: inout StringDictionaryBuilder
    ) -> UInt32 {
        let k = key(value)
        if let code = known[k] { return code }
        let code = dictionary.intern(text(value))
        known[k] = code
        return code
    }
}
