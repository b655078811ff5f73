import Columnar

/// Tight loops over typed buffers that the optimiser specialises per call site.
enum Vectorised {
    /// `f` applied to every element. Values under NULL rows are computed too (they are unspecified anyway).
    /// - Complexity: O(n), no per-element allocation.
    @inline(__always)
    static func map<A, R>(_ a: [A], _ f: (A) -> R) -> [R] {
        a.withUnsafeBufferPointer { source in
            [R](unsafeUninitializedCapacity: source.count) { target, initialized in
                for i in 0..<source.count { (target.baseAddress! + i).initialize(to: f(source[i])) }
                initialized = source.count
            }
        }
    }

    /// `f` applied pairwise. - Precondition: equal lengths.
    @inline(__always)
    static func zip<A, B, R>(_ a: [A], _ b: [B], _ f: (A, B) -> R) -> [R] {
        precondition(a.count == b.count, "argument columns differ in length")
        return a.withUnsafeBufferPointer { left in
            b.withUnsafeBufferPointer { right in
                [R](unsafeUninitializedCapacity: left.count) { target, initialized in
                    for i in 0..<left.count { (target.baseAddress! + i).initialize(to: f(left[i], right[i])) }
                    initialized = left.count
                }
            }
        }
    }

    /// Validity of rows that are valid in every column (nil: no NULLs anywhere).
    static func combinedValidity(_ columns: [Column]) -> Validity? {
        var result: Validity? = nil
        for column in columns { result = Validity.intersect(result, column.validity) }
        return result
    }

    /// `validity` with rows where `keep` is false also marked NULL; nil stays nil when `keep` holds everywhere.
    /// - Complexity: O(n); the bitmap is only touched when some row must become NULL.
    static func nullifying(_ validity: Validity?, count: Int, where drop: (Int) -> Bool) -> Validity? {
        var result = validity
        for row in 0..<count where drop(row) {
            if result == nil { result = Validity(allValid: count) }
            result!.set(row, valid: false)
        }
        return result
    }

    /// The first row that is valid and satisfies `predicate`, for turning a cheap "something failed"
    /// flag back into the offending values.
    static func firstValidRow(count: Int, validity: Validity?, where predicate: (Int) -> Bool) -> Int? {
        for row in 0..<count where validity?.isValid(row) ?? true {
            if predicate(row) { return row }
        }
        return nil
    }
}
