/// The distinct strings of a VARCHAR column; rows hold `UInt32` codes into it.
///
/// Invariant: entries are distinct by bytes, so within one column equal codes mean equal strings and
/// joins, group-bys and DISTINCT run on integer codes. Entries need not all be referenced (a filtered
/// column shares its parent's dictionary). Immutable and shared between columns by reference.
public final class StringDictionary: Sendable {
    public let strings: [String]
    private let index: [BinaryString: UInt32]

    /// - Precondition: `strings` are distinct by bytes.
    public init(distinct strings: [String]) {
        var index = [BinaryString: UInt32](minimumCapacity: strings.count)
        for (code, s) in strings.enumerated() {
            let previous = index.updateValue(UInt32(code), forKey: BinaryString(s))
            precondition(previous == nil, "StringDictionary entries must be distinct")
        }
        self.strings = strings
        self.index = index
    }

    init(strings: [String], index: [BinaryString: UInt32]) {
        self.strings = strings
        self.index = index
    }

    public static let empty = StringDictionary(distinct: [])

    public var count: Int { strings.count }

    @inline(__always)
    public subscript(code: UInt32) -> String { strings[Int(code)] }

    /// The code of `string`, if present.
    public func code(of string: String) -> UInt32? { index[BinaryString(string)] }
}

/// Builds a dictionary and codes by interning strings one at a time.
public struct StringDictionaryBuilder: Sendable {
    public private(set) var strings: [String] = []
    private var index: [BinaryString: UInt32] = [:]

    public init() {}

    /// The code for `string`, adding it when new.
    public mutating func intern(_ string: String) -> UInt32 {
        let key = BinaryString(string)
        if let code = index[key] { return code }
        let code = UInt32(strings.count)
        strings.append(string)
        index[key] = code
        return code
    }

    public func build() -> StringDictionary { StringDictionary(strings: strings, index: index) }

    /// A recoder from `source`'s codes into this builder's, for copying a column's strings.
    public func recoder(from source: StringDictionary) -> Recoder { Recoder(source: source) }

    /// Maps one dictionary's codes into a builder's, interning each distinct string once however many
    /// rows use it (a column of 10 M rows with 150 areas hashes 150 strings, not 10 M).
    public struct Recoder {
        private let source: StringDictionary
        private var codes: [UInt32?]

        init(source: StringDictionary) {
            self.source = source
            codes = Array(repeating: nil, count: source.count)
        }

        /// The builder's code for `source`'s string `code`.
        public mutating func code(for code: UInt32, into builder: inout StringDictionaryBuilder) -> UInt32 {
            if let known = codes[Int(code)] { return known }
            let mapped = builder.intern(source[code])
            codes[Int(code)] = mapped
            return mapped
        }
    }
}
