public import Columnar

/// `distribution MEASURE [BY region] [BINS n | WIDTH w] [AS OF date]`: over each area's latest inspection,
/// counts per rating for a categorical measure (in the scale's order), or a histogram of scores (default
/// 10-point bins for percents, 1-point bins for points). `bar` draws the counts for table mode.
public enum DistributionVerb {
    /// `distribution overall;`
    public static let verb = Verb(
        name: "distribution", summary: "counts per rating, or a histogram of scores",
        positional: "MEASURE", clauses: [.by, .bins, .width, .asOf, .framework], example: "distribution overall;",
        chart: .histogram, terminalColumns: ["measure", "group", "bucket", "count", "share", "bar"]
    ) { call throws(InspectionError) in
        try run(measure: try call.text(0, "a measure"), options: call.options, data: call.data)
    }

    public static func run(measure name: String, options: VerbOptions, data: InspectionData) throws(InspectionError)
        -> Table
    {
        let targets = try data.resolveMeasure(name, in: try data.frameworks(for: options))
        var result = ResultBuilder([
            ("framework", .varchar), ("measure", .varchar), ("group", .varchar), ("bucket", .varchar),
            ("bucket_from", .double), ("bucket_to", .double), ("count", .bigint), ("share", .double), ("bar", .varchar),
        ])
        for (framework, measure) in targets {
            let latest = data.latestInspections(framework: framework, asOf: options.asOf)
            var rows: [(group: String, score: ScoreRecord)] = []
            for area in data.areas {
                guard let inspection = latest[area.code], let score = data.score(inspection.id, measure.id) else {
                    continue
                }
                rows.append((try data.group(of: area, by: options.by), score))
            }
            let groups = Set(rows.map(\.group)).sorted()
            let categorical =
                measure.value == .rating
                || (options.bins == nil && options.width == nil && rows.allSatisfy { $0.score.score == nil })
            let scale = framework.scale(for: measure)
            for group in groups {
                let members = rows.filter { $0.group == group }.map(\.score)
                var buckets: [(label: String, from: Double?, to: Double?, count: Int)] = []
                if categorical {
                    let labels = (scale?.bands.map(\.label) ?? []).reversed()
                    for label in labels {
                        buckets.append(
                            (label, nil, nil, members.filter { $0.band?.lowercased() == label.lowercased() }.count))
                    }
                    let other = members.filter { m in
                        m.band.map { b in !labels.contains { $0.lowercased() == b.lowercased() } } ?? true
                    }
                    if !other.isEmpty { buckets.append(("(no rating)", nil, nil, other.count)) }
                } else {
                    let values = members.compactMap(\.score)
                    guard let low = values.min(), let high = values.max() else { continue }
                    var edges: [Double] = []
                    if let bins = options.bins {
                        guard (1...1000).contains(bins) else { throw .badArgument("BINS must be between 1 and 1000") }
                        let width = max((high - low) / Double(bins), 1e-9)
                        edges = (0...bins).map { low + Double($0) * width }
                    } else {
                        let width = options.width ?? (measure.value == .percent ? 10 : 1)
                        guard width > 0, width.isFinite, (high - low) / width < 10_000 else {
                            throw .badArgument("WIDTH must be a positive number giving at most 10000 bins")
                        }
                        var edge = (low / width).rounded(.down) * width
                        edges.append(edge)
                        repeat { edge += width; edges.append(edge) } while edge <= high
                    }
                    for i in 0..<(edges.count - 1) {
                        let (start, end) = (edges[i], edges[i + 1])
                        let isLast = i == edges.count - 2
                        let count = values.filter { $0 >= start && ($0 < end || (isLast && $0 <= end)) }.count
                        buckets.append(("[\(figure(start)), \(figure(end))" + (isLast ? "]" : ")"), start, end, count))
                    }
                }
                let total = max(1, buckets.reduce(0) { $0 + $1.count })
                let most = max(1, buckets.map(\.count).max() ?? 1)
                for bucket in buckets {
                    result.append([
                        .varchar(framework.id), .varchar(measure.id), .varchar(group), .varchar(bucket.label),
                        .number(bucket.from), .number(bucket.to), .count(bucket.count),
                        .number(100 * Double(bucket.count) / Double(total)),
                        .varchar(String(repeating: "█", count: (bucket.count * 30 + most - 1) / most)),
                    ])
                }
            }
        }
        return result.build()
    }
}
