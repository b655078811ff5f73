public import Columnar

/// Scores from case-level judgements exactly as the seed's Appendix 5: for each criterion, section and
/// headline theme, the share of applicable judgements (`Y` or `N`; `NA` excluded) answered `Y`, pooled
/// over every case of the inspection — not an average of per-case scores. `n` travels with each score.
///
/// `questions(question, criterion, section)` and `question_themes(question, theme)` say which pool a
/// question belongs to; each framework measure with a `pool` rule picks its pool by level and key.
/// Works on dictionary codes in one pass over `judgements` (about 1.27 million rows a round).
public enum JudgementScoring {
    public static func score(
        judgements: Table, questions: Table, themes: Table?, inspections: [InspectionRecord], frameworks: [Framework]
    ) throws(InspectionError) -> [PooledScore] {
        // Pools: (level, key) → slot.
        var poolSlots: [String: Int] = [:]
        var poolNames: [(MeasureRule.PoolLevel, String)] = []
        func slot(_ level: MeasureRule.PoolLevel, _ key: String) -> Int {
            let name = level.rawValue + "\u{1}" + key
            if let found = poolSlots[name] { return found }
            poolSlots[name] = poolNames.count
            poolNames.append((level, key))
            return poolNames.count - 1
        }
        var poolsOfQuestion: [String: [Int]] = [:]
        let q = TableColumns(table: questions, name: "questions")
        let questionIDs = try q.texts("question"), criteria = try q.texts("criterion"),
            sections = try q.texts("section")
        for row in 0..<questions.rowCount {
            guard let id = questionIDs[row] else { continue }
            if let c = criteria[row] { poolsOfQuestion[id, default: []].append(slot(.criterion, c)) }
            if let s = sections[row] { poolsOfQuestion[id, default: []].append(slot(.section, s)) }
        }
        if let themes {
            let t = TableColumns(table: themes, name: "question_themes")
            let themeQuestions = try t.texts("question"), themeIDs = try t.texts("theme")
            for row in 0..<themes.rowCount {
                guard let id = themeQuestions[row], let theme = themeIDs[row] else { continue }
                poolsOfQuestion[id, default: []].append(slot(.theme, theme))
            }
        }
        let j = TableColumns(table: judgements, name: "judgements")
        let inspectionKeys = try keys(try j.required("inspection_id"))
        let questionKeys = try keys(try j.required("question"))
        let answerKeys = try keys(try j.required("answer"))
        // Per distinct answer text: 1 = Y, 0 = N, -1 = NA.
        var answerKinds: [Int8] = []
        for text in answerKeys.distinct {
            switch text?.uppercased() {
            case "Y": answerKinds.append(1)
            case "N": answerKinds.append(0)
            case "NA": answerKinds.append(-1)
            default:
                throw .badJudgement("judgements.answer must be Y, N or NA, not \(text.map { "\"\($0)\"" } ?? "empty")")
            }
        }
        // Per distinct question: its pools, flattened (offsets into one array).
        var offsets: [Int32] = [0]
        var flat: [Int32] = []
        for text in questionKeys.distinct {
            guard let text, let pools = poolsOfQuestion[text] else {
                throw .badJudgement("judgements.question \(text.map { "\"\($0)\"" } ?? "empty") is not in questions")
            }
            // A question listed twice for one theme still counts once in that theme's pool.
            var seen = Set<Int>()
            flat += pools.filter { seen.insert($0).inserted }.map(Int32.init)
            offsets.append(Int32(flat.count))
        }
        let poolCount = poolNames.count
        let inspectionCount = inspectionKeys.distinct.count
        var yes = [Int](repeating: 0, count: inspectionCount * poolCount)
        var applicable = [Int](repeating: 0, count: inspectionCount * poolCount)
        let rows = judgements.rowCount
        inspectionKeys.codes.withUnsafeBufferPointer { ins in
            questionKeys.codes.withUnsafeBufferPointer { qs in
                answerKeys.codes.withUnsafeBufferPointer { ans in
                    yes.withUnsafeMutableBufferPointer { yes in
                        applicable.withUnsafeMutableBufferPointer { applicable in
                            for row in 0..<rows {
                                let kind = answerKinds[Int(ans[row])]
                                if kind < 0 { continue }
                                let base = Int(ins[row]) * poolCount
                                let question = Int(qs[row])
                                for p in Int(offsets[question])..<Int(offsets[question + 1]) {
                                    let cell = base + Int(flat[p])
                                    applicable[cell] += 1
                                    yes[cell] += Int(kind)
                                }
                            }
                        }
                    }
                }
            }
        }
        // Cases: with a `case_id` column (no NULLs), each pool's judgements per case, summarised per
        // inspection as Σ y_i², Σ y_i·m_i, Σ m_i² and the number of cases — what the ratio-estimator
        // variance needs (`ClusteredProportion`).
        var clusters: [ClusterSums]? = nil
        if let caseColumn = j.optional("case_id"), caseColumn.nullCount == 0 {
            clusters = try Self.clusterSums(
                cases: try keys(caseColumn), inspections: inspectionKeys.codes, inspectionCount: inspectionCount,
                questions: questionKeys.codes, answers: answerKeys.codes, answerKinds: answerKinds, offsets: offsets,
                pools: flat, poolCount: poolCount)
        }
        // Name the pools after the measures whose rule selects them, per inspection's framework.
        let programmeOf = Dictionary(inspections.map { ($0.id, $0.programme) }, uniquingKeysWith: { a, _ in a })
        var results: [PooledScore] = []
        for (i, inspectionID) in inspectionKeys.distinct.enumerated() {
            guard let inspectionID, let programme = programmeOf[inspectionID],
                let framework = frameworks.first(where: { $0.covers(programme: programme) })
            else { continue }
            for measure in framework.measures {
                guard case .pool(let level, let key) = measure.rule,
                    let p = poolSlots[level.rawValue + "\u{1}" + key]
                else { continue }
                let cell = i * poolCount + p
                guard applicable[cell] > 0 else { continue }
                let clustered = clusters.flatMap { sums in
                    ClusteredProportion(
                        cases: sums[cell].cases, judgements: applicable[cell], sufficient: yes[cell],
                        sumY2: sums[cell].y2, sumYM: sums[cell].ym, sumM2: sums[cell].m2)
                }
                results.append(
                    PooledScore(
                        inspectionID: inspectionID, measure: measure.id, sufficient: yes[cell],
                        applicable: applicable[cell], clustered: clustered))
            }
        }
        return results
    }

    /// Per (inspection, pool) cell: cases with an applicable judgement in the pool, and Σ y_i², Σ y_i·m_i,
    /// Σ m_i² over them (m_i applicable, y_i sufficient judgements of case i in the pool).
    struct ClusterSums {
        var cases = 0, y2 = 0, ym = 0, m2 = 0
    }

    /// A case is an (inspection, case_id) pair: case ids may repeat across inspections (the synthetic
    /// data number cases from 1 in each inspection).
    private static func clusterSums(
        cases caseKeys: (codes: [UInt32], distinct: [String?]), inspections: [UInt32], inspectionCount: Int,
        questions: [UInt32], answers: [UInt32], answerKinds: [Int8], offsets: [Int32], pools flat: [Int32],
        poolCount: Int
    ) throws(InspectionError) -> [ClusterSums] {
        let caseCount = caseKeys.distinct.count
        let rows = caseKeys.codes.count
        // Dense case numbers: a grid over (inspection, case code) when small, else a dictionary.
        var caseOfRow = [Int32](repeating: 0, count: rows)
        var inspectionOfCase: [Int32] = []
        if inspectionCount * caseCount <= 1 << 24 {
            var grid = [Int32](repeating: -1, count: inspectionCount * caseCount)
            grid.withUnsafeMutableBufferPointer { grid in
                inspections.withUnsafeBufferPointer { ins in
                    caseKeys.codes.withUnsafeBufferPointer { codes in
                        caseOfRow.withUnsafeMutableBufferPointer { caseOfRow in
                            for row in 0..<rows {
                                let key = Int(ins[row]) * caseCount + Int(codes[row])
                                if grid[key] < 0 {
                                    grid[key] = Int32(inspectionOfCase.count)
                                    inspectionOfCase.append(Int32(ins[row]))
                                }
                                caseOfRow[row] = grid[key]
                            }
                        }
                    }
                }
            }
        } else {
            var index: [UInt64: Int32] = [:]
            for row in 0..<rows {
                let key = UInt64(inspections[row]) << 32 | UInt64(caseKeys.codes[row])
                if let found = index[key] {
                    caseOfRow[row] = found
                } else {
                    let code = Int32(inspectionOfCase.count)
                    index[key] = code
                    inspectionOfCase.append(Int32(inspections[row]))
                    caseOfRow[row] = code
                }
            }
        }
        var m = [Int32](repeating: 0, count: inspectionOfCase.count * poolCount)
        var y = m
        caseOfRow.withUnsafeBufferPointer { caseOfRow in
            questions.withUnsafeBufferPointer { qs in
                answers.withUnsafeBufferPointer { ans in
                    m.withUnsafeMutableBufferPointer { m in
                        y.withUnsafeMutableBufferPointer { y in
                            for row in 0..<rows {
                                let kind = answerKinds[Int(ans[row])]
                                if kind < 0 { continue }
                                let base = Int(caseOfRow[row]) * poolCount
                                let question = Int(qs[row])
                                for p in Int(offsets[question])..<Int(offsets[question + 1]) {
                                    m[base + Int(flat[p])] += 1
                                    y[base + Int(flat[p])] += Int32(kind)
                                }
                            }
                        }
                    }
                }
            }
        }
        var sums = [ClusterSums](repeating: ClusterSums(), count: inspectionCount * poolCount)
        for c in 0..<inspectionOfCase.count {
            let cellBase = Int(inspectionOfCase[c]) * poolCount
            for p in 0..<poolCount {
                let mi = Int(m[c * poolCount + p]), yi = Int(y[c * poolCount + p])
                guard mi > 0 else { continue }
                sums[cellBase + p].cases += 1
                sums[cellBase + p].y2 += yi * yi
                sums[cellBase + p].ym += yi * mi
                sums[cellBase + p].m2 += mi * mi
            }
        }
        return sums
    }

    /// A column as dense codes 0..<distinct.count and the text of each code (nil for NULL).
    private static func keys(_ column: Column) throws(InspectionError) -> (codes: [UInt32], distinct: [String?]) {
        switch column.storage {
        case .varchar(let codes, let dictionary):
            guard column.nullCount > 0 else { return (codes, dictionary.strings) }
            let nullCode = UInt32(dictionary.count)
            var remapped = codes
            for row in 0..<codes.count where column.isNull(row) { remapped[row] = nullCode }
            return (remapped, dictionary.strings.map(Optional.some) + [nil])
        case .bigint(let values) where column.nullCount == 0:
            // Numeric ids (the synthetic inspection ids): dense codes without boxing each row.
            var index: [Int64: UInt32] = [:]
            var distinct: [String?] = []
            var codes = [UInt32](repeating: 0, count: values.count)
            values.withUnsafeBufferPointer { values in
                for row in 0..<values.count {
                    if let code = index[values[row]] {
                        codes[row] = code
                    } else {
                        let code = UInt32(distinct.count)
                        index[values[row]] = code
                        distinct.append(String(values[row]))
                        codes[row] = code
                    }
                }
            }
            return (codes, distinct)
        default:
            var index: [String: UInt32] = [:]
            var distinct: [String?] = []
            var codes = [UInt32](repeating: 0, count: column.count)
            for row in 0..<column.count {
                let value = column[row]
                let text: String? = value.isNull ? nil : value.description
                let key = text ?? "\u{0}NULL"
                if let code = index[key] {
                    codes[row] = code
                } else {
                    let code = UInt32(distinct.count)
                    index[key] = code
                    distinct.append(text)
                    codes[row] = code
                }
            }
            return (codes, distinct)
        }
    }
}
