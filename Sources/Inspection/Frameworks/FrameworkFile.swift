/// The JSON shape of a framework file, decoded as written before it is checked (see `FrameworkLoader`).
struct FrameworkFile: Decodable {
    struct Period: Decodable {
        let from: String?
        let to: String?
    }

    struct MeasureEntry: Decodable {
        let id: String
        let title: String
        let kind: Measure.Kind
        let parent: String?
        let value: Measure.ValueKind?
        let scale: String?
        let rule: RuleEntry?
    }

    /// Exactly one of `pool`, `sum`, `band_of`.
    struct RuleEntry: Decodable {
        let pool: MeasureRule.PoolLevel?
        /// The criterion / section / theme id the pool matches; defaults to the measure's own id.
        let key: String?
        let sum: [String]?
        let bandOf: String?

        enum CodingKeys: String, CodingKey {
            case pool, key, sum
            case bandOf = "band_of"
        }
    }

    struct ScaleEntry: Decodable {
        let id: String
        let title: String?
        let bands: [BandEntry]
    }

    struct BandEntry: Decodable {
        let label: String
        let from: Double
        let status: Evidence
        let evidence: String
    }

    struct TriggerEntry: Decodable {
        struct ConditionEntry: Decodable {
            let measure: String
            let bands: [String]
        }

        let id: String
        let title: String
        let status: Evidence
        let evidence: String
        let whenAny: [ConditionEntry]

        enum CodingKeys: String, CodingKey {
            case id, title, status, evidence
            case whenAny = "when_any"
        }
    }

    let id: String
    let title: String
    let programmes: [String]
    let inForce: Period?
    let measures: [MeasureEntry]
    let scales: [ScaleEntry]?
    let triggers: [TriggerEntry]?
    let aliases: [String: String]?

    enum CodingKeys: String, CodingKey {
        case id, title, programmes, measures, scales, triggers, aliases
        case inForce = "in_force"
    }
}
