public import Columnar
public import Inspection
public import Rendering
public import Workbooks

/// What a report needs to know of the domain to draw and style results: the session's frameworks, the
/// looks of their bands, and which result columns hold percents or bands. Built once per session (or
/// notebook run) from the frameworks it loaded; without frameworks nothing is coloured as a band.
public struct ReportContext: Sendable {
    public let frameworks: [Framework]
    public let palette: BandPalette

    public init(frameworks: [Framework]) {
        self.frameworks = frameworks
        palette = BandPalette(frameworks: frameworks)
    }

    /// How an HTML table shows a result column (`RenderOptions.htmlColumns`): the first rule of
    /// `ReportColumns.rules` matching its name and type.
    public func htmlColumnStyle(_ field: Field) -> HTMLColumnStyle {
        let palette = self.palette
        switch ReportColumns.kind(of: field) {
        case .percent: return HTMLColumnStyle(display: .percent)
        case .band: return HTMLColumnStyle(textClasses: { palette.band(matching: $0).map { [$0.cssClass] } ?? [] })
        case .plain:
            guard field.type == .varchar else { return .plain }
            // Other text columns colour a cell only when it is a band spelled exactly (a pivot of ratings).
            return HTMLColumnStyle(textClasses: { palette.band(named: $0).map { [$0.cssClass] } ?? [] })
        }
    }

    /// A table as a workbook sheet styled as the HTML tables are: band cells (band columns, and exact band
    /// names in other text columns) filled with their band's tint and a bar of its colour, the band word
    /// kept as the cell's text; percent columns shown with one decimal.
    public func workbookSheet(
        _ table: Table, name: String, header: Bool = true, title: String? = nil, notes: [String] = []
    ) -> WorkbookSheet {
        let palette = self.palette
        var looks: [(@Sendable (String) -> CellLook?)?] = []
        var decimals: [Int?] = []
        for field in table.schema.fields {
            switch ReportColumns.kind(of: field) {
            case .band:
                looks.append({ text in palette.band(matching: text).map { CellLook(fill: $0.tint, swatch: $0.colour) } })
                decimals.append(nil)
            case .percent:
                looks.append(nil)
                decimals.append(1)
            case .plain:
                if field.type == .varchar && !palette.bands.isEmpty {
                    looks.append({ text in palette.band(named: text).map { CellLook(fill: $0.tint, swatch: $0.colour) } })
                } else {
                    looks.append(nil)
                }
                decimals.append(nil)
            }
        }
        return WorkbookSheet(
            name: name, table: table, header: header, title: title, notes: notes, textLooks: looks, decimals: decimals)
    }

    /// The render options' hook for HTML tables, from this context.
    public var htmlColumns: @Sendable (Field) -> HTMLColumnStyle {
        let context = self
        return { context.htmlColumnStyle($0) }
    }

    /// The one stylesheet of yotq's HTML pages, with this session's bands.
    public var stylesheet: String { HTMLStylesheet.css(bands: palette) }

    /// The unit of a measure's numbers (percent, or points up to the framework's maximum).
    func unit(framework: String?, measure: String?, title: String?) -> ScoreUnit {
        ScoreUnit.of(framework: framework, measure: measure, title: title, in: frameworks)
    }
}
