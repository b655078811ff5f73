import Columnar
import Kernels
import QueryLanguage

extension Executor {
    func executeSetOperation(
        _ op: SetOperator, all: Bool, _ left: Relation, _ right: Relation
    ) throws(QueryError) -> Relation {
        switch op {
        case .union where all:
            return Executor.concatenate(left, right)
        case .union:
            // Number both sides' rows in one index (sliced, so Ctrl-C is heard) and keep each tuple's first
            // row: no concatenated copy of both inputs is made before duplicates are dropped.
            let index = GroupIndex(keyTypes: left.columns.map(\.type))
            var firsts = FirstOccurrences()
            let leftIDs = try groupIDs(index, left)
            let leftRows = firsts.rows(leftIDs, groupCount: index.groupCount)
            let rightIDs = try groupIDs(index, right)
            let rightRows = firsts.rows(rightIDs, groupCount: index.groupCount)
            try interruption.check()
            return Executor.concatenate(
                leftRows.count == left.rowCount ? left : left.gather(leftRows), right.gather(rightRows))
        case .intersect, .except:
            let index = GroupIndex(keyTypes: left.columns.map(\.type))
            let leftIDs = try groupIDs(index, left)
            let leftGroups = index.groupCount
            let rightIDs = try groupIDs(index, right)
            var rightCount = [Int](repeating: 0, count: leftGroups)
            for id in rightIDs where Int(id) < leftGroups { rightCount[Int(id)] += 1 }
            var seen = [Int](repeating: 0, count: leftGroups)
            var rows: [Int32] = []
            for (row, id) in leftIDs.enumerated() {
                let g = Int(id)
                let occurrence = seen[g]
                seen[g] += 1
                let keep: Bool
                switch (op, all) {
                case (.intersect, false): keep = occurrence == 0 && rightCount[g] > 0
                case (.intersect, true): keep = occurrence < rightCount[g]
                case (_, false): keep = occurrence == 0 && rightCount[g] == 0
                default: keep = occurrence >= rightCount[g]
                }
                if keep { rows.append(Int32(row)) }
            }
            return left.gather(rows)
        }
    }

    static func concatenate(_ a: Relation, _ b: Relation) -> Relation {
        Relation(
            columns: zip(a.columns, b.columns).map { Column.concatenate([$0, $1], type: $0.type) },
            rowCount: a.rowCount + b.rowCount)
    }
}
