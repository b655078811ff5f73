import Rendering
import Columnar

/// Line charts of scores over successive inspections, one series per area and measure, labelled at
/// their last point.
///
/// Drawn from typed series (`Series` of dated observations); `LineChart+ResultTable` reads them from a
/// result table. When a date is unknown the x axis shows the inspections in order instead. A table of several areas and several
/// measures gives one chart per area or per measure, whichever makes fewer; units never share an axis.
struct LineChart {
    /// One inspection's score.
    struct Observation {
        var id: String
        var when: String?
        var date: Date32?
        var score: Double
    }

    struct Series {
        var area: String?
        var measure: String?
        var label: String?
        var unit: ScoreUnit
        var observations: [Observation] = []
    }

    /// The series drawn, one chart per area or per measure when there are several of both.
    static func charts(_ series: [Series], title: String?) -> [Chart] {
        // Several areas and several measures: one chart per area or per measure, whichever is fewer.
        let areas = Set(series.map(\.area)).count
        let measures = Set(series.map(\.measure)).count
        let split: (Series) -> String? =
            areas > 1 && measures > 1 ? (areas < measures ? { $0.area } : { $0.measure }) : { _ in nil }
        var charts: [(key: String?, unit: ScoreUnit, series: [Series])] = []
        for line in series where !line.observations.isEmpty {
            if let index = charts.firstIndex(where: { $0.key == split(line) && $0.unit == line.unit }) {
                charts[index].series.append(line)
            } else {
                charts.append((split(line), line.unit, [line]))
            }
        }
        return charts.map { chart in
            let area = Set(chart.series.map(\.area)).count == 1 ? chart.series[0].area : nil
            let measure = Set(chart.series.map(\.measure)).count == 1 ? chart.series[0].measure : nil
            var chartTitle: String
            if let title {
                chartTitle = title
                if charts.count > 1, let suffix = chart.key ?? measure { chartTitle += ": " + suffix }
            } else {
                chartTitle = (area ?? measure).map { $0 + ": scores" } ?? "Scores"
                chartTitle += " over successive inspections"
            }
            var lines = chart.series
            for index in lines.indices {
                let line = lines[index]
                lines[index].label =
                    line.label
                    ?? (area != nil ? line.measure : measure != nil ? line.area : nil)
                    ?? [line.area, line.measure].compactMap { $0 }.joined(separator: " · ")
            }
            return LineChartDrawing(series: lines, unit: chart.unit, title: chartTitle).chart()
        }
    }
}
