import Columnar

/// Builds a column whose every row is copied from one of several same-typed argument columns
/// (`coalesce`, `least`, `nullif`): `choice[row]` is the argument index, or -1 for NULL.
///
/// Strings are re-coded into one merged dictionary, each source code translated once.
enum RowChoice {
    static func gather(_ columns: [Column], type: DataType, choice: [Int32]) -> Column {
        var validity = Validity(allValid: choice.count)
        for row in choice.indices where choice[row] < 0 { validity.set(row, valid: false) }
        // Start from the first argument's values and patch the rows taken from elsewhere.
        func pick<T>(_ buffers: [[T]], _ zero: T) -> [T] {
            var result = buffers[0]
            for row in choice.indices where choice[row] != 0 {
                result[row] = choice[row] < 0 ? zero : buffers[Int(choice[row])][row]
            }
            return result
        }
        switch type {
        case .bigint: return Column(.bigint(pick(columns.map(TypedBuffers.bigints), 0)), validity: validity)
        case .double: return Column(.double(pick(columns.map(TypedBuffers.doubles), 0)), validity: validity)
        case .boolean: return Column(.boolean(pick(columns.map(TypedBuffers.booleans), false)), validity: validity)
        case .date: return Column(.date(pick(columns.map(TypedBuffers.days), 0)), validity: validity)
        case .varchar:
            let sources = columns.map(TypedBuffers.strings)
            var merged = StringDictionaryBuilder()
            var memos = sources.map { CodeMemo<UInt32>(dictionarySize: $0.dictionary.count, rowCount: choice.count) }
            var codes = [UInt32](repeating: 0, count: choice.count)
            for row in choice.indices where choice[row] >= 0 {
                let source = Int(choice[row])
                let code = sources[source].codes[row]
                if let known = memos[source][code] {
                    codes[row] = known!
                } else {
                    let translated = merged.intern(sources[source].dictionary[code])
                    memos[source][code] = .some(translated)
                    codes[row] = translated
                }
            }
            return Column(.varchar(codes: codes, dictionary: merged.build()), validity: validity)
        }
    }

    /// Per row, the index of the argument that `better` prefers over all others, skipping NULLs
    /// (-1 when every argument is NULL): `least` and `greatest`.
    static func extreme(_ columns: [Column], rowCount: Int, preferring better: Ordering) -> [Int32] {
        var choice = [Int32](repeating: -1, count: rowCount)
        func scan<T>(_ buffers: [[T]], _ less: (T, T) -> Bool) {
            for (index, column) in columns.enumerated() {
                let values = buffers[index]
                for row in 0..<rowCount where !column.isNull(row) {
                    let current = choice[row]
                    if current < 0 {
                        choice[row] = Int32(index)
                        continue
                    }
                    let incumbent = buffers[Int(current)][row]
                    let wins = better == .least ? less(values[row], incumbent) : less(incumbent, values[row])
                    if wins { choice[row] = Int32(index) }
                }
            }
        }
        switch columns.first?.type ?? .bigint {
        case .bigint: scan(columns.map(TypedBuffers.bigints), <)
        case .double: scan(columns.map(TypedBuffers.doubles), DoubleOrder.less)
        case .boolean: scan(columns.map(TypedBuffers.booleans)) { !$0 && $1 }
        case .date: scan(columns.map(TypedBuffers.days), <)
        case .varchar:
            let sources = columns.map(TypedBuffers.strings)
            let strings = sources.map { source in
                // Rows hold codes; compare the strings they name.
                { (row: Int) in source.dictionary[source.codes[row]] }
            }
            for (index, column) in columns.enumerated() {
                for row in 0..<rowCount where !column.isNull(row) {
                    let current = choice[row]
                    guard current >= 0 else { choice[row] = Int32(index); continue }
                    let order = BinaryOrder.compare(strings[index](row), strings[Int(current)](row))
                    if better == .least ? order < 0 : order > 0 { choice[row] = Int32(index) }
                }
            }
        }
        return choice
    }

    enum Ordering { case least, greatest }
}
