import Columnar
import Foundation
@testable import Inspection

/// Small hand-made datasets in the canonical layout, with the bundled framework files.
enum InspectionFixture {
    static let frameworks: [Framework] = try! FrameworkLoader.loadFolder(bundledFrameworkFolder)

    static func table(_ names: [String], _ rows: [[Value]]) -> Table {
        let fields = names.enumerated().map { index, name in
            Field(name: name, type: rows.lazy.compactMap { $0[index].type }.first ?? .varchar)
        }
        return Table(schema: Schema(fields), rows: rows)
    }

    static func areas(_ list: [(String, String, String)]) -> Table {
        table(
            ["area_code", "area", "region", "country"],
            list.map {
                [.varchar($0.0), .varchar($0.1), .varchar($0.2), .varchar($0.2 == "Wales" ? "Wales" : "England")]
            })
    }

    /// (id, area, programme, published)
    static func inspections(_ list: [(String, String, String, String?)]) -> Table {
        table(
            ["inspection_id", "area_code", "programme", "published"],
            list.map {
                [.varchar($0.0), .varchar($0.1), .varchar($0.2), $0.3.map(Value.varchar) ?? .null]
            })
    }

    /// (inspection, measure, score, band)
    static func scores(_ list: [(String, String, Double?, String?)]) -> Table {
        table(
            ["inspection_id", "measure", "score", "band"],
            list.map {
                [.varchar($0.0), .varchar($0.1), $0.2.map(Value.double) ?? .null, $0.3.map(Value.varchar) ?? .null]
            })
    }

    /// The data as the shell prepares it: scores united with bands and derived measures.
    static func data(areas: Table, inspections: Table, scores: Table) throws -> InspectionData {
        let raw = try InspectionData(frameworks: frameworks, areas: areas, inspections: inspections, scores: scores)
        let united = ScoreTable.unite(
            existing: raw.scores, pooled: [], inspections: raw.inspections, frameworks: frameworks)
        return InspectionData(frameworks: frameworks, areas: raw.areas, inspections: raw.inspections, scores: united)
    }

    /// Column `name` of `table` as numbers per row (nil for NULL or text).
    static func numbers(_ table: Table, _ name: String) -> [Double?] {
        table.column(named: name)!.values.map { value in
            switch value {
            case .double(let d): d
            case .bigint(let n): Double(n)
            default: nil
            }
        }
    }

    /// Column `name` rounded to `places` decimals, as text (`83.3`, `50`), for comparing displayed figures.
    static func rounded(_ table: Table, _ name: String, places: Int = 1) -> [String] {
        numbers(table, name).map { value in
            guard let value else { return "NULL" }
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            let r = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
            return r == r.rounded() ? String(Int64(r)) : String(r)
        }
    }

    /// Column `name` of `table` as text per row.
    static func column(_ table: Table, _ name: String) -> [String] {
        table.column(named: name)!.values.map(\.description)
    }
}
