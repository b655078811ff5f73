/// A typed, contiguous column of values with an optional NULL bitmap.
///
/// Values stored under NULL rows are unspecified (usually zero / code 0) and must never be read
/// without checking `isNull`. Value semantics: copies share buffers until written (copy-on-write).
public struct Column: Sendable {
    /// Physical buffers, one case per logical type.
    public enum Storage: Sendable {
        case bigint([Int64])
        case double([Double])
        case boolean([Bool])
        /// Days since 1970-01-01.
        case date([Int32])
        /// Codes into a dictionary of distinct strings.
        case varchar(codes: [UInt32], dictionary: StringDictionary)
    }

    public private(set) var storage: Storage
    /// Nil when no row is NULL.
    public private(set) var validity: Validity?
    public let count: Int

    /// - Precondition: `validity`, when given, has `count` rows.
    public init(_ storage: Storage, validity: Validity? = nil) {
        let count: Int
        switch storage {
        case .bigint(let v): count = v.count
        case .double(let v): count = v.count
        case .boolean(let v): count = v.count
        case .date(let v): count = v.count
        case .varchar(let codes, _): count = codes.count
        }
        precondition(validity == nil || validity!.count == count, "validity length differs from column length")
        self.storage = storage
        self.count = count
        // Normalise: a bitmap with no NULLs is dropped so "no bitmap" reliably means "no NULLs" fast paths.
        if let validity, validity.nullCount == 0 {
            self.validity = nil
        } else {
            self.validity = validity
        }
    }

    public var type: DataType {
        switch storage {
        case .bigint: .bigint
        case .double: .double
        case .boolean: .boolean
        case .date: .date
        case .varchar: .varchar
        }
    }

    @inline(__always)
    public func isNull(_ row: Int) -> Bool {
        guard let validity else { return false }
        return !validity.isValid(row)
    }

    public var nullCount: Int { validity?.nullCount ?? 0 }

    /// Boxed access to one row; for edges and tests, not for kernels.
    public subscript(row: Int) -> Value {
        if isNull(row) { return .null }
        switch storage {
        case .bigint(let v): return .bigint(v[row])
        case .double(let v): return .double(v[row])
        case .boolean(let v): return .boolean(v[row])
        case .date(let v): return .date(Date32(daysSinceEpoch: v[row]))
        case .varchar(let codes, let dictionary): return .varchar(dictionary[codes[row]])
        }
    }

    /// All rows boxed, in order.
    public var values: [Value] { (0..<count).map { self[$0] } }
}
