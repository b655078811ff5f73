import Columnar

/// Dense ids (0, 1, 2, ... in first-seen order) for the distinct values of one key column, stable across
/// chunks and across VARCHAR dictionaries. NULL receives an id like any value.
///
/// Strings are matched by bytes once per distinct dictionary entry (cached per dictionary identity), never
/// once per row; other types are normalised to 64 bits and hashed.
final class ColumnValueIDs {
    /// Returned by `lookup` for NULL or an unknown value.
    static let absent = UInt32.max
    private static let unmapped = UInt32.max - 1

    let type: DataType
    private(set) var nullID: UInt32?
    /// Non-VARCHAR: normalised value → id (its `keysByID` are the payloads).
    private let map = UInt64HashMap()
    /// VARCHAR: string by id ("" under the NULL id).
    private var strings: [String] = []
    private var stringIDs: [BinaryString: UInt32] = [:]
    private var insertCaches: [ObjectIdentifier: CodeMap] = [:]
    private var lookupCaches: [ObjectIdentifier: CodeMap] = [:]

    var count: Int { type == .varchar ? strings.count : map.count }

    /// A per-dictionary array from code to id; holds the dictionary so its identity stays unique.
    private final class CodeMap {
        let dictionary: StringDictionary
        var ids: [UInt32]
        init(_ dictionary: StringDictionary) {
            self.dictionary = dictionary
            ids = [UInt32](repeating: ColumnValueIDs.unmapped, count: dictionary.count)
        }
    }

    init(type: DataType) { self.type = type }

    /// The id of every row of `column`, assigning ids to new values.
    func assign(_ column: Column) -> [UInt32] {
        precondition(column.type == type, "key column is \(column.type), expected \(type)")
        if case .bigint(let values) = column.storage, let ids = assignDense(values, column) { return ids }
        lookupCaches.removeAll()  // cached misses may become hits
        var result = [UInt32](repeating: 0, count: column.count)
        result.withUnsafeMutableBufferPointer { out in
            switch column.storage {
            case .varchar(let codes, let dictionary):
                let cache = codeMap(for: dictionary, in: &insertCaches)
                var ids = cache.ids
                cache.ids = []
                let validity = RowValidity(column)
                codes.withUnsafeBufferPointer { codes in
                    ids.withUnsafeMutableBufferPointer { ids in
                        for row in 0..<codes.count {
                            if validity.isNull(row) { out[row] = idForNull(); continue }
                            let code = Int(codes[row])
                            var id = ids[code]
                            if id == ColumnValueIDs.unmapped {
                                id = intern(dictionary.strings[code])
                                ids[code] = id
                            }
                            out[row] = id
                        }
                    }
                }
                cache.ids = ids
            case .bigint(let values): assignNormalised(values, column, out) { UInt64(bitPattern: $0) }
            case .double(let values): assignNormalised(values, column, out) { KeyNormalization.equalityBits($0) }
            case .date(let values): assignNormalised(values, column, out) { UInt64(UInt32(bitPattern: $0)) }
            case .boolean(let values): assignNormalised(values, column, out) { $0 ? 1 : 0 }
            }
        }
        return result
    }

    /// The id of every row of `column` without adding values: `absent` for NULL and unknown values.
    func lookup(_ column: Column) -> [UInt32] {
        precondition(column.type == type, "key column is \(column.type), expected \(type)")
        var result = [UInt32](repeating: ColumnValueIDs.absent, count: column.count)
        result.withUnsafeMutableBufferPointer { out in
            switch column.storage {
            case .varchar(let codes, let dictionary):
                let cache = codeMap(for: dictionary, in: &lookupCaches)
                var ids = cache.ids
                cache.ids = []
                let validity = RowValidity(column)
                codes.withUnsafeBufferPointer { codes in
                    ids.withUnsafeMutableBufferPointer { ids in
                        for row in 0..<codes.count where validity.isValid(row) {
                            let code = Int(codes[row])
                            var id = ids[code]
                            if id == ColumnValueIDs.unmapped {
                                id = stringIDs[BinaryString(dictionary.strings[code])] ?? ColumnValueIDs.absent
                                ids[code] = id
                            }
                            out[row] = id
                        }
                    }
                }
                cache.ids = ids
            case .bigint(let values): lookupNormalised(values, column, out) { UInt64(bitPattern: $0) }
            case .double(let values): lookupNormalised(values, column, out) { KeyNormalization.equalityBits($0) }
            case .date(let values): lookupNormalised(values, column, out) { UInt64(UInt32(bitPattern: $0)) }
            case .boolean(let values): lookupNormalised(values, column, out) { $0 ? 1 : 0 }
            }
        }
        return result
    }

    /// The values with the given ids, as a column of `type` (NULL where the id is the NULL id).
    func values(of ids: [UInt32]) -> Column {
        let validity: Validity? = nullID.map { nullID in Validity(ids.map { $0 != nullID }) }
        if type == .varchar {
            // The NULL id holds a placeholder; leave it out of the dictionary so entries stay distinct.
            let skip = nullID ?? UInt32.max
            var distinct = strings
            if let nullID { distinct.remove(at: Int(nullID)) }
            let codes = ids.map { $0 == skip ? 0 : ($0 > skip ? $0 - 1 : $0) }
            return Column(.varchar(codes: codes, dictionary: StringDictionary(distinct: distinct)), validity: validity)
        }
        let payloads = map.keysByID
        switch type {
        case .varchar: preconditionFailure("unreachable")
        case .bigint: return Column(.bigint(ids.map { Int64(bitPattern: payloads[Int($0)]) }), validity: validity)
        case .double: return Column(.double(ids.map { Double(bitPattern: payloads[Int($0)]) }), validity: validity)
        case .date:
            return Column(
                .date(ids.map { Int32(bitPattern: UInt32(truncatingIfNeeded: payloads[Int($0)])) }),
                validity: validity)
        case .boolean: return Column(.boolean(ids.map { payloads[Int($0)] != 0 }), validity: validity)
        }
    }

    // MARK: - Small integer ranges

    /// BIGINT keys of a small range: value − base → id, in front of the hash map (which still numbers
    /// every value, so ids, payloads and lookups are unchanged); a row then costs one array read.
    private var denseBase: Int64 = 0
    private var denseIDs: [UInt32] = []
    private static let denseLimit = 1 << 20

    /// The ids of a NULL-free BIGINT chunk whose values (with those cached so far) span at most
    /// `denseLimit` values, or nil to take the hashing path.
    private func assignDense(_ values: [Int64], _ column: Column) -> [UInt32]? {
        guard values.count >= 1024, column.validity.map({ $0.nullCount == 0 }) ?? true else { return nil }
        var low = values[0], high = values[0]
        for v in values {
            low = Swift.min(low, v)
            high = Swift.max(high, v)
        }
        if !denseIDs.isEmpty {
            low = Swift.min(low, denseBase)
            high = Swift.max(high, denseBase &+ Int64(denseIDs.count - 1))
        }
        let (width, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, width < ColumnValueIDs.denseLimit, Int(width) <= 4 * values.count else { return nil }
        if denseIDs.isEmpty || low != denseBase || Int(width) + 1 != denseIDs.count {
            var grown = [UInt32](repeating: ColumnValueIDs.unmapped, count: Int(width) + 1)
            for (i, id) in denseIDs.enumerated() { grown[Int(denseBase - low) + i] = id }
            denseBase = low
            denseIDs = grown
        }
        let base = denseBase
        var cache = denseIDs
        denseIDs = []
        var result = [UInt32](repeating: 0, count: values.count)
        var nullID = self.nullID
        values.withUnsafeBufferPointer { values in
            cache.withUnsafeMutableBufferPointer { cache in
                result.withUnsafeMutableBufferPointer { out in
                    for row in 0..<values.count {
                        let slot = Int(values[row] &- base)
                        var id = cache[slot]
                        if id == ColumnValueIDs.unmapped {
                            var key = UInt64(bitPattern: values[row])
                            withUnsafePointer(to: &key) { key in
                                withUnsafeMutablePointer(to: &id) { id in
                                    map.insertAll(
                                        UnsafeBufferPointer(start: key, count: 1), nullID: &nullID,
                                        into: UnsafeMutableBufferPointer(start: id, count: 1))
                                }
                            }
                            cache[slot] = id
                        }
                        out[row] = id
                    }
                }
            }
        }
        self.nullID = nullID
        denseIDs = cache
        return result
    }

    // MARK: - Internals

    private func codeMap(for dictionary: StringDictionary, in caches: inout [ObjectIdentifier: CodeMap]) -> CodeMap {
        let key = ObjectIdentifier(dictionary)
        if let hit = caches[key] { return hit }
        if caches.count >= 16 { caches.removeAll(keepingCapacity: true) }
        let map = CodeMap(dictionary)
        caches[key] = map
        return map
    }

    @inline(__always)
    private func idForNull() -> UInt32 {
        if let nullID { return nullID }
        let id = UInt32(strings.count)
        nullID = id
        strings.append("")
        return id
    }

    private func intern(_ string: String) -> UInt32 {
        let key = BinaryString(string)
        if let id = stringIDs[key] { return id }
        let id = UInt32(strings.count)
        stringIDs[key] = id
        strings.append(string)
        return id
    }

    /// Normalised 64-bit images of every row (garbage under NULL rows).
    @inline(__always)
    private static func normalised<T>(_ values: [T], _ normalise: (T) -> UInt64) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: values.count) { buffer, initialized in
            values.withUnsafeBufferPointer { values in
                for row in 0..<values.count { buffer[row] = normalise(values[row]) }
            }
            initialized = values.count
        }
    }

    private func assignNormalised<T>(
        _ values: [T], _ column: Column, _ out: UnsafeMutableBufferPointer<UInt32>, _ normalise: (T) -> UInt64
    ) {
        let keys = ColumnValueIDs.normalised(values, normalise)
        var nullID = self.nullID
        keys.withUnsafeBufferPointer { keys in
            if let words = column.validity?.words {
                words.withUnsafeBufferPointer { words in
                    map.insertAll(keys, validWords: words, nullID: &nullID, into: out)
                }
            } else {
                map.insertAll(keys, nullID: &nullID, into: out)
            }
        }
        self.nullID = nullID
    }

    private func lookupNormalised<T>(
        _ values: [T], _ column: Column, _ out: UnsafeMutableBufferPointer<UInt32>, _ normalise: (T) -> UInt64
    ) {
        let keys = ColumnValueIDs.normalised(values, normalise)
        keys.withUnsafeBufferPointer { map.findAll($0, into: out) }
        let validity = RowValidity(column)
        if validity.hasNulls {
            for row in 0..<values.count where validity.isNull(row) { out[row] = ColumnValueIDs.absent }
        }
    }
}
