/// A cell's position: zero-based row and column (`A1` is row 0, column 0).
public struct CellAddress: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `A1`, `AB12`; nil for text that is not one (absolute `$A$1` is accepted).
    public init?(_ text: some StringProtocol) {
        self.init(utf8: text.utf8)
    }

    /// The same from UTF-8 bytes (a sheet's `r="B7"` attribute, read in place).
    init?(utf8: some Sequence<UInt8>) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a") + 1)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default: return nil
            }
        }
        guard letters > 0, digits > 0, row > 0, column <= CellAddress.maximumColumns else { return nil }
        self.row = row - 1
        self.column = column - 1
    }

    /// Excel's limits: 16,384 columns (XFD), 1,048,576 rows.
    public static let maximumColumns = 16_384
    public static let maximumRows = 1_048_576

    /// `A`, `Z`, `AA`, … for a zero-based column.
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    public var description: String { CellAddress.columnName(column) + String(row + 1) }
}

/// A rectangle of cells, `A3:F200` (inclusive).
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    public var first: CellAddress
    public var last: CellAddress

    public init(first: CellAddress, last: CellAddress) {
        self.first = CellAddress(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellAddress(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// `A3:F200` or a single cell `B2`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let cell = CellAddress(parts[0]) else { return nil }
            self.init(first: cell, last: cell)
        case 2:
            guard let a = CellAddress(parts[0]), let b = CellAddress(parts[1]) else { return nil }
            self.init(first: a, last: b)
        default: return nil
        }
    }

    public var rows: ClosedRange<Int> { first.row...last.row }
    public var columns: ClosedRange<Int> { first.column...last.column }

    public func contains(_ cell: CellAddress) -> Bool { rows.contains(cell.row) && columns.contains(cell.column) }

    public var description: String { first == last ? first.description : "\(first):\(last)" }
}
