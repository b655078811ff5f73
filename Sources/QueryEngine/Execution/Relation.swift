import Columnar
import Kernels
import QueryLanguage

/// Equal-length columns flowing between operators (a table without names).
struct Relation {
    var columns: [Column]
    var rowCount: Int

    init(columns: [Column], rowCount: Int) {
        self.columns = columns
        self.rowCount = rowCount
    }

    init(_ table: Table) {
        self.init(columns: table.columns, rowCount: table.rowCount)
    }

    func gather(_ rows: [Int32]) -> Relation {
        Relation(columns: columns.map { $0.gather(rows) }, rowCount: rows.count)
    }

    /// Rows `rows`, gathering only the columns in `needed` (others stay as they are and must not be read);
    /// used to evaluate CASE branches on the rows that reach them.
    func gather(_ rows: [Int32], only needed: Set<Int>) -> Relation {
        var result = columns
        for i in needed { result[i] = columns[i].gather(rows) }
        return Relation(columns: result, rowCount: rows.count)
    }

    func table(names: [String]) -> Table {
        Table(
            schema: Schema(zip(names, columns).map { Field(name: $0, type: $1.type) }), columns: columns,
            rowCount: rowCount)
    }
}

extension QueryError {
    /// A kernel failure located at the expression that raised it.
    init(_ error: KernelError, range: SourceRange?) {
        let kind: Kind
        switch error.kind {
        case .overflow: kind = .overflow
        case .conversion: kind = .conversion
        case .invalidArgument: kind = .invalidArgument
        case .cancelled: kind = .interrupted
        }
        self.init(kind, error.message, range: range)
    }
}

extension Column {
    /// Rows at `indices`, where a negative index yields NULL (the missing side of an outer join).
    func gatherOptional(_ indices: [Int32]) -> Column {
        guard count > 0 else { return Column(nullsOf: type, count: indices.count) }
        var gathered = gather(indices.map { max($0, 0) })
        guard indices.contains(where: { $0 < 0 }) else { return gathered }
        var validity = gathered.validity ?? Validity(allValid: indices.count)
        for (i, index) in indices.enumerated() where index < 0 { validity.set(i, valid: false) }
        gathered = Column(gathered.storage, validity: validity)
        return gathered
    }
}
