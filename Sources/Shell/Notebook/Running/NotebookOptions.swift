import Platform
import Foundation

/// What `yotq notebook` was asked for, already parsed by the executable.
public struct NotebookOptions: Sendable {
    /// The notebook file (Markdown).
    public var path: String
    /// `--to`; nil: from the output's extension (`.md`, `.markdown`: Markdown), else HTML.
    public var format: NotebookFormat?
    /// The output file; nil: beside the notebook (`FILE.html`, `FILE.out.md`).
    public var output: String?
    /// A dataset folder (relative to the current folder) instead of the front matter's or the bundled one.
    public var dataFolder: String?
    /// `--no-data`: start with no data, whatever the front matter says.
    public var noData: Bool
    /// Run every cell even when one fails, show the errors, and exit 0.
    public var keepGoing: Bool
    /// `--param name=value` arguments, as typed.
    public var parameters: [String]

    public init(
        path: String, format: NotebookFormat? = nil, output: String? = nil, dataFolder: String? = nil,
        noData: Bool = false, keepGoing: Bool = false, parameters: [String] = []
    ) {
        self.path = path
        self.format = format
        self.output = output
        self.dataFolder = dataFolder
        self.noData = noData
        self.keepGoing = keepGoing
        self.parameters = parameters
    }
}

extension NotebookOptions {
    /// The format asked for, or the one the output's name implies. `--to md -o report.html` is a usage
    /// error: one of the two is a slip, and guessing which would write a file under a misleading name.
    func resolvedFormat() throws(Diagnostic) -> NotebookFormat {
        let implied = output.flatMap { NotebookFormat(extensionOf: $0) }
        guard let format else { return implied ?? .html }
        if let implied, implied != format, let output {
            throw Diagnostic(
                message: "--to \(format.rawValue) contradicts the output's name \(output): "
                    + "drop --to, or name the output .\(format.fileExtension)")
        }
        return format
    }
}

/// The document a notebook becomes.
public enum NotebookFormat: String, Sendable, CaseIterable {
    /// One self-contained HTML page.
    case html
    /// Markdown with the charts as SVG files beside it.
    case md
    /// A workbook: a contents sheet, then one sheet per result table (a board pack).
    case xlsx
    /// The same as an OpenDocument spreadsheet.
    case ods

    /// `html`, `md` or `markdown`, any case.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "html", "htm": self = .html
        case "md", "markdown": self = .md
        case "xlsx": self = .xlsx
        case "ods": self = .ods
        default: return nil
        }
    }

    /// The format a file name implies: `.html`/`.htm` or `.md`/`.markdown`; nil for any other.
    init?(extensionOf path: String) {
        let name = FilePaths.lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(argument: String(name[name.index(after: dot)...]))
    }

    var fileExtension: String { rawValue }
}
