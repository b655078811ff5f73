import Columnar
import Kernels
import QueryLanguage

extension Executor {
    /// Computes `e` for every row of `input`.
    func evaluate(_ e: BoundExpression, _ input: Relation) throws(QueryError) -> Column {
        let n = input.rowCount
        switch e {
        case .column(let i, _):
            return input.columns[i]
        case .constant(let v, let t):
            return Column(repeating: v, count: n, type: t)
        case .untypedNull:
            return Column(nullsOf: .bigint, count: n)
        case .outer(_, let index, let t):
            guard let row = environment.last, index < row.count else {
                throw QueryError(.invalidQuery, "correlated column read outside its subquery")
            }
            return Column(repeating: row[index], count: n, type: t)
        case .call(_, let overload, let arguments, let range):
            var columns: [Column] = []
            columns.reserveCapacity(arguments.count)
            for argument in arguments { columns.append(try evaluate(argument, input)) }
            do {
                return try overload.evaluate(columns, n)
            } catch {
                throw QueryError(error, range: range)
            }
        case .cast(let operand, let type, let isTry, let range):
            let column = try evaluate(operand, input)
            do {
                return try Conversion.cast(column, to: type, isTry: isTry)
            } catch {
                throw QueryError(error, range: range)
            }
        case .caseWhen(let branches, let otherwise, let type):
            return try evaluateCase(branches, otherwise: otherwise, type: type, input)
        case .and(let operands):
            return try evaluateLogic(operands, isAnd: true, input)
        case .or(let operands):
            return try evaluateLogic(operands, isAnd: false, input)
        case .isNull(let operand, let negated):
            let column = try evaluate(operand, input)
            guard let validity = column.validity else {
                return Column(.boolean(Array(repeating: negated, count: n)))
            }
            return Column(.boolean((0..<n).map { validity.isValid($0) == negated }))
        case .subquery(let subquery):
            return try evaluateSubquery(subquery, input)
        }
    }

    /// A predicate's selected rows: those where it is TRUE (not FALSE, not NULL).
    func selection(_ predicate: BoundExpression, _ input: Relation) throws(QueryError) -> [Int32] {
        let column = try evaluate(predicate, input)
        return Executor.trueRows(column)
    }

    static func trueRows(_ column: Column) -> [Int32] {
        guard case .boolean(let values) = column.storage else { return [] }
        var rows: [Int32] = []
        values.withUnsafeBufferPointer { v in
            if let validity = column.validity {
                for i in 0..<v.count where v[i] && validity.isValid(i) { rows.append(Int32(i)) }
            } else {
                for i in 0..<v.count where v[i] { rows.append(Int32(i)) }
            }
        }
        return rows
    }

    /// CASE: each condition runs only on rows no earlier branch took, each result only on its own rows,
    /// so `CASE WHEN x = 0 THEN NULL ELSE 1 / x END` never divides by zero.
    private func evaluateCase(
        _ branches: [(condition: BoundExpression, result: BoundExpression)], otherwise: BoundExpression,
        type: DataType, _ input: Relation
    ) throws(QueryError) -> Column {
        if branches.count == 1, let then = branches[0].result.constantValue,
            let otherwiseValue = otherwise.constantValue,
            let column = try constantCase(branches[0].condition, then, otherwiseValue, type: type, input)
        {
            return column
        }
        var assembler = ColumnAssembler(type: type, rowCount: input.rowCount)
        var remaining: [Int32]? = nil  // nil: all rows
        for branch in branches {
            let rows = remaining
            let subset =
                try rows.map { (r) throws(QueryError) in
                    input.gather(r, only: branch.condition.referencedColumns)
                } ?? input
            if subset.rowCount == 0 { break }
            let condition = try evaluate(branch.condition, subset)
            let taken = Executor.trueRows(condition)
            if !taken.isEmpty {
                let global: [Int32] = rows.map { r in taken.map { r[Int($0)] } } ?? taken
                try place(branch.result, rows: global, input: input, into: &assembler)
                var isTaken = [Bool](repeating: false, count: subset.rowCount)
                for t in taken { isTaken[Int(t)] = true }
                var next: [Int32] = []
                next.reserveCapacity(subset.rowCount - taken.count)
                for i in 0..<subset.rowCount where !isTaken[i] { next.append(rows.map { $0[i] } ?? Int32(i)) }
                remaining = next
            } else if remaining == nil {
                remaining = nil
            }
        }
        if remaining == nil {
            try place(otherwise, rows: nil, input: input, into: &assembler)
        } else if let rows = remaining, !rows.isEmpty {
            try place(otherwise, rows: rows, input: input, into: &assembler)
        }
        return assembler.build()
    }

    /// `CASE WHEN c THEN k1 ELSE k2 END` with constant results: one pass over the condition, no
    /// selection vectors (the hot shape of score queries). Nil for types or NULLs it does not cover.
    private func constantCase(
        _ condition: BoundExpression, _ then: Value, _ otherwise: Value, type: DataType, _ input: Relation
    ) throws(QueryError) -> Column? {
        let n = input.rowCount
        switch (then, otherwise, type) {
        case (.bigint(let a), .bigint(let b), .bigint):
            let taken = try evaluate(condition, input)
            guard case .boolean(let bits) = taken.storage else { return nil }
            var values = [Int64](repeating: b, count: n)
            values.withUnsafeMutableBufferPointer { out in
                bits.withUnsafeBufferPointer { c in
                    if let validity = taken.validity {
                        for i in 0..<n where c[i] && validity.isValid(i) { out[i] = a }
                    } else {
                        for i in 0..<n { out[i] = c[i] ? a : b }
                    }
                }
            }
            return Column(.bigint(values))
        case (.double(let a), .double(let b), .double):
            let taken = try evaluate(condition, input)
            guard case .boolean(let bits) = taken.storage else { return nil }
            var values = [Double](repeating: b, count: n)
            values.withUnsafeMutableBufferPointer { out in
                bits.withUnsafeBufferPointer { c in
                    for i in 0..<n where c[i] && !taken.isNull(i) { out[i] = a }
                }
            }
            return Column(.double(values))
        default:
            return nil
        }
    }

    private func place(
        _ result: BoundExpression, rows: [Int32]?, input: Relation, into assembler: inout ColumnAssembler
    ) throws(QueryError) {
        if let value = result.constantValue {
            assembler.fill(value, at: rows)
            return
        }
        let subset = rows.map { input.gather($0, only: result.referencedColumns) } ?? input
        let column = try evaluate(result, subset)
        assembler.place(column, at: rows)
    }

    /// Three-valued AND/OR over BOOLEAN columns. Later operands run only on the rows earlier ones left
    /// undecided, so `x.i < 300 AND NOT EXISTS (...)` runs the subquery for at most 300 rows.
    private func evaluateLogic(_ operands: [BoundExpression], isAnd: Bool, _ input: Relation) throws(QueryError)
        -> Column
    {
        let n = input.rowCount
        // A row is decided once it holds the dominant value (false for AND, true for OR).
        var values = [Bool](repeating: isAnd, count: n)
        var isNull = [Bool](repeating: false, count: n)
        var undecided: [Int32]? = nil  // nil: every row
        for operand in operands {
            if let rows = undecided, rows.isEmpty { break }
            let subset = undecided.map { input.gather($0, only: operand.referencedColumns) } ?? input
            let column = try evaluate(operand, subset)
            guard case .boolean(let bits) = column.storage else {
                throw QueryError(.typeMismatch, "AND/OR operands must be BOOLEAN")
            }
            let validity = column.validity
            var stillUndecided: [Int32] = []
            stillUndecided.reserveCapacity(subset.rowCount)
            for i in 0..<subset.rowCount {
                let row = undecided.map { Int($0[i]) } ?? i
                if let validity, !validity.isValid(i) {
                    isNull[row] = true
                    stillUndecided.append(Int32(row))
                } else if bits[i] != isAnd {
                    values[row] = !isAnd
                    isNull[row] = false
                } else {
                    stillUndecided.append(Int32(row))
                }
            }
            undecided = stillUndecided
        }
        let anyNull = isNull.contains(true)
        return Column(.boolean(values), validity: anyNull ? Validity(isNull.map { !$0 }) : nil)
    }
}
