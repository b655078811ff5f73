public import Columnar
public import Testing

/// The invariants of `Columnar`'s values that kernels must keep, checked from outside:
/// - a table has one column per schema field, of the field's type, each with `rowCount` rows;
/// - a column's NULL bitmap, when present, covers exactly its rows (one word per 64 rows);
/// - a VARCHAR column's codes at non-NULL rows are in range of its dictionary;
/// - a dictionary's strings are distinct by bytes, and its lookup gives each string its own code.
public enum ColumnarInvariants {
    /// Every broken invariant of `table`, as sentences; empty when it is valid.
    public static func violations(_ table: Table) -> [String] {
        var problems: [String] = []
        if table.columns.count != table.schema.fields.count {
            problems.append("\(table.columns.count) columns under \(table.schema.fields.count) schema fields")
        }
        for (index, (field, column)) in zip(table.schema.fields, table.columns).enumerated() {
            let name = "column \(index) (\(field.name))"
            if column.type != field.type { problems.append("\(name) is \(column.type), its field says \(field.type)") }
            if column.count != table.rowCount {
                problems.append("\(name) has \(column.count) rows, the table \(table.rowCount)")
            }
            problems += violations(column).map { "\(name): \($0)" }
        }
        return problems
    }

    /// Every broken invariant of `column`; empty when it is valid.
    public static func violations(_ column: Column) -> [String] {
        var problems: [String] = []
        let storedCount: Int
        switch column.storage {
        case .bigint(let v): storedCount = v.count
        case .double(let v): storedCount = v.count
        case .boolean(let v): storedCount = v.count
        case .date(let v): storedCount = v.count
        case .varchar(let codes, _): storedCount = codes.count
        }
        if storedCount != column.count { problems.append("\(storedCount) values stored for \(column.count) rows") }
        if let validity = column.validity {
            if validity.count != column.count {
                problems.append("NULL bitmap covers \(validity.count) rows of \(column.count)")
            }
            if validity.words.count != (validity.count + 63) / 64 {
                problems.append("NULL bitmap has \(validity.words.count) words for \(validity.count) rows")
            }
        }
        if case .varchar(let codes, let dictionary) = column.storage {
            let rows = min(codes.count, column.count)
            if let row = (0..<rows).first(where: { !column.isNull($0) && Int(codes[$0]) >= dictionary.count }) {
                problems.append("row \(row) has code \(codes[row]), outside its dictionary of \(dictionary.count)")
            }
            problems += violations(dictionary)
        }
        return problems
    }

    /// Every broken invariant of `dictionary`; empty when it is valid.
    public static func violations(_ dictionary: StringDictionary) -> [String] {
        var problems: [String] = []
        var firstCode: [[UInt8]: Int] = [:]
        for (code, string) in dictionary.strings.enumerated() {
            if let first = firstCode[Array(string.utf8)] {
                problems.append("dictionary holds \(string.debugDescription) at codes \(first) and \(code)")
            } else {
                firstCode[Array(string.utf8)] = code
            }
        }
        guard problems.isEmpty else { return problems }
        for (code, string) in dictionary.strings.enumerated() where dictionary.code(of: string) != UInt32(code) {
            let found = dictionary.code(of: string).map(String.init) ?? "nothing"
            problems.append("dictionary looks \(string.debugDescription) (code \(code)) up as \(found)")
        }
        return problems
    }
}

/// Records an issue for each broken invariant of `table` (see `ColumnarInvariants`).
public func expectValid(_ table: Table, sourceLocation: SourceLocation = #_sourceLocation) {
    for problem in ColumnarInvariants.violations(table) {
        Issue.record(Comment(rawValue: "invalid table: \(problem)"), sourceLocation: sourceLocation)
    }
}

/// Records an issue for each broken invariant of `column` (see `ColumnarInvariants`).
public func expectValid(_ column: Column, sourceLocation: SourceLocation = #_sourceLocation) {
    for problem in ColumnarInvariants.violations(column) {
        Issue.record(Comment(rawValue: "invalid column: \(problem)"), sourceLocation: sourceLocation)
    }
}
