/// A calendar date as days since 1970-01-01 in the proleptic Gregorian calendar.
///
/// Conversions use Howard Hinnant's civil-from-days algorithms, exact for every Int32 day number.
public struct Date32: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var daysSinceEpoch: Int32

    public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// Years a Date32 can reach lie well inside this range (Int32 days reach about ±5.88 million years);
    /// checking it first keeps the day arithmetic below from overflowing on any Int year.
    static let plausibleYears = -6_000_000...6_000_000

    /// Nil when the triple is not a real date (e.g. February 30th) or lies outside the DATE range.
    public init?(year: Int, month: Int, day: Int) {
        guard let days = Date32.dayNumber(year: year, month: month, day: day),
            let narrow = Int32(exactly: days)
        else { return nil }
        daysSinceEpoch = narrow
    }

    /// Days since 1970-01-01 of a real date, not narrowed to Int32 (so the first day of the year of the
    /// earliest DATE is still a number); nil when the triple is not a date or the year is implausible.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int? {
        guard plausibleYears.contains(year), (1...12).contains(month), day >= 1,
            day <= Date32.daysInMonth(year: year, month: month)
        else {
            return nil
        }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Parses strict ISO `YYYY-MM-DD` (four-digit year, two-digit month and day), nothing else.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let parsed = Date32.parseISO(bytes[...]) else { return nil }
        self = parsed
    }

    /// Parses strict ISO `YYYY-MM-DD` from raw UTF-8 bytes (the CSV reader's path).
    public static func parseISO(_ bytes: ArraySlice<UInt8>) -> Date32? {
        guard bytes.count == 10 else { return nil }
        let b = bytes.startIndex
        guard bytes[b + 4] == UInt8(ascii: "-"), bytes[b + 7] == UInt8(ascii: "-") else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<(from + count) {
                let d = Int(bytes[b + i]) - 48
                guard d >= 0, d <= 9 else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2) else { return nil }
        return Date32(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO 8601 `YYYY-MM-DD`; years outside 0...9999 print with a sign as DuckDB does not, so we keep digits.
    public var description: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(abs(v))
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return (y < 0 ? "-" : "") + pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    public static func < (lhs: Date32, rhs: Date32) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
