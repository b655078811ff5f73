import Columnar

extension InspectionData {
    /// Frameworks a verb answers for: the one `IN FRAMEWORK` names, else all.
    func frameworks(for options: VerbOptions) throws(InspectionError) -> [Framework] {
        guard !frameworks.isEmpty else { throw .noFrameworks }
        if let id = options.framework { return [try resolveFramework(id)] }
        return frameworks
    }

    /// Each area's latest inspection under `framework` (nil: any framework) on or before `asOf`. Inspections
    /// are placed in time by publication date, else by fieldwork date (`InspectionRecord.orderDate`). One
    /// with neither counts only when no date is asked for and the area has no placed one (a source that
    /// printed no date is taken as older than one that did); `undatedInspections` lists those left out.
    func latestInspections(framework: Framework?, asOf: Date32?) -> [String: InspectionRecord] {
        var latest: [String: InspectionRecord] = [:]
        for inspection in inspections {
            if let framework, !framework.covers(programme: inspection.programme) { continue }
            if framework == nil, self.framework(of: inspection) == nil { continue }
            if let asOf {
                guard let date = inspection.orderDate, date <= asOf else { continue }
            }
            guard let current = latest[inspection.areaCode] else {
                latest[inspection.areaCode] = inspection
                continue
            }
            if Self.isLater(inspection, than: current) { latest[inspection.areaCode] = inspection }
        }
        return latest
    }

    /// `a` comes after `b` in time: placed before unplaced, later date, then larger id.
    static func isLater(_ a: InspectionRecord, than b: InspectionRecord) -> Bool {
        switch (a.orderDate, b.orderDate) {
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a.id > b.id
        case (let x?, let y?): return x > y || (x == y && a.id > b.id)
        }
    }

    /// The area's inspections under `framework` (nil: any) that cannot be placed in time (no publication
    /// or fieldwork date).
    func undatedInspections(area: String, framework: Framework?) -> [InspectionRecord] {
        inspections.filter { i in
            i.areaCode == area && i.orderDate == nil
                && (framework.map { $0.covers(programme: i.programme) } ?? (self.framework(of: i) != nil))
        }
    }

    /// Every inspection of an area under `framework` in date order (publication, else fieldwork date).
    /// Undated ones come first (as in `latestInspections`: a source that printed no date is older than one
    /// that did — in the data, an undated first inspection followed by a dated re-inspection); they are
    /// left out when a date is asked.
    func history(area: String, framework: Framework, asOf: Date32?) -> [InspectionRecord] {
        inspections.filter { $0.areaCode == area && framework.covers(programme: $0.programme) }
            .filter { i in asOf.map { limit in i.orderDate.map { $0 <= limit } ?? false } ?? true }
            .sorted { a, b in Self.isLater(b, than: a) }
    }

    /// The score row of a measure in an inspection: a published figure wins over a computed one, but a
    /// computed row lends its `n` when the published one has none.
    func score(_ inspectionID: String, _ measure: String) -> ScoreRecord? {
        let rows = scoreIndex[inspectionID]?.filter { $0.measure == measure } ?? []
        guard
            var best = rows.first(where: { $0.source == ScoreSource.published && $0.score != nil })
                ?? rows.first(where: { $0.score != nil }) ?? rows.first
        else { return nil }
        if best.band == nil, let banded = rows.first(where: { $0.band != nil }) {
            best.band = banded.band
            best.bandSource = banded.bandSource
        }
        if best.n == nil, let counted = rows.first(where: { $0.n != nil }), counted.score == best.score {
            best.n = counted.n
            best.sufficient = counted.sufficient
        }
        return best
    }

    /// The value `ranges` / `compare` compare for an area: the measure's score of its latest inspection.
    func areaScores(framework: Framework, measure: Measure, asOf: Date32?, areas: Set<String>?) -> [(
        AreaRecord, InspectionRecord, ScoreRecord
    )] {
        let latest = latestInspections(framework: framework, asOf: asOf)
        return self.areas.compactMap { area in
            guard areas?.contains(area.code) ?? true, let inspection = latest[area.code],
                let score = score(inspection.id, measure.id), score.score != nil
            else { return nil }
            return (area, inspection, score)
        }
    }

    func group(of area: AreaRecord, by: String?) throws(InspectionError) -> String {
        switch by?.lowercased() {
        case nil, "all": return "all"
        case "region": return area.region ?? "(no region)"
        case "country": return area.country ?? "(no country)"
        case let other?: throw .badArgument("BY takes region or country, not \(other)")
        }
    }
}

/// Quantiles with linear interpolation between order statistics (type 7, as DuckDB's `quantile_cont`).
enum Quantile {
    static func of(_ sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}

/// Builds a verb's result table from boxed rows (results are small: one row per area or measure).
struct ResultBuilder {
    let fields: [Field]
    var rows: [[Value]] = []

    init(_ fields: [(String, DataType)]) { self.fields = fields.map { Field(name: $0.0, type: $0.1) } }

    mutating func append(_ row: [Value]) {
        precondition(row.count == fields.count, "row width")
        rows.append(row)
    }

    /// The table with the declared types, whatever the data: a statistic column is DOUBLE even when
    /// every value is whole (`printf('%.3e', p_value)` works on every call). Values are kept at full
    /// precision; renderers round for display (`Rendering.ColumnStyle`).
    func build() -> Table {
        Table(schema: Schema(fields), rows: rows)
    }
}

extension Value {
    static func text(_ s: String?) -> Value { s.map(Value.varchar) ?? .null }
    /// A statistic at full precision (no rounding: display rounds); NULL for nil or non-finite.
    static func number(_ d: Double?) -> Value {
        guard let d, d.isFinite else { return .null }
        return .double(d)
    }
    static func count(_ n: Int?) -> Value { n.map { .bigint(Int64($0)) } ?? .null }
    static func day(_ d: Date32?) -> Value { d.map(Value.date) ?? .null }
}

/// A number for text: `43`, `47.4`.
func figure(_ d: Double) -> String {
    d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : Value.format((d * 10).rounded() / 10)
}

/// A score for text as a report prints it, in whole units (`BandScale.displayed`), so the text and the
/// band beside it agree.
func displayedFigure(_ d: Double) -> String {
    let shown = BandScale.displayed(d)
    return abs(shown) < 1e15 ? String(Int64(shown)) : Value.format(shown)
}
