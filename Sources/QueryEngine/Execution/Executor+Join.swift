import Columnar
import Kernels

extension Executor {
    func executeJoin(_ spec: JoinSpec) throws(QueryError) -> Relation {
        let left = try execute(spec.left)
        let right = try execute(spec.right)
        try interruption.check()
        var probeRows: [Int32]
        var buildRows: [Int32]
        if spec.leftKeys.isEmpty {
            let (pairs, overflow) = left.rowCount.multipliedReportingOverflow(by: right.rowCount)
            guard !overflow, pairs <= Executor.maximumCrossPairs else {
                throw QueryError(
                    .unsupported,
                    "The join has no equality condition and would produce \(overflow ? "too many" : String(pairs)) row pairs (the limit is \(Executor.maximumCrossPairs)); add a join condition"
                )
            }
            (probeRows, buildRows) = try crossPairs(left.rowCount, right.rowCount)
        } else {
            var leftKeys: [Column] = []
            for key in spec.leftKeys { leftKeys.append(try evaluate(key, left)) }
            var rightKeys: [Column] = []
            for key in spec.rightKeys { rightKeys.append(try evaluate(key, right)) }
            if spec.kind.isFilteringLeft && spec.residual == nil {
                // SEMI and ANTI only ask whether a match exists: one right row per key is enough, and a key
                // shared by many rows on both sides no longer multiplies into too many pairs.
                let index = GroupIndex(keyTypes: rightKeys.map(\.type))
                var firsts = FirstOccurrences()
                let rows = firsts.rows(index.groupIDs(for: rightKeys), groupCount: index.groupCount)
                if rows.count < right.rowCount { rightKeys = rightKeys.map { $0.gather(rows) } }
            }
            if spec.kind == .inner && left.rowCount < right.rowCount {
                // Build on the smaller side; pairs come back grouped by the probing (right) row.
                let table = JoinHashTable(buildKeys: leftKeys)
                let pairs = try probeInSlices(table, rightKeys)
                (probeRows, buildRows) = (pairs.buildRows, pairs.probeRows)
            } else {
                let table = JoinHashTable(buildKeys: rightKeys)
                let pairs = try probeInSlices(table, leftKeys)
                (probeRows, buildRows) = (pairs.probeRows, pairs.buildRows)
            }
        }
        try interruption.check()
        if let residual = spec.residual {
            (probeRows, buildRows) = try applyResidual(residual, left: left, right: right, probeRows, buildRows)
        }
        let leftWidth = left.columns.count
        if spec.kind.isFilteringLeft {
            return Executor.filteredLeft(spec, left: left, right: right, matchedRows: probeRows)
        }
        let outputs = spec.output ?? Array(0..<(leftWidth + right.columns.count))
        guard spec.kind == .left || spec.kind == .full else {
            return Executor.joinedRelation(
                outputs, left: left, right: right, probeRows, buildRows, optionalRight: false)
        }
        // LEFT and FULL: every left row without a surviving match appears once, with NULLs on the right, in left order.
        // Pairs come grouped by left row in ascending order, so one merge pass places the unmatched rows.
        var leftRows: [Int32] = []
        var rightRows: [Int32] = []
        leftRows.reserveCapacity(max(probeRows.count, left.rowCount))
        rightRows.reserveCapacity(max(probeRows.count, left.rowCount))
        var p = 0
        for row in 0..<left.rowCount {
            let r = Int32(row)
            if p < probeRows.count && probeRows[p] == r {
                while p < probeRows.count && probeRows[p] == r {
                    leftRows.append(r)
                    rightRows.append(buildRows[p])
                    p += 1
                }
            } else {
                leftRows.append(r)
                rightRows.append(-1)
            }
        }
        guard spec.kind == .full else {
            return Executor.joinedRelation(outputs, left: left, right: right, leftRows, rightRows, optionalRight: true)
        }
        // FULL: then every right row that matched nothing, with NULLs on the left, in right order.
        var matched = [Bool](repeating: false, count: right.rowCount)
        for row in buildRows { matched[Int(row)] = true }
        for row in 0..<right.rowCount where !matched[row] {
            leftRows.append(-1)
            rightRows.append(Int32(row))
        }
        return Executor.joinedRelation(
            outputs, left: left, right: right, leftRows, rightRows, optionalLeft: true, optionalRight: true)
    }

    /// SEMI: the left rows among `matchedRows` (each once); ANTI: the others; in left order either way.
    static func filteredLeft(_ spec: JoinSpec, left: Relation, right: Relation, matchedRows: [Int32]) -> Relation {
        var matched = [Bool](repeating: false, count: left.rowCount)
        for row in matchedRows { matched[Int(row)] = true }
        let wanted = spec.kind == .semi
        let rows = (0..<Int32(left.rowCount)).filter { matched[Int($0)] == wanted }
        let outputs = spec.output ?? Array(0..<left.columns.count)
        return joinedRelation(outputs, left: left, right: right, rows, [], optionalRight: false)
    }

    /// The pairs (left row, right row) whose joined row passes `residual`, judged 64K pairs at a time
    /// with a Ctrl-C check between: a cross product filtered by `WHERE a.x + b.x < 0` can be a hundred
    /// million pairs, which also need not be gathered all at once.
    func applyResidual(
        _ residual: BoundExpression, left: Relation, right: Relation, _ leftRows: [Int32], _ rightRows: [Int32]
    ) throws(QueryError) -> ([Int32], [Int32]) {
        let sliceSize = 1 << 16
        guard leftRows.count > sliceSize else {
            return try applyResidualSlice(residual, left: left, right: right, leftRows[...], rightRows[...])
        }
        var keptLeft: [Int32] = []
        var keptRight: [Int32] = []
        var start = 0
        while start < leftRows.count {
            try interruption.check()
            let end = min(start + sliceSize, leftRows.count)
            let (l, r) = try applyResidualSlice(
                residual, left: left, right: right, leftRows[start..<end], rightRows[start..<end])
            keptLeft += l
            keptRight += r
            start = end
        }
        return (keptLeft, keptRight)
    }

    private func applyResidualSlice(
        _ residual: BoundExpression, left: Relation, right: Relation, _ leftRows: ArraySlice<Int32>,
        _ rightRows: ArraySlice<Int32>
    ) throws(QueryError) -> ([Int32], [Int32]) {
        // Gather only what the residual reads; other slots hold the inputs' columns and are never read.
        let (leftRows, rightRows) = (Array(leftRows), Array(rightRows))
        let leftWidth = left.columns.count
        var columns = left.columns + right.columns
        for i in residual.referencedColumns {
            columns[i] =
                i < leftWidth ? left.columns[i].gather(leftRows) : right.columns[i - leftWidth].gather(rightRows)
        }
        let keep = try selection(residual, Relation(columns: columns, rowCount: leftRows.count))
        if keep.count == leftRows.count { return (leftRows, rightRows) }
        return (keep.map { leftRows[Int($0)] }, keep.map { rightRows[Int($0)] })
    }

    /// Output columns `outputs` (positions in left ++ right) of the joined pairs; a negative row is NULL
    /// on a side marked optional.
    static func joinedRelation(
        _ outputs: [Int], left: Relation, right: Relation, _ leftRows: [Int32], _ rightRows: [Int32],
        optionalLeft: Bool = false, optionalRight: Bool
    ) -> Relation {
        let leftWidth = left.columns.count
        let columns = outputs.map { i -> Column in
            if i < leftWidth {
                return optionalLeft ? left.columns[i].gatherOptional(leftRows) : left.columns[i].gather(leftRows)
            }
            let column = right.columns[i - leftWidth]
            return optionalRight ? column.gatherOptional(rightRows) : column.gather(rightRows)
        }
        return Relation(columns: columns, rowCount: leftRows.count)
    }

    /// Cross products (and joins without equality keys) larger than this are refused rather than
    /// exhausting memory: 200 million pairs is 1.6 GB of row indices.
    static let maximumCrossPairs = 200_000_000

    /// `table.probe(keys)`, a slice of 64K probe rows at a time with a Ctrl-C check between slices, so a
    /// large join stops promptly. Pairs stay grouped by probe row in ascending order. More pairs than
    /// `maximumCrossPairs` in all is an error, as for a cross product.
    func probeInSlices(
        _ table: JoinHashTable, _ keys: [Column]
    ) throws(QueryError) -> (probeRows: [Int32], buildRows: [Int32]) {
        let count = keys.first?.count ?? 0
        let sliceRows = 1 << 16
        var probeRows: [Int32] = []
        var buildRows: [Int32] = []
        var start = 0
        while start < count {
            try interruption.check()
            let end = min(start + sliceRows, count)
            let slice = count > sliceRows ? keys.map { $0.slice(start..<end) } : keys
            guard let part = table.probe(slice, limit: Executor.maximumCrossPairs - probeRows.count) else {
                throw Executor.tooManyPairs()
            }
            let offset = Int32(start)
            probeRows.append(contentsOf: part.probeRows.lazy.map { $0 + offset })
            buildRows.append(contentsOf: part.buildRows)
            start = end
        }
        return (probeRows, buildRows)
    }

    static func tooManyPairs() -> QueryError {
        QueryError(
            .unsupported,
            "The join matches more than \(maximumCrossPairs) row pairs (a key shared by very many rows on both sides); add a more selective join condition"
        )
    }

    /// Every (left, right) row pair, left-major. Checks for Ctrl-C every ~64K pairs: a cross join is the
    /// easiest way to start a long query by mistake.
    func crossPairs(_ leftCount: Int, _ rightCount: Int) throws(QueryError) -> ([Int32], [Int32]) {
        var l: [Int32] = []
        var r: [Int32] = []
        l.reserveCapacity(leftCount * rightCount)
        r.reserveCapacity(leftCount * rightCount)
        var sinceCheck = 0
        for i in 0..<leftCount {
            l.append(contentsOf: repeatElement(Int32(i), count: rightCount))
            r.append(contentsOf: 0..<Int32(rightCount))
            sinceCheck += rightCount
            if sinceCheck >= 65_536 {
                sinceCheck = 0
                try interruption.check()
            }
        }
        return (l, r)
    }
}
