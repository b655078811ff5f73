import Columnar

/// The kinds of text seen in a column, accumulated over every distinct value to sniff its type.
///
/// Rules (see `resolvedType`): a column is BOOLEAN, BIGINT, DATE when every value is of that kind; DOUBLE
/// when values are integers and decimals (`nan`, `inf`, `-infinity` count as decimals), or when every value
/// is a percent (`45%`, `45 %`); anything else,
/// including a mix of kinds, is VARCHAR. A column with no values at all is VARCHAR.
struct ValueClasses: OptionSet, Sendable {
    let rawValue: UInt8

    static let boolean = ValueClasses(rawValue: 1)
    static let integer = ValueClasses(rawValue: 2)
    static let decimal = ValueClasses(rawValue: 4)
    static let date = ValueClasses(rawValue: 8)
    static let percent = ValueClasses(rawValue: 16)
    static let text = ValueClasses(rawValue: 32)
    /// A quoted empty string `""`: neutral for sniffing; NULL in a typed column, `''` in a VARCHAR one.
    static let emptyString = ValueClasses(rawValue: 64)

    /// The sniffed type and whether its values are written as percents.
    var resolvedType: (type: DataType, percent: Bool) {
        if contains(.text) { return (.varchar, false) }
        let kinds = subtracting(.emptyString)
        switch kinds {
        case []: return (.varchar, false)
        case .boolean: return (.boolean, false)
        case .integer: return (.bigint, false)
        case .decimal, [.integer, .decimal]: return (.double, false)
        case .date: return (.date, false)
        case .percent: return (.double, true)
        default: return (.varchar, false)
        }
    }

    /// The kind of one non-NULL value, with the identifier-protecting rules: a leading zero (`007`), a
    /// dotted id (`1.1.01`), an integer beyond Int64 or a number with a `+` sign stay text.
    static func of(_ pointer: UnsafeRawPointer, _ length: Int) -> ValueClasses {
        if length == 0 { return .emptyString }
        let bytes = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length)
        let first = bytes[0]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || (first >= 48 && first <= 57) {
            if let number = NumberSyntax.parse(bytes, strict: true) {
                switch number {
                case .integer: return .integer
                case .decimal: return .decimal
                case .percent: return .percent
                }
            }
            if length == 10, ValueParser.date(bytes) != nil { return .date }
            if NonFiniteNumber.value(bytes, strict: true) != nil { return .decimal }
            return .text
        }
        if length == 4 || length == 5, ValueParser.boolean(bytes, lenient: false) != nil { return .boolean }
        if NonFiniteNumber.value(bytes, strict: true) != nil { return .decimal }
        return .text
    }
}
