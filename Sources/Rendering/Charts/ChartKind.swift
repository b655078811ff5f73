/// The charts yotq draws (SVG), each from a result table with the columns its verb produces.
///
/// A notebook cell picks one with ```` ```sql chart=bullet ````; without the option, a verb's result
/// gets its usual chart (`defaultKind(forVerb:)`).
public enum ChartKind: String, CaseIterable, Sendable {
    /// Per measure: an area's score against the lowest-to-highest range and the average (`compare`).
    case bullet
    /// Counts per bucket (`distribution`).
    case histogram
    /// Scores against n with control limits around the national proportion (`funnel`).
    case funnel
    /// Scores over successive inspections (`deltas`).
    case line

    /// The chart a verb's result calls for, if any (`compare` → bullet, …).
    public static func defaultKind(forVerb verb: String) -> ChartKind? {
        switch verb.lowercased() {
        case "compare": .bullet
        case "distribution": .histogram
        case "funnel": .funnel
        case "deltas": .line
        default: nil
        }
    }
}
