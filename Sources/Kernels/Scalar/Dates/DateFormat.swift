import Columnar

/// A compiled `strftime` format. Specifiers: `%Y` year, `%y` two-digit year, `%m` `%-m` month,
/// `%d` `%-d` day, `%e` space-padded day, `%B` `%b`/`%h` month name, `%A` `%a` weekday name,
/// `%j` `%-j` day of year, `%u` ISO weekday (1 = Monday), `%w` weekday (0 = Sunday), `%V` ISO week,
/// `%F` = `%Y-%m-%d`, `%H` `%M` `%S` (always 00 for a date), `%%`.
struct DateFormat: Sendable {
    enum Piece: Sendable {
        case literal(String)
        case year, shortYear, month(padded: Bool), day(padded: Bool), spacePaddedDay
        case monthName(full: Bool), weekdayName(full: Bool)
        case dayOfYear(padded: Bool), isoWeekday, weekday, isoWeek, zeroTime
    }

    let pieces: [Piece]

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    init(_ format: String) throws(KernelError) {
        var pieces: [Piece] = []
        var literal = ""
        var scalars = format.unicodeScalars.makeIterator()
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
        }
        while let scalar = scalars.next() {
            guard scalar == "%" else { literal.unicodeScalars.append(scalar); continue }
            guard var specifier = scalars.next() else {
                throw KernelError(.invalidArgument, "strftime: format '\(format)' ends with a lone %")
            }
            var padded = true
            if specifier == "-" {
                padded = false
                guard let next = scalars.next() else {
                    throw KernelError(.invalidArgument, "strftime: format '\(format)' ends with %-")
                }
                specifier = next
            }
            let piece: Piece
            switch (specifier, padded) {
            case ("%", true): literal += "%"; continue
            case ("Y", true): piece = .year
            case ("y", true): piece = .shortYear
            case ("m", _): piece = .month(padded: padded)
            case ("d", _): piece = .day(padded: padded)
            case ("e", true): piece = .spacePaddedDay
            case ("B", true): piece = .monthName(full: true)
            case ("b", true), ("h", true): piece = .monthName(full: false)
            case ("A", true): piece = .weekdayName(full: true)
            case ("a", true): piece = .weekdayName(full: false)
            case ("j", _): piece = .dayOfYear(padded: padded)
            case ("u", true): piece = .isoWeekday
            case ("w", true): piece = .weekday
            case ("V", true): piece = .isoWeek
            case ("H", true), ("M", true), ("S", true): piece = .zeroTime
            case ("F", true):
                flush()
                pieces += [.year, .literal("-"), .month(padded: true), .literal("-"), .day(padded: true)]
                continue
            default:
                throw KernelError(
                    .invalidArgument,
                    "strftime: unsupported format specifier %\(padded ? "" : "-")\(specifier) in '\(format)'")
            }
            flush()
            pieces.append(piece)
        }
        flush()
        self.pieces = pieces
    }

    func format(_ date: Date32) -> String {
        let (y, m, d) = date.components
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): out += text
            case .year: out += String(y)
            case .shortYear: out += Self.pad(((y % 100) + 100) % 100, 2)
            case .month(let padded): out += padded ? Self.pad(m, 2) : String(m)
            case .day(let padded): out += padded ? Self.pad(d, 2) : String(d)
            case .spacePaddedDay: out += d < 10 ? " \(d)" : String(d)
            case .monthName(let full):
                let name = Self.monthNames[m - 1]
                out += full ? name : String(name.prefix(3))
            case .weekdayName(let full):
                let name = Self.weekdayNames[date.dayOfWeek]
                out += full ? name : String(name.prefix(3))
            case .dayOfYear(let padded): out += padded ? Self.pad(date.dayOfYear, 3) : String(date.dayOfYear)
            case .isoWeekday: out += String(date.dayOfWeek == 0 ? 7 : date.dayOfWeek)
            case .weekday: out += String(date.dayOfWeek)
            case .isoWeek: out += Self.pad(DateFunctions.isoWeek(date), 2)
            case .zeroTime: out += "00"
            }
        }
        return out
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
