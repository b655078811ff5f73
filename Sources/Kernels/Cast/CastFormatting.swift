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
        case .bigint(let v): return formatDistinct(v, column.validity, key: { $0 }) { String($0) }
        case .double(let v):
            return formatDistinct(v, column.validity, key: { $0.isNaN ? Double.nan.bitPattern : $0.bitPattern }) {
                Value.format($0)
            }
        case .date(let v):
            return formatDistinct(v, column.validity, key: { $0 }) { Date32(daysSinceEpoch: $0).description }
        }
    }

    private static func formatDistinct<T, Key: Hashable>(
        _ values: [T], _ validity: Validity?, key: (T) -> Key, _ text: (T) -> String
    ) -> Column {
        var dictionary = StringDictionaryBuilder()
        var known: [Key: UInt32] = [:]
        var codes = [UInt32](repeating: 0, count: values.count)
        for row in values.indices where validity?.isValid(row) ?? true {
            let k = key(values[row])
            if let code = known[k] {
                codes[row] = code
            } else {
                let code = dictionary.intern(text(values[row]))
                known[k] = code
                codes[row] = code
            }
        }
        return Column(.varchar(codes: codes, dictionary: dictionary.build()), validity: validity)
    }
}
