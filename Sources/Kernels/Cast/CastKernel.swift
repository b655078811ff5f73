public import Columnar

/// `CAST(x AS type)` and `TRY_CAST(x AS type)` over whole columns.
///
/// Text parses after trimming ASCII whitespace (`' 42 '` is 42); DOUBLE→BIGINT rounds half away from zero;
/// anything→VARCHAR prints like `Value.description` (shortest round-trip doubles, `true`/`false`, ISO dates).
/// DATE converts only to and from VARCHAR, as in DuckDB.
public enum CastKernel {
    /// What a value that does not convert becomes.
    public enum Mode: Sendable, Hashable {
        /// An error naming the value and the target type (`CAST`).
        case strict
        /// NULL (`TRY_CAST`).
        case `try`
    }

    /// True when `cast(_:to:mode:)` can convert `source` values to `target` at all (the binder reports
    /// an unsupported pair at bind time; individual values may still fail to convert).
    public static func isSupported(from source: DataType, to target: DataType) -> Bool {
        if source == target || source == .varchar || target == .varchar { return true }
        return source != .date && target != .date
    }

    /// `column` converted to `target`; NULL stays NULL.
    /// - Throws: `.conversion` for an unsupported type pair (unless every row is NULL), or (strict mode) the
    ///   first value that does not convert, e.g. `Could not convert string 'abc' to BIGINT`.
    /// - Complexity: O(rows); text sources parse each distinct string in use once.
    public static func cast(_ column: Column, to target: DataType, mode: Mode) throws(KernelError) -> Column {
        let source = column.type
        if source == target { return column }
        guard isSupported(from: source, to: target) else {
            // A column of nothing but NULLs (a typed NULL literal, an empty chunk) has no value to refuse.
            if column.nullCount == column.count { return Column(nullsOf: target, count: column.count) }
            throw KernelError(.conversion, "Unimplemented type for cast (\(source) -> \(target))")
        }
        if target == .varchar { return CastFormatting.format(column) }
        if source == .varchar { return try fromText(column, to: target, mode: mode) }
        let validity = column.validity
        switch (column.storage, target) {
        case (.bigint(let v), .double):
            return Column(.double(Vectorised.map(v) { Double($0) }), validity: validity)
        case (.bigint(let v), .boolean):
            return Column(.boolean(Vectorised.map(v) { $0 != 0 }), validity: validity)
        case (.boolean(let v), .bigint):
            return Column(.bigint(Vectorised.map(v) { $0 ? 1 : 0 }), validity: validity)
        case (.boolean(let v), .double):
            return Column(.double(Vectorised.map(v) { $0 ? 1 : 0 }), validity: validity)
        case (.double(let v), .boolean):
            return Column(.boolean(Vectorised.map(v) { $0 != 0 }), validity: validity)
        case (.double(let v), .bigint):
            return try doublesToBigints(v, validity: validity, mode: mode)
        default:
            preconditionFailure("cast \(source) -> \(target) passed isSupported but has no kernel")
        }
    }

    /// Rounds half away from zero; NaN, infinities and values beyond Int64 do not convert.
    static func doublesToBigints(_ values: [Double], validity: Validity?, mode: Mode) throws(KernelError) -> Column {
        var failed: UInt8 = 0
        let converted = Vectorised.map(values) { v -> Int64 in
            guard let exact = roundedBigint(v) else {
                failed = 1
                return 0
            }
            return exact
        }
        guard failed != 0 else { return Column(.bigint(converted), validity: validity) }
        if mode == .strict,
            let row = Vectorised.firstValidRow(
                count: values.count, validity: validity, where: { roundedBigint(values[$0]) == nil })
        {
            throw KernelError(
                .conversion,
                "Could not convert DOUBLE \(Value.format(values[row])) to BIGINT: the value is out of range")
        }
        let nulled = Vectorised.nullifying(validity, count: values.count) { roundedBigint(values[$0]) == nil }
        return Column(.bigint(converted), validity: nulled)
    }

    /// `value` rounded half away from zero, or nil when it is NaN, infinite or outside Int64.
    @inline(__always)
    static func roundedBigint(_ value: Double) -> Int64? {
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        // 2^63 is exactly representable; every double below it (and >= -2^63) fits.
        guard rounded >= -9_223_372_036_854_775_808.0, rounded < 9_223_372_036_854_775_808.0 else { return nil }
        return Int64(rounded)
    }

    private static func fromText(_ column: Column, to target: DataType, mode: Mode) throws(KernelError) -> Column {
        func failure(_ text: String) throws(KernelError) -> Void {
            guard mode == .strict else { return }
            throw KernelError(.conversion, "Could not convert string '\(text)' to \(target)")
        }
        switch target {
        case .bigint:
            return try RowwiseKernel.map([column], rowCount: column.count, into: BigintResults()) {
                rows, row throws(KernelError) in
                let text = rows.string(0, row)
                if let value = TextParsing.bigint(text) { return value }
                try failure(text)
                return nil
            }
        case .double:
            return try RowwiseKernel.map([column], rowCount: column.count, into: DoubleResults()) {
                rows, row throws(KernelError) in
                let text = rows.string(0, row)
                if let value = TextParsing.double(text) { return value }
                try failure(text)
                return nil
            }
        case .boolean:
            return try RowwiseKernel.map([column], rowCount: column.count, into: BooleanResults()) {
                rows, row throws(KernelError) in
                let text = rows.string(0, row)
                if let value = TextParsing.boolean(text) { return value }
                try failure(text)
                return nil
            }
        case .date:
            return try RowwiseKernel.map([column], rowCount: column.count, into: DateResults()) {
                rows, row throws(KernelError) in
                let text = rows.string(0, row)
                if let value = TextParsing.date(text) { return value.daysSinceEpoch }
                try failure(text)
                return nil
            }
        case .varchar:
            return column
        }
    }
}
