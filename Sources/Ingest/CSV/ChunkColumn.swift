import Columnar
import Platform

/// Code stored for a NULL field before a column is materialised.
let nullCode = UInt32.max

/// How the parser keeps a column's values.
enum ColumnMode: Sendable, Equatable {
    /// Codes into a dictionary of raw values: the default, right for text and low-cardinality data.
    case intern
    /// Values converted as they are read (8 bytes a row), for high-cardinality numbers and dates whose
    /// dictionary would be as big as the data. A text value marks the column for a re-read in `.intern`.
    case direct
    /// Not stored (a re-read that only needs some columns).
    case skip
}

/// One column of one chunk.
///
/// In `.intern` mode new distinct values are classified (type sniffing) and checked for UTF-8 here, on the
/// parsing thread; repeated values cost a comparison with the previous row's value or one hash lookup.
struct ChunkColumn {
    let mode: ColumnMode
    var dictionary = ByteInterner(expectedCount: 16)
    var codes: GrowableBuffer<UInt32>
    var classes: ValueClasses = []
    private var internedTextProblem = false
    var hasTextProblem: Bool { internedTextProblem || direct.sawTextProblem }
    var nullCount = 0
    private var previousCode = nullCode
    /// `.direct` mode: one value a row (see `DirectValues`), and the rows that are NULL.
    var direct = DirectValues()

    init(mode: ColumnMode, expectedRows: Int) {
        self.mode = mode
        codes = GrowableBuffer(capacity: mode == .intern ? expectedRows : 16)
        if mode == .direct { direct.payload.reserve(expectedRows) }
    }

    @inline(__always)
    mutating func append(_ pointer: UnsafeRawPointer, _ length: Int, quoted: Bool) {
        switch mode {
        case .intern: intern(pointer, length, quoted: quoted)
        case .direct: direct.append(pointer, length, classes: &classes)
        case .skip: break
        }
    }

    @inline(__always)
    private mutating func intern(_ pointer: UnsafeRawPointer, _ length: Int, quoted: Bool) {
        if length == 0 && !quoted {
            codes.append(nullCode)
            nullCount += 1
            return
        }
        if previousCode != nullCode {
            let previous = dictionary.bytes(of: previousCode)
            if previous.count == length && bytesEqual(previous.baseAddress!, pointer, length) {
                codes.append(previousCode)
                return
            }
        }
        let (code, isNew) = dictionary.intern(pointer, length, hash: hashBytes(pointer, length))
        if isNew {
            classes.formUnion(ValueClasses.of(pointer, length))
            if TextProblem.first(in: pointer, count: length) != nil { internedTextProblem = true }
        }
        previousCode = code
        codes.append(code)
    }

    func release() {
        dictionary.release()
        codes.release()
        direct.release()
    }
}

/// Values of a `.direct` column converted as read: Int64 for integers, dates (days) and booleans (0/1);
/// Double bit patterns once any decimal or percent was seen (earlier integers are converted then).
struct DirectValues {
    var payload = GrowableBuffer<Int64>(capacity: 16)
    var nullRows = GrowableBuffer<Int>(capacity: 16)
    var storesDoubles = false
    /// A value that is not a number / date / boolean was seen: the column must be re-read as text.
    var sawText = false
    /// Invalid UTF-8 or NUL was seen, so the chunk reports it like an interned column would.
    var sawTextProblem = false
    /// The first value of a number or date class that does not convert (`1e309` overflows a DOUBLE), and
    /// its row in these values: the read fails on it as an interned column's conversion does, rather than
    /// storing 0 in its place.
    var firstFailure: (row: Int, value: String)?

    var count: Int { payload.count }

    @inline(__always)
    mutating func append(_ pointer: UnsafeRawPointer, _ length: Int, classes: inout ValueClasses) {
        if length == 0 || sawText {
            // Unquoted and quoted empty fields are both NULL in a typed column.
            if length == 0 { nullRows.append(payload.count) }
            payload.append(0)
            return
        }
        let kind = ValueClasses.of(pointer, length)
        classes.formUnion(kind)
        let bytes = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length)
        switch kind {
        case .integer:
            guard let value = ValueParser.integer(bytes) else { return fail(bytes) }
            payload.append(storesDoubles ? Int64(bitPattern: Double(value).bitPattern) : value)
        case .decimal, .percent:
            if !storesDoubles { convertToDoubles() }
            guard let value = ValueParser.double(bytes) else { return fail(bytes) }
            payload.append(Int64(bitPattern: value.bitPattern))
        case .date:
            guard let value = ValueParser.date(bytes) else { return fail(bytes) }
            payload.append(Int64(value.daysSinceEpoch))
        case .boolean: payload.append(ValueParser.boolean(bytes, lenient: false) == true ? 1 : 0)
        default:
            sawText = true
            if TextProblem.first(in: pointer, count: length) != nil { sawTextProblem = true }
            payload.append(0)
        }
    }

    /// Keeps the row's place (a 0) and remembers the first value that did not convert.
    private mutating func fail(_ bytes: UnsafeBufferPointer<UInt8>) {
        if firstFailure == nil { firstFailure = (payload.count, String(decoding: bytes, as: UTF8.self)) }
        payload.append(0)
    }

    /// Rewrites the integers held so far as Double bit patterns.
    mutating func convertToDoubles() {
        guard !storesDoubles else { return }
        for row in 0..<payload.count { payload[row] = Int64(bitPattern: Double(payload[row]).bitPattern) }
        storesDoubles = true
    }

    func release() {
        payload.release()
        nullRows.release()
    }
}
