import Columnar

@testable import Rendering

/// Small fixed tables shared by the renderer tests.
enum Fixtures {
    /// Three rows of every type, with NULLs, a CJK name and a Welsh diacritic.
    static let areas = Table(
        schema: Schema([
            Field(name: "id", type: .bigint),
            Field(name: "area", type: .varchar),
            Field(name: "score", type: .double),
            Field(name: "inspected", type: .date),
            Field(name: "good", type: .boolean),
        ]),
        rows: [
            [.bigint(1), .varchar("Ynys Môn"), .double(3.5), .date(Date32(iso: "2011-12-01")!), .boolean(true)],
            [.bigint(22), .varchar("東京"), .null, .date(Date32(iso: "2024-03-01")!), .boolean(false)],
            [.bigint(-333), .null, .double(10), .null, .null],
        ]
    )

    /// One BIGINT column `n` holding 1...count.
    static func numbers(_ count: Int) -> Table {
        Table([("n", Column(.bigint((1...max(1, count)).map(Int64.init).prefix(count).map { $0 })))])
    }

    /// One VARCHAR column named `name` holding `values`.
    static func strings(_ values: [String?], name: String = "s") -> Table {
        Table(
            schema: Schema([Field(name: name, type: .varchar)]), rows: values.map { [$0.map(Value.varchar) ?? .null] })
    }

    static func render(_ table: Table, _ mode: OutputMode, configure: (inout RenderOptions) -> Void = { _ in })
        -> String
    {
        var options = RenderOptions(mode: mode)
        configure(&options)
        return TableRenderer(options: options).render(table)
    }
}
