public import Columnar

/// A session's inspection data as values: areas, inspections and the united scores, with the
/// frameworks that give them meaning. Built once per verb call from the catalog's tables.
public struct InspectionData: Sendable {
    public let frameworks: [Framework]
    public let areas: [AreaRecord]
    public let inspections: [InspectionRecord]
    public let scores: [ScoreRecord]
    /// Rows of `scores` by inspection id.
    let scoreIndex: [String: [ScoreRecord]]

    public init(frameworks: [Framework], areas: [AreaRecord], inspections: [InspectionRecord], scores: [ScoreRecord]) {
        self.frameworks = frameworks
        self.areas = areas
        self.inspections = inspections
        self.scores = scores
        scoreIndex = Dictionary(grouping: scores, by: \.inspectionID)
    }

    /// From tables in the canonical layout; `scores` may be the raw published table or the united one
    /// (`ScoreTable.unite`), and may be absent.
    public init(frameworks: [Framework], areas: Table, inspections: Table, scores: Table?) throws(InspectionError) {
        let a = TableColumns(table: areas, name: "areas")
        let codes = try a.texts("area_code"), names = try a.texts("area")
        let regions = try a.texts("region", required: false), countries = try a.texts("country", required: false)
        var areaList: [AreaRecord] = []
        var seen = Set<String>()
        for row in 0..<areas.rowCount {
            guard let code = codes[row], seen.insert(code).inserted else { continue }
            areaList.append(
                AreaRecord(code: code, name: names[row] ?? code, region: regions[row], country: countries[row]))
        }
        let i = TableColumns(table: inspections, name: "inspections")
        let ids = try i.texts("inspection_id"), areaCodes = try i.texts("area_code")
        let programmes = try i.texts("programme"), published = try i.texts("published", required: false)
        let ends = i.optional("published_end") != nil ? i.dates("published_end") : i.dates("published")
        let fieldwork = try i.texts("fieldwork", required: false)
        let caseCounts = try i.numbers("cases", required: false)
        var inspectionList: [InspectionRecord] = []
        for row in 0..<inspections.rowCount {
            guard let id = ids[row], let area = areaCodes[row] else { continue }
            inspectionList.append(
                InspectionRecord(
                    id: id, areaCode: area, programme: programmes[row] ?? "", published: published[row],
                    date: ends[row] ?? published[row].flatMap(PeriodEnd.of),
                    fieldwork: fieldwork[row].flatMap(PeriodEnd.leading),
                    cases: caseCounts[row].flatMap { $0.isFinite && $0 >= 0 ? Int($0) : nil }))
        }
        self.init(
            frameworks: frameworks, areas: areaList, inspections: inspectionList,
            scores: try scores.map { table throws(InspectionError) in try ScoreTable.records(of: table) } ?? [])
    }

    /// The framework scoring `inspection`, if any file covers its programme.
    public func framework(of inspection: InspectionRecord) -> Framework? {
        frameworks.first { $0.covers(programme: inspection.programme) }
    }

    public func area(code: String) -> AreaRecord? { areas.first { $0.code == code } }

    /// An area by name or code, case-insensitively; a miss lists the closest names.
    public func resolveArea(_ name: String) throws(InspectionError) -> AreaRecord {
        let key = name.trimmingCharacters(in: " \t").lowercased()
        if let found = areas.first(where: { $0.name.lowercased() == key || $0.code.lowercased() == key }) {
            return found
        }
        if let parts = splitIntoAreas(key), parts.count > 1 {
            throw .badArgument(
                "no area named \"\(name)\": missing a comma? (\(parts.joined(separator: ", ")))")
        }
        throw .unknownArea(name, candidates: areas.map(\.name))
    }

    /// The names of two or more areas that `words` (lower case) spells when commas are put between
    /// words (`harrow brent` → Harrow, Brent); nil when it spells none.
    func splitIntoAreas(_ words: String) -> [String]? {
        let pieces = words.split(separator: " ")
        func split(_ from: Int) -> [String]? {
            if from == pieces.count { return [] }
            for end in stride(from: pieces.count, to: from, by: -1) {
                let candidate = pieces[from..<end].joined(separator: " ")
                guard let area = areas.first(where: { $0.name.lowercased() == candidate }) else { continue }
                if let rest = split(end) { return [area.name] + rest }
            }
            return nil
        }
        return pieces.count > 1 ? split(0) : nil
    }

    /// A measure by id or friendly name in any framework (the first that knows it).
    public func resolveMeasure(_ name: String, in frameworks: [Framework]? = nil) throws(InspectionError) -> [(
        Framework, Measure
    )] {
        let pool = frameworks ?? self.frameworks
        let found = pool.compactMap { f in f.resolveMeasure(name).map { (f, $0) } }
        if found.isEmpty { throw .unknownMeasure(name, candidates: pool.flatMap(\.measureNames)) }
        return found
    }

    public func resolveFramework(_ id: String) throws(InspectionError) -> Framework {
        if let found = frameworks.first(where: { $0.id.lowercased() == id.lowercased() || $0.covers(programme: id) }) {
            return found
        }
        let prefixed = frameworks.filter { $0.id.lowercased().hasPrefix(id.lowercased()) }
        if prefixed.count == 1 { return prefixed[0] }
        throw .unknownFramework(id, candidates: frameworks.map(\.id))
    }
}
