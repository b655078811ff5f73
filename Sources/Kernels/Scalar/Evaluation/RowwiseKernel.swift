import Columnar

/// Runs a function written for one row over whole argument columns, evaluating it as rarely as possible.
///
/// NULL in any argument gives NULL (the function is not called). When every argument but one VARCHAR
/// argument is constant — the usual `upper(name)`, `substr(code, 1, 3)`, `name LIKE 'H%'` — the function
/// runs once per distinct string in use and rows only look their code up; when all arguments are constant
/// it runs once. Otherwise it runs per row.
enum RowwiseKernel {
    /// - Parameters:
    ///   - propagatingNulls: when false, `evaluate` also sees rows with NULL arguments (`concat`, `coalesce`).
    ///   - evaluate: the result for a row, or nil for NULL.
    /// - Complexity: O(rows) plus one `evaluate` call per distinct key (see type docs).
    static func map<Encoder: ResultEncoder>(
        _ arguments: [Column], rowCount: Int, into encoder: Encoder, propagatingNulls: Bool = true,
        _ evaluate: (ArgumentRows, Int) throws(KernelError) -> Encoder.Result?
    ) throws(KernelError) -> Column {
        var encoder = encoder
        let rows = ArgumentRows(arguments)
        let validity = propagatingNulls ? Vectorised.combinedValidity(arguments) : nil
        var resultValidity = validity ?? Validity(allValid: rowCount)

        // With NULLs visible to `evaluate`, a column is only constant if its NULL-ness is too.
        let varying = arguments.indices.filter { index in
            let column = arguments[index]
            if !propagatingNulls && column.validity != nil { return column.nullCount != column.count }
            return !rows.isConstant(index)
        }
        if varying.count == 1, case .varchar(let codes, let dictionary) = arguments[varying[0]].storage,
            dictionary.count <= 4 * rowCount + 64, arguments[varying[0]].validity == nil || propagatingNulls
        {
            let stored = try perEntry(
                codes, entries: dictionary.count, rows: rows, validity: &resultValidity, encoder: &encoder, evaluate)
            return encoder.column(stored, validity: resultValidity)
        }
        var stored = [Encoder.Stored](repeating: Encoder.placeholder, count: rowCount)
        if varying.isEmpty {
            // Every row that is valid sees the same arguments.
            if let first = Vectorised.firstValidRow(count: rowCount, validity: validity, where: { _ in true }) {
                let result = try evaluate(rows, first)
                let value = result.map { encoder.encode($0) }
                for row in 0..<rowCount where resultValidity.isValid(row) {
                    if let value { stored[row] = value } else { resultValidity.set(row, valid: false) }
                }
            }
        } else if varying.count == 1, case .varchar(let codes, let dictionary) = arguments[varying[0]].storage {
            let key = arguments[varying[0]]
            var memo = CodeMemo<Encoder.Stored>(dictionarySize: dictionary.count, rowCount: rowCount)
            // Without NULL propagation a NULL key row is its own case (its code is meaningless).
            var nullKeyResult: Encoder.Stored?? = nil
            for row in 0..<rowCount where resultValidity.isValid(row) {
                let value: Encoder.Stored?
                if key.isNull(row) {
                    if nullKeyResult == nil {
                        nullKeyResult = .some(try evaluate(rows, row).map { encoder.encode($0) })
                    }
                    value = nullKeyResult!
                } else if let known = memo[codes[row]] {
                    value = known
                } else {
                    value = try evaluate(rows, row).map { encoder.encode($0) }
                    memo[codes[row]] = .some(value)
                }
                if let value { stored[row] = value } else { resultValidity.set(row, valid: false) }
            }
        } else {
            for row in 0..<rowCount where resultValidity.isValid(row) {
                if let result = try evaluate(rows, row) {
                    stored[row] = encoder.encode(result)
                } else {
                    resultValidity.set(row, valid: false)
                }
            }
        }
        return encoder.column(stored, validity: resultValidity)
    }

    /// One evaluation per dictionary entry referenced by a valid row, then a gather over the codes.
    /// NULL key rows are already invalid in `validity` (the caller checks).
    private static func perEntry<Encoder: ResultEncoder>(
        _ codes: [UInt32], entries: Int, rows: ArgumentRows, validity: inout Validity, encoder: inout Encoder,
        _ evaluate: (ArgumentRows, Int) throws(KernelError) -> Encoder.Result?
    ) throws(KernelError) -> [Encoder.Stored] {
        // 0: not needed yet, 1: value in table, 2: NULL result.
        var state = [UInt8](repeating: 0, count: entries)
        var table = [Encoder.Stored](repeating: Encoder.placeholder, count: entries)
        var anyNullResult = false
        let allValid = validity.nullCount == 0
        for row in codes.indices where allValid || validity.isValid(row) {
            let code = Int(codes[row])
            guard state[code] == 0 else { continue }
            if let result = try evaluate(rows, row) {
                table[code] = encoder.encode(result)
                state[code] = 1
            } else {
                state[code] = 2
                anyNullResult = true
            }
        }
        let stored = table.withUnsafeBufferPointer { entries in
            Vectorised.map(codes) { Int($0) < entries.count ? entries[Int($0)] : Encoder.placeholder }
        }
        if anyNullResult {
            state.withUnsafeBufferPointer { state in
                for row in codes.indices where Int(codes[row]) < state.count && state[Int(codes[row])] == 2 {
                    validity.set(row, valid: false)
                }
            }
        }
        return stored
    }
}

/// Results remembered per dictionary code: an array when the dictionary is not much larger than the
/// chunk, a hash map when a small chunk points into a huge dictionary.
struct CodeMemo<Stored> {
    private var dense: [Stored??]
    private var sparse: [UInt32: Stored?] = [:]
    private let useDense: Bool

    init(dictionarySize: Int, rowCount: Int) {
        useDense = dictionarySize <= 4 * rowCount + 64
        dense = useDense ? [Stored??](repeating: nil, count: dictionarySize) : []
    }

    /// nil: not computed yet; `.some(nil)`: the result is NULL.
    subscript(code: UInt32) -> Stored?? {
        get { useDense ? dense[Int(code)] : sparse[code] }
        set {
            guard let newValue else { return }
            if useDense { dense[Int(code)] = newValue } else { sparse.updateValue(newValue, forKey: code) }
        }
    }
}
