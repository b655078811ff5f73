/// Turns a decoded `FrameworkFile` into a `Framework`, rejecting what would make the verbs wrong.
struct FrameworkValidation {
    let file: String

    func fail(_ field: String, _ message: String) -> FrameworkError {
        FrameworkError(file: file, field: field, message: message)
    }

    func check(_ raw: FrameworkFile) throws(FrameworkError) -> Framework {
        guard !raw.id.isEmpty else { throw fail("id", "must not be empty") }
        guard !raw.programmes.isEmpty else { throw fail("programmes", "must name at least one programme") }
        for (index, date) in [raw.inForce?.from, raw.inForce?.to].enumerated() {
            if let date, !isISODate(date) {
                throw fail("in_force." + (index == 0 ? "from" : "to"), "\"\(date)\" is not an ISO date (YYYY-MM-DD)")
            }
        }
        let scales = try checkScales(raw.scales ?? [])
        let ids = raw.measures.map(\.id)
        var measures: [Measure] = []
        for (index, entry) in raw.measures.enumerated() {
            let field = "measures[\(index)]"
            guard !entry.id.isEmpty else { throw fail(field + ".id", "must not be empty") }
            if ids[..<index].contains(entry.id) {
                throw fail(field + ".id", "measure \"\(entry.id)\" is defined twice")
            }
            if let parent = entry.parent, !ids.contains(parent) {
                throw fail(field + ".parent", "no measure \"\(parent)\" in this framework")
            }
            if let scale = entry.scale, !scales.contains(where: { $0.id == scale }) {
                throw fail(field + ".scale", "no scale \"\(scale)\" in this framework")
            }
            let rule = try checkRule(entry, field: field + ".rule", ids: ids)
            let value = entry.value ?? .percent
            if value == .rating, entry.scale == nil { throw fail(field + ".scale", "a rating measure needs a scale") }
            measures.append(
                Measure(
                    id: entry.id, title: entry.title, kind: entry.kind, parent: entry.parent, value: value,
                    scale: entry.scale, rule: rule))
        }
        var triggers: [TriggerRule] = []
        for (index, entry) in (raw.triggers ?? []).enumerated() {
            let field = "triggers[\(index)]"
            guard !entry.whenAny.isEmpty else { throw fail(field + ".when_any", "needs at least one condition") }
            var conditions: [TriggerRule.Condition] = []
            for (c, condition) in entry.whenAny.enumerated() {
                let conditionField = field + ".when_any[\(c)]"
                guard let measure = measures.first(where: { $0.id == condition.measure }) else {
                    throw fail(conditionField + ".measure", "no measure \"\(condition.measure)\" in this framework")
                }
                let scale = measure.scale.flatMap { id in scales.first { $0.id == id } }
                for band in condition.bands where scale?.rank(of: band) == nil {
                    throw fail(conditionField + ".bands", "\"\(band)\" is not a band of \(measure.id)'s scale")
                }
                conditions.append(.init(measure: condition.measure, bands: condition.bands))
            }
            triggers.append(
                TriggerRule(
                    id: entry.id, title: entry.title, status: entry.status, evidence: entry.evidence,
                    whenAny: conditions))
        }
        var aliases: [String: String] = [:]
        for (name, target) in raw.aliases ?? [:] {
            guard ids.contains(target) else {
                throw fail("aliases.\(name)", "no measure \"\(target)\" in this framework")
            }
            aliases[name.lowercased()] = target
        }
        return Framework(
            id: raw.id, title: raw.title, programmes: raw.programmes,
            inForce: (raw.inForce?.from, raw.inForce?.to), measures: measures, scales: scales,
            triggers: triggers, aliases: aliases)
    }

    private func checkScales(_ entries: [FrameworkFile.ScaleEntry]) throws(FrameworkError) -> [BandScale] {
        var scales: [BandScale] = []
        for (index, entry) in entries.enumerated() {
            let field = "scales[\(index)]"
            if scales.contains(where: { $0.id == entry.id }) {
                throw fail(field + ".id", "scale \"\(entry.id)\" is defined twice")
            }
            guard !entry.bands.isEmpty else { throw fail(field + ".bands", "needs at least one band") }
            var bands: [Band] = []
            for (b, band) in entry.bands.enumerated() {
                guard band.from.isFinite else { throw fail(field + ".bands[\(b)].from", "must be a finite number") }
                if let previous = bands.last, band.from <= previous.from {
                    throw fail(
                        field + ".bands[\(b)].from",
                        "cut-points must increase (\(Int(band.from)) follows \(Int(previous.from)))")
                }
                if bands.contains(where: { $0.label.lowercased() == band.label.lowercased() }) {
                    throw fail(field + ".bands[\(b)].label", "band \"\(band.label)\" appears twice")
                }
                bands.append(Band(label: band.label, from: band.from, status: band.status, evidence: band.evidence))
            }
            scales.append(BandScale(id: entry.id, title: entry.title ?? entry.id, bands: bands))
        }
        return scales
    }

    private func checkRule(
        _ entry: FrameworkFile.MeasureEntry, field: String, ids: [String]
    ) throws(FrameworkError) -> MeasureRule? {
        guard let rule = entry.rule else { return nil }
        let given = [rule.pool != nil, rule.sum != nil, rule.bandOf != nil].filter { $0 }.count
        guard given == 1 else { throw fail(field, "needs exactly one of pool, sum, band_of") }
        if let pool = rule.pool { return .pool(pool, key: rule.key ?? entry.id) }
        if let parts = rule.sum {
            for part in parts where !ids.contains(part) {
                throw fail(field + ".sum", "no measure \"\(part)\" in this framework")
            }
            return .sum(parts)
        }
        let source = rule.bandOf!
        guard ids.contains(source) else { throw fail(field + ".band_of", "no measure \"\(source)\" in this framework") }
        guard entry.scale != nil else { throw fail("\(field).band_of", "a banded measure needs a scale") }
        return .bandOf(source)
    }

    private func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil }
    }
}
