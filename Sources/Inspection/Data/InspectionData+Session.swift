public import Columnar

extension InspectionData {
    /// A session's inspection data from its tables (`areas`, `inspections`, `scores`), as every verb call
    /// reads it. A `scores` table without `band_source` is one the user made: it is banded and its totals
    /// derived on the fly (there are no judgements to pool here).
    public static func of(frameworks: [Framework], table: (String) -> Table?) throws(InspectionError)
        -> InspectionData
    {
        guard let areas = table("areas") else { throw .missingTable("areas") }
        guard let inspections = table("inspections") else { throw .missingTable("inspections") }
        let scores = table("scores")
        let raw = try InspectionData(frameworks: frameworks, areas: areas, inspections: inspections, scores: scores)
        guard scores?.column(named: "band_source") == nil else { return raw }
        let united = ScoreTable.unite(
            existing: raw.scores, pooled: [], inspections: raw.inspections, frameworks: frameworks)
        return InspectionData(frameworks: frameworks, areas: raw.areas, inspections: raw.inspections, scores: united)
    }
}
