import Columnar

/// Unboxed, typed access to one row of a function's arguments, for kernels written a row at a time.
///
/// Reading a string hands out the dictionary's `String` (a retain, no copy, no allocation).
struct ArgumentRows {
    let columns: [Column]
    private let bigintBuffers: [[Int64]]
    private let doubleBuffers: [[Double]]
    private let booleanBuffers: [[Bool]]
    private let dayBuffers: [[Int32]]
    private let codeBuffers: [[UInt32]]
    private let dictionaries: [StringDictionary]

    init(_ columns: [Column]) {
        self.columns = columns
        var bigints: [[Int64]] = [], doubles: [[Double]] = [], booleans: [[Bool]] = []
        var days: [[Int32]] = [], codes: [[UInt32]] = [], dictionaries: [StringDictionary] = []
        for column in columns {
            var (b, d, l, t, c, s): ([Int64], [Double], [Bool], [Int32], [UInt32], StringDictionary) =
                ([], [], [], [], [], .empty)
            switch column.storage {
            case .bigint(let v): b = v
            case .double(let v): d = v
            case .boolean(let v): l = v
            case .date(let v): t = v
            case .varchar(let codes, let dictionary): (c, s) = (codes, dictionary)
            }
            bigints.append(b); doubles.append(d); booleans.append(l)
            days.append(t); codes.append(c); dictionaries.append(s)
        }
        bigintBuffers = bigints
        doubleBuffers = doubles
        booleanBuffers = booleans
        dayBuffers = days
        codeBuffers = codes
        self.dictionaries = dictionaries
    }

    @inline(__always) func bigint(_ argument: Int, _ row: Int) -> Int64 { bigintBuffers[argument][row] }
    @inline(__always) func double(_ argument: Int, _ row: Int) -> Double { doubleBuffers[argument][row] }
    @inline(__always) func boolean(_ argument: Int, _ row: Int) -> Bool { booleanBuffers[argument][row] }
    /// Days since 1970-01-01.
    @inline(__always) func day(_ argument: Int, _ row: Int) -> Int32 { dayBuffers[argument][row] }
    @inline(__always) func code(_ argument: Int, _ row: Int) -> UInt32 { codeBuffers[argument][row] }
    @inline(__always) func string(_ argument: Int, _ row: Int) -> String {
        dictionaries[argument][codeBuffers[argument][row]]
    }
    @inline(__always) func isNull(_ argument: Int, _ row: Int) -> Bool { columns[argument].isNull(row) }

    /// True when every non-NULL row of the argument holds the same value, so a result depends on it
    /// only through NULL-ness. - Complexity: O(n) at worst, stops at the first difference.
    func isConstant(_ argument: Int) -> Bool {
        let column = columns[argument]
        switch column.storage {
        case .varchar(let codes, let dictionary):
            return dictionary.count <= 1 || Self.allValidEqual(codes, column.validity) { $0 }
        case .bigint(let v): return Self.allValidEqual(v, column.validity) { $0 }
        case .double(let v): return Self.allValidEqual(v, column.validity) { $0.bitPattern }
        case .boolean(let v): return Self.allValidEqual(v, column.validity) { $0 }
        case .date(let v): return Self.allValidEqual(v, column.validity) { $0 }
        }
    }

    private static func allValidEqual<T, K: Equatable>(_ values: [T], _ validity: Validity?, _ key: (T) -> K) -> Bool {
        if validity == nil {
            // The common case (a broadcast literal): one tight pass.
            return values.withUnsafeBufferPointer { buffer in
                guard let first = buffer.first.map(key) else { return true }
                for element in buffer where key(element) != first { return false }
                return true
            }
        }
        var first: K? = nil
        for row in values.indices where validity!.isValid(row) {
            let k = key(values[row])
            if let first {
                if k != first { return false }
            } else {
                first = k
            }
        }
        return true
    }
}
