/// Appends values of one type and produces a `Column`. The NULL bitmap is only allocated once a NULL arrives.
public struct ColumnBuilder: Sendable {
    public let type: DataType
    private var bigints: [Int64] = []
    private var doubles: [Double] = []
    private var booleans: [Bool] = []
    private var dates: [Int32] = []
    private var codes: [UInt32] = []
    private var strings = StringDictionaryBuilder()
    private var validity: Validity?
    public private(set) var count = 0

    public init(type: DataType, capacity: Int = 0) {
        self.type = type
        switch type {
        case .bigint: bigints.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .boolean: booleans.reserveCapacity(capacity)
        case .date: dates.reserveCapacity(capacity)
        case .varchar: codes.reserveCapacity(capacity)
        }
    }

    public mutating func appendNull() {
        if validity == nil { validity = Validity(allValid: count) }
        switch type {
        case .bigint: bigints.append(0)
        case .double: doubles.append(0)
        case .boolean: booleans.append(false)
        case .date: dates.append(0)
        case .varchar: codes.append(0)
        }
        validity!.append(false)
        count += 1
    }

    private mutating func markValid() {
        validity?.append(true)
        count += 1
    }

    public mutating func append(_ value: Int64) { precondition(type == .bigint); bigints.append(value); markValid() }
    public mutating func append(_ value: Double) { precondition(type == .double); doubles.append(value); markValid() }
    public mutating func append(_ value: Bool) { precondition(type == .boolean); booleans.append(value); markValid() }
    public mutating func append(_ value: Date32) {
        precondition(type == .date)
        dates.append(value.daysSinceEpoch)
        markValid()
    }
    public mutating func append(_ value: String) {
        precondition(type == .varchar)
        codes.append(strings.intern(value))
        markValid()
    }

    /// Appends a boxed value. A BIGINT widens into a DOUBLE column; any other mismatch is a programmer error.
    public mutating func append(_ value: Value) {
        switch (value, type) {
        case (.null, _): appendNull()
        case (.bigint(let v), .bigint): append(v)
        case (.bigint(let v), .double): append(Double(v))
        case (.double(let v), .double): append(v)
        case (.boolean(let v), .boolean): append(v)
        case (.date(let v), .date): append(v)
        case (.varchar(let v), .varchar): append(v)
        default: preconditionFailure("cannot append \(value) to a \(type) column")
        }
    }

    /// Appends every row of `column` (same type), re-coding strings into this builder's dictionary.
    public mutating func append(contentsOf column: Column) {
        precondition(column.type == type, "column type \(column.type) differs from builder type \(type)")
        if case .varchar(let sourceCodes, let dictionary) = column.storage {
            var recoder = strings.recoder(from: dictionary)
            for row in 0..<column.count {
                if column.isNull(row) { appendNull(); continue }
                codes.append(recoder.code(for: sourceCodes[row], into: &strings))
                markValid()
            }
            return
        }
        for row in 0..<column.count { append(column[row]) }
    }

    public func build() -> Column {
        switch type {
        case .bigint: Column(.bigint(bigints), validity: validity)
        case .double: Column(.double(doubles), validity: validity)
        case .boolean: Column(.boolean(booleans), validity: validity)
        case .date: Column(.date(dates), validity: validity)
        case .varchar: Column(.varchar(codes: codes, dictionary: strings.build()), validity: validity)
        }
    }
}
