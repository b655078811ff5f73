/// The histogram read from a result table (`distribution`'s, or any with its columns): reads `bucket`
/// and `count`; uses `framework`, `measure` (the unit), `group` (a panel each), `bucket_from`,
/// `bucket_to`, `share`, and the bucket's name as a band where it is one.
extension HistogramChart {
    static let requirements = [["bucket"], ["count"]]

    static func histograms(_ table: ChartTable) -> [Histogram] {
        var histograms: [Histogram] = []
        for index in table.rows {
            let framework = table.text("framework", index)
            let measure = table.text("measure", index)
            let group = table.text("group", index)
            let bucket = Bucket(
                name: table.text("bucket", index) ?? "(none)", from: table.number("bucket_from", index),
                to: table.number("bucket_to", index), count: table.number("count", index) ?? 0,
                share: table.number("share", index), band: table.band("bucket", index))
            if histograms.isEmpty || histograms.last?.framework != framework || histograms.last?.measure != measure {
                histograms.append(
                    Histogram(
                        framework: framework, measure: measure,
                        unit: table.context.unit(framework: framework, measure: measure, title: nil)))
            }
            let last = histograms.count - 1
            if let panel = histograms[last].panels.firstIndex(where: { $0.group == group }) {
                histograms[last].panels[panel].buckets.append(bucket)
            } else {
                histograms[last].panels.append(Panel(group: group, buckets: [bucket]))
            }
        }
        return histograms
    }
}
