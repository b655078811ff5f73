import Columnar

/// A date part named by a function's first argument (`date_diff('month', …)`), parsed from text.
protocol NamedDatePart: Sendable {
    init(parsing text: String, function: String) throws(KernelError)
}

/// A calendar unit named in `date_diff`, `date_trunc` and `date_part`, accepting DuckDB's spellings
/// (`'day'`, `'days'`, `'d'`, …) in any case.
enum DatePart: String, CaseIterable, NamedDatePart {
    case year, quarter, month, week, day

    init(parsing text: String, function: String) throws(KernelError) {
        switch text.lowercased().trimmingASCIISpaces {
        case "year", "years", "y", "yr", "yrs", "yy", "yyyy": self = .year
        case "quarter", "quarters": self = .quarter
        case "month", "months", "mon", "mons": self = .month
        case "week", "weeks", "w", "weekofyear": self = .week
        case "day", "days", "d", "dayofmonth": self = .day
        default:
            let known = DatePart.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw KernelError(.invalidArgument, "\(function): unknown date part '\(text)' (expected one of \(known))")
        }
    }
}

/// What `date_part` and `extract` read from a date: the calendar units, and DuckDB's other fields
/// (`dow`, `isodow`, `doy`, `isoyear`, `yearweek`, `decade`, `century`, `millennium`), all BIGINT.
enum DateField: NamedDatePart {
    case unit(DatePart)
    /// 0 = Sunday … 6 = Saturday.
    case dayOfWeek
    /// 1 = Monday … 7 = Sunday.
    case isoDayOfWeek
    case dayOfYear
    /// The year of the ISO week (2010-01-03 is in 2009's week 53).
    case isoYear
    /// ISO year × 100 + ISO week: 201149.
    case yearWeek
    case decade, century, millennium

    static let otherNames = ["dow", "isodow", "doy", "isoyear", "yearweek", "decade", "century", "millennium"]

    init(parsing text: String, function: String) throws(KernelError) {
        switch text.lowercased().trimmingASCIISpaces {
        case "dow", "dayofweek", "weekday": self = .dayOfWeek
        case "isodow": self = .isoDayOfWeek
        case "doy", "dayofyear": self = .dayOfYear
        case "isoyear": self = .isoYear
        case "yearweek": self = .yearWeek
        case "decade", "decades", "dec": self = .decade
        case "century", "centuries", "c", "cent": self = .century
        case "millennium", "millennia", "millenniums", "mil": self = .millennium
        default:
            guard let unit = try? DatePart(parsing: text, function: function) else {
                let known = (DatePart.allCases.map(\.rawValue) + DateField.otherNames).map { "'\($0)'" }
                throw KernelError(
                    .invalidArgument,
                    "\(function): unknown date part '\(text)' (expected one of \(known.joined(separator: ", ")))")
            }
            self = .unit(unit)
        }
    }
}

extension Date32 {
    /// Days since the epoch of the Monday starting this date's ISO week.
    var mondayOfWeek: Int64 {
        let days = Int64(daysSinceEpoch)
        // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
        let weekday = ((days + 3) % 7 + 7) % 7
        return days - weekday
    }

    /// 0 = Sunday … 6 = Saturday, as DuckDB's `dayofweek`.
    var dayOfWeek: Int {
        Int(((Int64(daysSinceEpoch) + 4) % 7 + 7) % 7)
    }

    /// 1 … 366.
    var dayOfYear: Int {
        let year = components.year
        // Not narrowed to a Date32: January 1st of the earliest DATE's year is before the DATE range.
        return Int(daysSinceEpoch) - Date32.dayNumber(year: year, month: 1, day: 1)! + 1
    }
}

extension String {
    var trimmingASCIISpaces: String {
        String(decoding: TextParsing.trimmed(self), as: UTF8.self)
    }
}
