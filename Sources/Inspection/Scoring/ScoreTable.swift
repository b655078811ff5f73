public import Columnar

/// The united `scores` table: published scores as printed, plus what the frameworks let us compute —
/// pooled scores from judgements, a youth total from its standards, an overall rating from a total,
/// and bands by the framework's cut-points where none was printed. Every row says which it is.
public enum ScoreTable {
    public static let schema = Schema([
        Field(name: "inspection_id", type: .varchar), Field(name: "measure", type: .varchar),
        Field(name: "score", type: .double), Field(name: "band", type: .varchar),
        Field(name: "band_source", type: .varchar), Field(name: "n", type: .bigint),
        Field(name: "sufficient", type: .bigint), Field(name: "cases", type: .bigint),
        Field(name: "design_effect", type: .double), Field(name: "effective_n", type: .double),
        Field(name: "source", type: .varchar), Field(name: "source_url", type: .varchar),
    ])

    /// Rows of a raw published `scores` table (`inspection_id, measure, score, band[, source_url]`) or
    /// of a united one.
    static func records(of table: Table) throws(InspectionError) -> [ScoreRecord] {
        let c = TableColumns(table: table, name: "scores")
        let ids = try c.texts("inspection_id"), measures = try c.texts("measure")
        let scores = try c.numbers("score", required: false), bands = try c.texts("band", required: false)
        let bandSources = try c.texts("band_source", required: false), sources = try c.texts("source", required: false)
        let ns = try c.numbers("n", required: false), sufficient = try c.numbers("sufficient", required: false)
        let urls = try c.texts("source_url", required: false)
        let cases = try c.numbers("cases", required: false), deffs = try c.numbers("design_effect", required: false)
        let effective = try c.numbers("effective_n", required: false)
        var records: [ScoreRecord] = []
        for row in 0..<table.rowCount {
            guard let id = ids[row], let measure = measures[row] else { continue }
            records.append(
                ScoreRecord(
                    inspectionID: id, measure: measure, score: scores[row], band: bands[row],
                    bandSource: bandSources[row] ?? (bands[row] == nil ? nil : ScoreSource.published),
                    n: ns[row].map { Int($0) }, sufficient: sufficient[row].map { Int($0) },
                    cases: cases[row].map { Int($0) }, designEffect: deffs[row], effectiveN: effective[row],
                    source: sources[row] ?? ScoreSource.published, sourceURL: urls[row]))
        }
        return records
    }

    /// Published rows first (bands filled by rule where none was printed), then computed rows.
    /// Computed rows already in `existing` (a united table loaded again) are dropped and recomputed.
    public static func unite(
        existing: [ScoreRecord], pooled: [PooledScore], inspections: [InspectionRecord], frameworks: [Framework]
    ) -> [ScoreRecord] {
        let frameworkOf: [String: Framework] = Dictionary(
            inspections.compactMap { i in frameworks.first { $0.covers(programme: i.programme) }.map { (i.id, $0) } },
            uniquingKeysWith: { a, _ in a })
        var rows: [ScoreRecord] = []
        for var record in existing
        where record.source != ScoreSource.computed || record.bandSource == ScoreSource.published {
            if record.source == ScoreSource.computed {
                // Points computed from a printed rating: recomputed below from the rating.
                record.score = nil
                record.source = ScoreSource.published
            }
            if let source = record.bandSource, source != ScoreSource.published {
                // Bands computed by rule (framework, inferred or placeholder): recomputed below.
                record.band = nil
                record.bandSource = nil
            }
            if let framework = frameworkOf[record.inspectionID], let measure = framework.measure(record.measure),
                let scale = framework.scale(for: measure)
            {
                if record.band == nil, let score = record.score,
                    let (band, provenance) = scale.bandWithProvenance(ofDisplayed: score)
                {
                    record.band = band.label
                    record.bandSource = provenance.rawValue
                }
                // A printed rating of a points measure gives its points (youth standards print only the word).
                if record.score == nil, measure.value == .points, let band = record.band,
                    let rank = scale.rank(of: band)
                {
                    record.score = scale.bands[rank].from
                    record.source = ScoreSource.computed
                }
            }
            rows.append(record)
        }
        // Pooled scores from judgements.
        for score in pooled {
            guard let framework = frameworkOf[score.inspectionID], let measure = framework.measure(score.measure) else {
                continue
            }
            let percent = 100 * Double(score.sufficient) / Double(score.applicable)
            let band = framework.scale(for: measure)?.bandWithProvenance(ofDisplayed: percent)
            rows.append(
                ScoreRecord(
                    inspectionID: score.inspectionID, measure: score.measure, score: percent, band: band?.band.label,
                    bandSource: band?.provenance.rawValue, n: score.applicable, sufficient: score.sufficient,
                    cases: score.cases, designEffect: score.designEffect, effectiveN: score.effectiveN,
                    source: ScoreSource.computed))
        }
        rows += derived(from: rows, inspections: inspections, frameworkOf: frameworkOf)
        return rows
    }

    /// Sums (a youth total from its twelve standards) and bands of other measures (an overall rating
    /// from a total), only where the data lack them.
    private static func derived(
        from rows: [ScoreRecord], inspections: [InspectionRecord], frameworkOf: [String: Framework]
    ) -> [ScoreRecord] {
        var byInspection: [String: [String: ScoreRecord]] = [:]
        for row in rows where byInspection[row.inspectionID]?[row.measure] == nil {
            byInspection[row.inspectionID, default: [:]][row.measure] = row
        }
        var added: [ScoreRecord] = []
        for inspection in inspections {
            guard let framework = frameworkOf[inspection.id] else { continue }
            var known = byInspection[inspection.id] ?? [:]
            for measure in framework.measures {
                guard case .sum(let parts) = measure.rule, known[measure.id]?.score == nil else { continue }
                let values = parts.compactMap { known[$0]?.score }
                guard values.count == parts.count else { continue }
                let total = values.reduce(0, +)
                let band = framework.scale(for: measure)?.bandWithProvenance(ofDisplayed: total)
                let row = ScoreRecord(
                    inspectionID: inspection.id, measure: measure.id, score: total, band: band?.band.label,
                    bandSource: band?.provenance.rawValue, source: ScoreSource.computed)
                known[measure.id] = row
                added.append(row)
            }
            for measure in framework.measures {
                guard case .bandOf(let sourceID) = measure.rule, known[measure.id]?.band == nil,
                    let score = known[sourceID]?.score,
                    let (band, provenance) = framework.scale(for: measure)?.bandWithProvenance(ofDisplayed: score)
                else { continue }
                added.append(
                    ScoreRecord(
                        inspectionID: inspection.id, measure: measure.id, score: nil, band: band.label,
                        bandSource: provenance.rawValue, source: ScoreSource.computed))
            }
        }
        return added
    }

    /// `score` is DOUBLE whatever the data (published whole percents and points, or pooled shares from
    /// judgements): one type on every dataset. Renderers show whole values without decimals.
    public static func table(_ records: [ScoreRecord]) -> Table {
        let schema = self.schema
        var builders = schema.fields.map { ColumnBuilder(type: $0.type, capacity: records.count) }
        func text(_ i: Int, _ s: String?) { if let s { builders[i].append(s) } else { builders[i].appendNull() } }
        for r in records {
            text(0, r.inspectionID)
            text(1, r.measure)
            if let s = r.score {
                builders[2].append(s)
            } else {
                builders[2].appendNull()
            }
            text(3, r.band)
            text(4, r.bandSource)
            if let n = r.n { builders[5].append(Int64(n)) } else { builders[5].appendNull() }
            if let y = r.sufficient { builders[6].append(Int64(y)) } else { builders[6].appendNull() }
            if let k = r.cases { builders[7].append(Int64(k)) } else { builders[7].appendNull() }
            if let d = r.designEffect { builders[8].append(d) } else { builders[8].appendNull() }
            if let e = r.effectiveN { builders[9].append(e) } else { builders[9].appendNull() }
            text(10, r.source)
            text(11, r.sourceURL)
        }
        return Table(schema: schema, columns: builders.map { $0.build() }, rowCount: records.count)
    }
}
