extension Column {
    /// A column of `type` from boxed values; every non-NULL value must have that type,
    /// except BIGINT values in a DOUBLE column, which widen.
    public init(type: DataType, values: [Value]) {
        var builder = ColumnBuilder(type: type, capacity: values.count)
        for value in values { builder.append(value) }
        self = builder.build()
    }

    /// `count` NULLs of `type`.
    public init(nullsOf type: DataType, count: Int) {
        let storage: Storage
        switch type {
        case .bigint: storage = .bigint(Array(repeating: 0, count: count))
        case .double: storage = .double(Array(repeating: 0, count: count))
        case .boolean: storage = .boolean(Array(repeating: false, count: count))
        case .date: storage = .date(Array(repeating: 0, count: count))
        case .varchar: storage = .varchar(codes: Array(repeating: 0, count: count), dictionary: .empty)
        }
        self.init(storage, validity: Validity(allNull: count))
    }

    /// `value` repeated `count` times (a constant broadcast to a chunk). NULL needs `type`.
    public init(repeating value: Value, count: Int, type: DataType? = nil) {
        switch value {
        case .null: self.init(nullsOf: type ?? .varchar, count: count)
        case .bigint(let v):
            if type == .double {
                self.init(.double(Array(repeating: Double(v), count: count)))
            } else {
                self.init(.bigint(Array(repeating: v, count: count)))
            }
        case .double(let v): self.init(.double(Array(repeating: v, count: count)))
        case .boolean(let v): self.init(.boolean(Array(repeating: v, count: count)))
        case .date(let v): self.init(.date(Array(repeating: v.daysSinceEpoch, count: count)))
        case .varchar(let v):
            self.init(.varchar(codes: Array(repeating: 0, count: count), dictionary: StringDictionary(distinct: [v])))
        }
    }

    /// Rows at `indices`, in that order (a selection vector applied). Shares the string dictionary.
    /// - Complexity: O(indices.count).
    public func gather(_ indices: [Int32]) -> Column {
        gather(indices, unless: { false })!
    }

    /// `gather(indices)`, giving up between 64K-row slices once `stop()` is true (nil then): gathering ten
    /// million rows in random order takes tens of milliseconds, too long to leave Ctrl-C unheard.
    public func gather(_ indices: [Int32], unless stop: () -> Bool) -> Column? {
        let slice = 1 << 16
        var stopped = false
        let newValidity: Validity? = validity.map { old in
            var v = Validity(allValid: indices.count)
            for (i, row) in indices.enumerated() where !old.isValid(Int(row)) { v.set(i, valid: false) }
            return v
        }
        func pick<T>(_ source: [T]) -> [T] {
            source.withUnsafeBufferPointer { src in
                indices.withUnsafeBufferPointer { indices in
                    [T](unsafeUninitializedCapacity: indices.count) { dst, initialized in
                        var start = 0
                        while start < indices.count {
                            if stop() {
                                stopped = true
                                break
                            }
                            let end = min(indices.count, start + slice)
                            for i in start..<end { (dst.baseAddress! + i).initialize(to: src[Int(indices[i])]) }
                            start = end
                        }
                        initialized = start
                    }
                }
            }
        }
        let storage: Storage
        switch self.storage {
        case .bigint(let v): storage = .bigint(pick(v))
        case .double(let v): storage = .double(pick(v))
        case .boolean(let v): storage = .boolean(pick(v))
        case .date(let v): storage = .date(pick(v))
        case .varchar(let codes, let dictionary): storage = .varchar(codes: pick(codes), dictionary: dictionary)
        }
        return stopped ? nil : Column(storage, validity: newValidity)
    }

    /// A contiguous run of rows.
    public func slice(_ range: Range<Int>) -> Column {
        let newValidity: Validity? = validity.map { old in
            var v = Validity(allValid: range.count)
            for row in range where !old.isValid(row) { v.set(row - range.lowerBound, valid: false) }
            return v
        }
        switch storage {
        case .bigint(let v): return Column(.bigint(Array(v[range])), validity: newValidity)
        case .double(let v): return Column(.double(Array(v[range])), validity: newValidity)
        case .boolean(let v): return Column(.boolean(Array(v[range])), validity: newValidity)
        case .date(let v): return Column(.date(Array(v[range])), validity: newValidity)
        case .varchar(let codes, let dictionary):
            return Column(.varchar(codes: Array(codes[range]), dictionary: dictionary), validity: newValidity)
        }
    }

    /// Rows of `columns` one after another; all must share a type. String dictionaries are merged.
    public static func concatenate(_ columns: [Column], type: DataType) -> Column {
        var builder = ColumnBuilder(type: type, capacity: columns.reduce(0) { $0 + $1.count })
        for column in columns { builder.append(contentsOf: column) }
        return builder.build()
    }
}
