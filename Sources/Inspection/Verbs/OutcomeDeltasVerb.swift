public import Columnar

/// `deltas [AREA] INDICATOR` over the youth justice outcome indicators (`outcome_indicators`): each
/// area's own figure (no comparator) between successive periods, within one unit — two definitions of an
/// indicator are never mixed. Periods are kept as printed; they are ordered by the end of the period
/// they name (`2016/17` ends March 2017, `Jul 2011-Jun 2012` June 2012, `2014` December 2014); a period
/// that names no year is left out.
public enum OutcomeDeltasVerb {
    public static func indicators(in outcomes: Table) -> [String] {
        let c = TableColumns(table: outcomes, name: "outcome_indicators")
        return Array(Set(((try? c.texts("indicator")) ?? []).compactMap { $0 })).sorted()
    }

    public static func run(area: String?, indicator: String, outcomes: Table) throws(InspectionError) -> Table {
        let c = TableColumns(table: outcomes, name: "outcome_indicators")
        let areas = try c.texts("area"), periods = try c.texts("period"), names = try c.texts("indicator")
        let values = try c.numbers("value"), units = try c.texts("unit", required: false)
        let comparators = try c.texts("comparator", required: false)
        let known = indicators(in: outcomes)
        guard let wanted = known.first(where: { $0.lowercased() == indicator.lowercased() }) else {
            throw .unknownMeasure(indicator, candidates: known)
        }
        if let area, !areas.contains(where: { $0?.lowercased() == area.lowercased() }) {
            throw .unknownArea(area, candidates: Array(Set(areas.compactMap { $0 })).sorted())
        }
        struct Key: Hashable { let area: String; let unit: String }
        var series: [Key: [(end: Int, period: String, value: Double)]] = [:]
        for row in 0..<outcomes.rowCount {
            guard names[row] == wanted, comparators[row] == nil, let name = areas[row], let period = periods[row],
                let value = values[row], let end = periodEnd(period)
            else { continue }
            if let area, name.lowercased() != area.lowercased() { continue }
            let key = Key(area: name, unit: units[row] ?? "")
            if series[key]?.contains(where: { $0.end == end }) == true { continue }
            series[key, default: []].append((end, period, value))
        }
        var result = ResultBuilder([
            ("area", .varchar), ("indicator", .varchar), ("unit", .varchar), ("before_period", .varchar),
            ("before", .double), ("after_period", .varchar), ("after", .double), ("change", .double),
            ("change_percent", .double),
        ])
        for key in series.keys.sorted(by: { ($0.area, $0.unit) < ($1.area, $1.unit) }) {
            let points = series[key]!.sorted { $0.end < $1.end }
            guard points.count >= 2 else { continue }
            for i in 1..<points.count {
                let (a, b) = (points[i - 1], points[i])
                result.append([
                    .varchar(key.area), .varchar(wanted), .varchar(key.unit), .varchar(a.period),
                    .number(a.value),
                    .varchar(b.period), .number(b.value), .number(b.value - a.value),
                    .number(a.value == 0 ? nil : 100 * (b.value - a.value) / a.value),
                ])
            }
        }
        return result.build()
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The end of a printed period as year·12 + month − 1; nil when it names no year.
    static func periodEnd(_ text: String) -> Int? {
        let characters = Array(text.lowercased())
        var last: (year: Int, index: Int)?
        var i = 0
        while i + 4 <= characters.count {
            let digits = characters[i..<i + 4]
            let bounded =
                (i == 0 || !characters[i - 1].isNumber) && (i + 4 == characters.count || !characters[i + 4].isNumber)
            if bounded, digits.allSatisfy(\.isNumber), let year = Int(String(digits)), (1900...2100).contains(year) {
                last = (year, i)
            }
            i += 1
        }
        guard let (year, index) = last else { return nil }
        // A financial year `2016/17` or `2016-17` ends in March of the second year.
        let after = characters[(index + 4)...]
        if after.count >= 3, after.first == "/" || after.first == "-",
            after.dropFirst().prefix(2).allSatisfy(\.isNumber), after.dropFirst(3).first?.isNumber != true
        {
            return (year + 1) * 12 + 2
        }
        // A month name just before the year: `Jun 2012`, `Jan-Dec 2024`.
        let before = String(characters[max(0, index - 4)..<index]).trimmingCharacters(in: " -")
        if let month = months.firstIndex(where: { before.hasSuffix($0) }) { return year * 12 + month }
        return year * 12 + 11
    }
}
