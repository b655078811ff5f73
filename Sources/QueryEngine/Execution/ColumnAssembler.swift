import Columnar

/// Builds one column of `rowCount` rows from pieces that each cover some rows (CASE branches): values
/// are copied to their rows, strings re-coded into one dictionary. Rows no piece covers are NULL.
struct ColumnAssembler {
    let type: DataType
    let rowCount: Int
    private var bigints: [Int64] = []
    private var doubles: [Double] = []
    private var booleans: [Bool] = []
    private var dates: [Int32] = []
    private var codes: [UInt32] = []
    private var strings = StringDictionaryBuilder()
    private var validity: Validity

    init(type: DataType, rowCount: Int) {
        self.type = type
        self.rowCount = rowCount
        validity = Validity(allNull: rowCount)
        switch type {
        case .bigint: bigints = Array(repeating: 0, count: rowCount)
        case .double: doubles = Array(repeating: 0, count: rowCount)
        case .boolean: booleans = Array(repeating: false, count: rowCount)
        case .date: dates = Array(repeating: 0, count: rowCount)
        case .varchar: codes = Array(repeating: 0, count: rowCount)
        }
    }

    /// Row `rows[i]` takes `piece`'s row `i`; `rows == nil` means every row in order.
    mutating func place(_ piece: Column, at rows: [Int32]?) {
        precondition(piece.type == type, "piece type \(piece.type) differs from \(type)")
        let count = rows?.count ?? rowCount
        @inline(__always) func target(_ i: Int) -> Int { rows.map { Int($0[i]) } ?? i }
        for i in 0..<count where !piece.isNull(i) { validity.set(target(i), valid: true) }
        switch piece.storage {
        case .bigint(let v): for i in 0..<count { bigints[target(i)] = v[i] }
        case .double(let v): for i in 0..<count { doubles[target(i)] = v[i] }
        case .boolean(let v): for i in 0..<count { booleans[target(i)] = v[i] }
        case .date(let v): for i in 0..<count { dates[target(i)] = v[i] }
        case .varchar(let pieceCodes, let dictionary):
            var recoder = strings.recoder(from: dictionary)
            for i in 0..<count where !piece.isNull(i) {
                codes[target(i)] = recoder.code(for: pieceCodes[i], into: &strings)
            }
        }
    }

    /// Every row of `rows` takes the constant `value` (NULL leaves them NULL).
    mutating func fill(_ value: Value, at rows: [Int32]?) {
        if value.isNull { return }
        let count = rows?.count ?? rowCount
        @inline(__always) func target(_ i: Int) -> Int { rows.map { Int($0[i]) } ?? i }
        for i in 0..<count { validity.set(target(i), valid: true) }
        switch value {
        case .bigint(let v):
            if type == .double {
                for i in 0..<count { doubles[target(i)] = Double(v) }
            } else {
                for i in 0..<count { bigints[target(i)] = v }
            }
        case .double(let v): for i in 0..<count { doubles[target(i)] = v }
        case .boolean(let v): for i in 0..<count { booleans[target(i)] = v }
        case .date(let v): for i in 0..<count { dates[target(i)] = v.daysSinceEpoch }
        case .varchar(let s):
            let code = strings.intern(s)
            for i in 0..<count { codes[target(i)] = code }
        case .null: break
        }
    }

    func build() -> Column {
        switch type {
        case .bigint: Column(.bigint(bigints), validity: validity)
        case .double: Column(.double(doubles), validity: validity)
        case .boolean: Column(.boolean(booleans), validity: validity)
        case .date: Column(.date(dates), validity: validity)
        case .varchar: Column(.varchar(codes: codes, dictionary: strings.build()), validity: validity)
        }
    }
}
