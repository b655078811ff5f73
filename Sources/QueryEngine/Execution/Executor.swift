import Columnar
import Dispatch
import Kernels
import QueryLanguage

/// Runs a plan bottom-up. Each operator takes whole relations and produces one; expressions are
/// evaluated column-at-a-time by the kernels; filters turn predicates into selection vectors.
final class Executor {
    let interruption: InterruptionFlag
    /// Counts the rows scans produce, for the progress line.
    let progress: ProgressMeter
    /// Outer rows of the correlated subqueries being run, innermost last.
    var environment: [[Value]] = []
    var uncorrelatedResults: [Int: SubqueryOutcome] = [:]
    var correlatedResults: [Int: [[Value]: SubqueryOutcome]] = [:]

    init(interruption: InterruptionFlag, progress: ProgressMeter = ProgressMeter()) {
        self.interruption = interruption
        self.progress = progress
    }

    func execute(_ plan: LogicalPlan) throws(QueryError) -> Relation {
        try interruption.check()
        switch plan {
        case .scan(let source, let columns):
            progress.scanned(rows: source.table.rowCount)
            return Relation(columns: columns.map { source.table.columns[$0] }, rowCount: source.table.rowCount)
        case .values(let rows, let types):
            let empty = Relation(columns: [], rowCount: 1)
            var builders = types.map { ColumnBuilder(type: $0, capacity: rows.count) }
            for row in rows {
                for (i, e) in row.enumerated() { builders[i].append(try evaluate(e, empty)[0]) }
            }
            return Relation(columns: builders.map { $0.build() }, rowCount: rows.count)
        case .filter(let input, let predicate):
            if let top = try executeTopPerGroup(input, predicate: predicate) { return top }
            let relation = try execute(input)
            let rows = try selection(predicate, relation)
            if rows.count == relation.rowCount { return relation }
            return relation.gather(rows)
        case .project(let input, let expressions):
            let relation = try execute(input)
            var columns: [Column] = []
            for e in expressions { columns.append(try evaluate(e, relation)) }
            return Relation(columns: columns, rowCount: relation.rowCount)
        case .join(let spec):
            return try executeJoin(spec)
        case .aggregate(let input, let groups, let aggregates):
            return try executeAggregate(input, groups: groups, aggregates: aggregates)
        case .window(let input, let windows):
            return try executeWindows(try execute(input), windows)
        case .sort(let input, let orders, let limit):
            let relation = try execute(input)
            var keys: [SortKey] = []
            for order in orders {
                keys.append(
                    SortKey(
                        column: try evaluate(order.expression, relation), ascending: order.ascending,
                        nullsFirst: order.nullsFirst))
            }
            let permutation = Sorting.permutation(
                keys, rowCount: relation.rowCount, limit: limit.map { min($0, relation.rowCount) },
                cancellation: interruption.cancellation)
            try interruption.check()  // a cancelled permutation is unfinished
            return try orderedRows(relation, permutation)
        case .limit(let input, let limit, let offset):
            let relation = try execute(input)
            let start = min(offset, relation.rowCount)
            let end = limit.map { start + min($0, relation.rowCount - start) } ?? relation.rowCount
            if start == 0 && end == relation.rowCount { return relation }
            return Relation(columns: relation.columns.map { $0.slice(start..<end) }, rowCount: end - start)
        case .distinct(let input):
            let relation = try execute(input)
            return try distinctRows(relation)
        case .setOperation(let op, let all, let left, let right):
            return try executeSetOperation(op, all: all, try execute(left), try execute(right))
        }
    }

    /// First occurrence of each distinct row, in input order.
    func distinctRows(_ relation: Relation) throws(QueryError) -> Relation {
        guard !relation.columns.isEmpty else {
            return Relation(columns: [], rowCount: min(relation.rowCount, 1))
        }
        let index = GroupIndex(keyTypes: relation.columns.map(\.type))
        var firsts = FirstOccurrences()
        let ids = try groupIDs(index, relation)
        let rows = firsts.rows(ids, groupCount: index.groupCount)
        if rows.count == relation.rowCount { return relation }
        return relation.gather(rows)
    }

    /// The rows of a sort in their new order: the columns are gathered on both cores, each column a unit
    /// of work, with a Ctrl-C check between 64K-row slices (a 10 M-row column takes tens of milliseconds).
    func orderedRows(_ relation: Relation, _ permutation: [Int32]) throws(QueryError) -> Relation {
        guard permutation.count >= 1 << 16 else { return relation.gather(permutation) }
        let gathered = UnsafeMutableBufferPointer<Column?>.allocate(capacity: relation.columns.count)
        gathered.initialize(repeating: nil)
        defer {
            gathered.deinitialize()
            gathered.deallocate()
        }
        let flag = interruption
        let work = UncheckedWork { index in
            gathered[index] = relation.columns[index].gather(permutation, unless: { flag.isRaised })
        }
        DispatchQueue.concurrentPerform(iterations: relation.columns.count) { work.run($0) }
        try interruption.check()
        return Relation(columns: gathered.map { $0! }, rowCount: permutation.count)
    }

    /// `index.groupIDs` over the relation's rows, in slices with a Ctrl-C check between them: numbering ten
    /// million distinct rows takes seconds.
    func groupIDs(_ index: GroupIndex, _ relation: Relation) throws(QueryError) -> [UInt32] {
        let ids = index.groupIDs(
            for: relation.columns, rowCount: relation.rowCount, cancellation: interruption.cancellation)
        try interruption.check()  // cancelled ids are unfinished
        return ids
    }
}
