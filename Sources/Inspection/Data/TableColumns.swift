public import Columnar

/// Reads the small tables of a dataset (areas, inspections, scores) as Swift values. These tables hold
/// hundreds to thousands of rows, so boxing per row is fine here; judgements never pass through this.
struct TableColumns {
    let table: Table
    /// Names the table in errors.
    let name: String

    /// A column by name (case-insensitive); nil when the table lacks it.
    func optional(_ column: String) -> Column? {
        guard let index = table.schema.fields.firstIndex(where: { $0.name.lowercased() == column.lowercased() }) else {
            return nil
        }
        return table.columns[index]
    }

    func required(_ column: String) throws(InspectionError) -> Column {
        guard let found = optional(column) else {
            throw InspectionError.missingColumn(table: name, column: column)
        }
        return found
    }

    /// Text of each row (numbers and dates as their canonical text); nil for NULL or blank.
    func texts(_ column: String, required: Bool = true) throws(InspectionError) -> [String?] {
        guard let column = required ? try self.required(column) : optional(column) else {
            return Array(repeating: nil, count: table.rowCount)
        }
        return (0..<table.rowCount).map { row in
            let value = column[row]
            if value.isNull { return nil }
            let text = value.description
            return text.isEmpty ? nil : text
        }
    }

    /// Numbers of each row; text such as `45%` is read as 45. nil for NULL or unreadable text.
    func numbers(_ column: String, required: Bool = true) throws(InspectionError) -> [Double?] {
        guard let column = required ? try self.required(column) : optional(column) else {
            return Array(repeating: nil, count: table.rowCount)
        }
        return (0..<table.rowCount).map { row in
            switch column[row] {
            case .bigint(let v): return Double(v)
            case .double(let v): return v
            case .varchar(let text):
                var trimmed = text.trimmingCharacters(in: " \t")
                if trimmed.hasSuffix("%") { trimmed.removeLast() }
                return Double(trimmed)
            default: return nil
            }
        }
    }

    /// Dates of each row: a DATE value, or printed text `YYYY`, `YYYY-MM`, `YYYY-MM-DD` taken as the
    /// last day of its period (dataset-layout.md: AS OF treats a coarse date as the end of its period).
    func dates(_ column: String) -> [Date32?] {
        guard let column = optional(column) else { return Array(repeating: nil, count: table.rowCount) }
        return (0..<table.rowCount).map { row in
            switch column[row] {
            case .date(let d): return d
            case .bigint(let year): return PeriodEnd.of("\(year)")
            case .varchar(let text): return PeriodEnd.of(text)
            default: return nil
            }
        }
    }
}

/// The last day of a printed period.
public enum PeriodEnd {
    /// `2011` → 2011-12-31, `2011-12` → 2011-12-31, `2011-09-14` → itself; nil for anything else.
    public static func of(_ text: String) -> Date32? {
        let parts = text.trimmingCharacters(in: " \t").split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
            parts[0].count == 4, let year = Int(parts[0])
        else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) ?? 0 : 12
        guard (1...12).contains(month) else { return nil }
        let day = parts.count > 2 ? Int(parts[2]) ?? 0 : Date32.daysInMonth(year: year, month: month)
        return Date32(year: year, month: month, day: day)
    }

    /// The period end of the leading date of a free-text period: `2019-02` → 2019-02-28,
    /// `2020 (spring-summer)` → 2020-12-31; nil when the text does not start with a date.
    public static func leading(_ text: String) -> Date32? {
        let first = text.trimmingCharacters(in: " \t").split(separator: " ").first.map(String.init) ?? ""
        return of(first)
    }
}
