/// The pictures yotq draws of a result. A verb names its usual one (`Verb.chart`); a notebook cell can
/// ask for one by name (```` ```sql chart=bullet ````). The drawing lives in the Reporting module.
public enum ChartKind: String, CaseIterable, Sendable {
    /// Per measure: an area's score against the lowest-to-highest range and the average (`compare`).
    case bullet
    /// Counts per bucket (`distribution`).
    case histogram
    /// Scores against n with control limits around the national proportion (`funnel`).
    case funnel
    /// Scores over successive inspections (`deltas`).
    case line
    /// One bar per row: any name column against a number column (`chart=bar`).
    case bar
}
