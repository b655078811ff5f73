import Columnar

/// `strftime(date, format)`: each distinct format compiles once; each distinct date formats once.
enum Strftime {
    static let functions: [ScalarFunction] = [strftime]

    static let strftime = ScalarFunction(
        name: "strftime", summary: "strftime(d, format) — d as text, e.g. strftime(d, '%d %B %Y') = '01 March 2024'",
        overloads: [
            ScalarOverload(parameterTypes: [.date, .varchar], returnType: .varchar) {
                columns, rowCount throws(KernelError) in
                if case .varchar(_, let formatDictionary) = columns[1].storage, formatDictionary.count == 1 {
                    return try constantFormat(columns, DateFormat(formatDictionary.strings[0]))
                }
                var formats: [BinaryString: DateFormat] = [:]
                var output = StringDictionaryBuilder()
                var memo: [UInt64: UInt32] = [:]  // (format code, day) → output code
                let days = TypedBuffers.days(columns[0])
                let (formatCodes, formatDictionary) = TypedBuffers.strings(columns[1])
                let validity = Validity.intersect(columns[0].validity, columns[1].validity)
                var codes = [UInt32](repeating: 0, count: rowCount)
                for row in 0..<rowCount where validity?.isValid(row) ?? true {
                    let key = UInt64(formatCodes[row]) << 32 | UInt64(UInt32(bitPattern: days[row]))
                    if let code = memo[key] {
                        codes[row] = code
                        continue
                    }
                    let text = formatDictionary[formatCodes[row]]
                    let format: DateFormat
                    if let known = formats[BinaryString(text)] {
                        format = known
                    } else {
                        format = try DateFormat(text)
                        formats[BinaryString(text)] = format
                    }
                    let code = output.intern(format.format(Date32(daysSinceEpoch: days[row])))
                    memo[key] = code
                    codes[row] = code
                }
                return Column(.varchar(codes: codes, dictionary: output.build()), validity: validity)
            }
        ])

    /// One format for every row: each distinct date formats once, via a per-day table.
    private static func constantFormat(_ columns: [Column], _ format: DateFormat) -> Column {
        let validity = Validity.intersect(columns[0].validity, columns[1].validity)
        var output = StringDictionaryBuilder()
        let codes = SpanMemo.map(TypedBuffers.days(columns[0]), validity: validity, placeholder: UInt32(0)) {
            output.intern(format.format(Date32(daysSinceEpoch: $0)))
        }
        return Column(.varchar(codes: codes, dictionary: output.build()), validity: validity)
    }
}
