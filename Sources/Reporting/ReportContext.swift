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

    /// How a table shows a result column (`RenderOptions.columnStyles`): the first rule of
    /// `ReportColumns.rules` matching its name and type.
    public func columnStyle(_ field: Field) -> ColumnStyle {
        let palette = self.palette
        switch ReportColumns.kind(of: field) {
        case .percent: return ColumnStyle(display: .percent)
        case .pValue: return ColumnStyle(display: .pValue)
        case .significant: return ColumnStyle(display: .significant)
        case .band: return ColumnStyle(textClasses: { palette.band(matching: $0).map { [$0.cssClass] } ?? [] })
        case .plain:
            guard field.type == .varchar else { return .plain }
            // Other text columns colour a cell only when it is a band spelled exactly (a pivot of ratings);
            // a date as printed (`2011-12`, `2011-12-01`) is kept on one line.
            return ColumnStyle(textClasses: { text in
                palette.band(named: text).map { [$0.cssClass] } ?? (Self.looksLikeDate(text) ? ["date"] : [])
            })
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
                looks.append({ text in palette.band(matching: text).map { CellLook(fill: $0.tint, swatch: $0.colour) } }
                )
                decimals.append(nil)
            case .percent:
                looks.append(nil)
                decimals.append(1)
            case .pValue, .significant:
                looks.append(nil)
                decimals.append(nil)
            case .plain:
                if field.type == .varchar && !palette.bands.isEmpty {
                    looks.append({ text in
                        palette.band(named: text).map { CellLook(fill: $0.tint, swatch: $0.colour) }
                    })
                } else {
                    looks.append(nil)
                }
                decimals.append(nil)
            }
        }
        return WorkbookSheet(
            name: name, table: table, header: header, title: title, notes: notes, textLooks: looks, decimals: decimals)
    }

    /// `2011`, `2011-12` or `2011-12-01`: a date as inspection sources print them.
    static func looksLikeDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return (1...3).contains(parts.count) && parts[0].count == 4
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && parts.dropFirst().allSatisfy { $0.count == 2 }
    }

    /// The render options' hook (grid, Markdown and HTML modes), from this context.
    public var columnStyles: @Sendable (Field) -> ColumnStyle {
        let context = self
        return { context.columnStyle($0) }
    }

    /// The one stylesheet of yotq's HTML pages, with this session's bands.
    public var stylesheet: String { HTMLStylesheet.css(bands: palette) }

    /// The unit of a measure's numbers (percent, or points up to the framework's maximum).
    func unit(framework: String?, measure: String?, title: String?) -> ScoreUnit {
        ScoreUnit.of(framework: framework, measure: measure, title: title, in: frameworks)
    }
}
