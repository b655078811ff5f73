import Columnar

/// Builds a result column from source rows: `rows[i]` is the row of `column` that result row i copies,
/// or -1 for NULL (or for the same row of `fallback`, when given: lag/lead defaults).
enum WindowGather {
    static func select(_ column: Column, rows: [Int32], fallback: Column? = nil) -> Column {
        if let fallback, fallback.nullCount < fallback.count {
            let widened = widen(fallback, to: column.type)
            let combined = Column.concatenate([column, widened], type: column.type)
            let base = Int32(column.count)
            let redirected = rows.enumerated().map { i, row in row >= 0 ? row : base + Int32(i) }
            return combined.gather(redirected)
        }
        var validity: Validity?
        let source = RowValidity(column)
        for (i, row) in rows.enumerated() where row < 0 || source.isNull(Int(row)) {
            if validity == nil { validity = Validity(allValid: rows.count) }
            validity!.set(i, valid: false)
        }
        func pick<T>(_ source: [T], _ zero: T) -> [T] { rows.map { $0 >= 0 ? source[Int($0)] : zero } }
        switch column.storage {
        case .bigint(let v): return Column(.bigint(pick(v, 0)), validity: validity)
        case .double(let v): return Column(.double(pick(v, 0)), validity: validity)
        case .boolean(let v): return Column(.boolean(pick(v, false)), validity: validity)
        case .date(let v): return Column(.date(pick(v, 0)), validity: validity)
        case .varchar(let codes, let dictionary):
            return Column(.varchar(codes: pick(codes, 0), dictionary: dictionary), validity: validity)
        }
    }

    /// A BIGINT default for a DOUBLE value widens; other types must already match.
    private static func widen(_ column: Column, to type: DataType) -> Column {
        guard column.type != type else { return column }
        if type == .double, case .bigint(let v) = column.storage {
            return Column(.double(v.map { Double($0) }), validity: column.validity)
        }
        preconditionFailure("default of type \(column.type) for a \(type) value")
    }
}
