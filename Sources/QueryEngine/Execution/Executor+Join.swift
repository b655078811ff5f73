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
            (probeRows, buildRows) = Executor.crossPairs(left.rowCount, right.rowCount)
        } else {
            var leftKeys: [Column] = []
            for key in spec.leftKeys { leftKeys.append(try evaluate(key, left)) }
            var rightKeys: [Column] = []
            for key in spec.rightKeys { rightKeys.append(try evaluate(key, right)) }
            if spec.kind == .inner && left.rowCount < right.rowCount {
                // Build on the smaller side; pairs come back grouped by the probing (right) row.
                let table = JoinHashTable(buildKeys: leftKeys)
                let pairs = table.probe(rightKeys)
                (probeRows, buildRows) = (pairs.buildRows, pairs.probeRows)
            } else {
                let table = JoinHashTable(buildKeys: rightKeys)
                let pairs = table.probe(leftKeys)
                (probeRows, buildRows) = (pairs.probeRows, pairs.buildRows)
            }
        }
        try interruption.check()
        var joined = Relation(
            columns: left.columns.map { $0.gather(probeRows) } + right.columns.map { $0.gather(buildRows) },
            rowCount: probeRows.count)
        if let residual = spec.residual {
            let keep = try selection(residual, joined)
            if keep.count != joined.rowCount {
                joined = joined.gather(keep)
                probeRows = keep.map { probeRows[Int($0)] }
                buildRows = keep.map { buildRows[Int($0)] }
            }
        }
        guard spec.kind == .left else { return joined }
        // LEFT: every left row without a surviving match appears once, with NULLs on the right, in left order.
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
        if leftRows.count == joined.rowCount { return joined }
        return Relation(
            columns: left.columns.map { $0.gather(leftRows) } + right.columns.map { $0.gatherOptional(rightRows) },
            rowCount: leftRows.count)
    }

    static func crossPairs(_ leftCount: Int, _ rightCount: Int) -> ([Int32], [Int32]) {
        var l: [Int32] = []
        var r: [Int32] = []
        l.reserveCapacity(leftCount * rightCount)
        r.reserveCapacity(leftCount * rightCount)
        for i in 0..<leftCount {
            for j in 0..<rightCount {
                l.append(Int32(i))
                r.append(Int32(j))
            }
        }
        return (l, r)
    }
}
