public import Columnar
public import FileOutput
public import Rendering
public import Workbooks

/// Result tables written to files (`COPY … TO`, `.output`): every output mode, HTML as a whole
/// self-contained page styled with the session's bands. Each file is written all or nothing.
public enum TableFiles {
    /// The format names a file may be written in (the output modes, and the workbooks xlsx and ods).
    public static let formats = OutputMode.allCases.map(\.rawValue) + WorkbookFormat.allCases.map(\.rawValue)

    /// The format a file extension (without the dot) calls for (`md` → markdown, `xlsx`); nil for others.
    public static func format(forExtension fileExtension: String) -> String? {
        OutputMode(fileExtension: fileExtension)?.rawValue ?? WorkbookFormat(path: "." + fileExtension)?.rawValue
    }

    /// Options some formats take beyond FORMAT and HEADER: `SHEET 'name'` for workbooks.
    public static let optionNames = ["sheet"]

    /// Nil when `format` takes option `name` with `value`; else what is wrong.
    public static func checkOption(format: String, name: String, value: Value) -> String? {
        switch name {
        case "sheet":
            guard WorkbookFormat(rawValue: format) != nil else {
                return "SHEET is an option of the xlsx and ods formats, not \(format)"
            }
            guard case .varchar(let sheet) = value, !sheet.allSatisfy(\.isWhitespace) else {
                return "SHEET must be a sheet name in quotes"
            }
            return nil
        default:
            return "Unknown COPY option \(name)"
        }
    }

    /// Writes `table` to `path` in `format` (one of `formats`); `title` names an HTML page or, without a
    /// SHEET option, a workbook's sheet. When `isCancelled` turns true the write stops (between chunks of
    /// about 64 KiB) and the target is left as it was.
    public static func write(
        _ table: Table, to path: String, format: String, header: Bool, title: String,
        options: [String: Value] = [:], context: ReportContext, isCancelled: @escaping () -> Bool = { false }
    ) throws {
        if let workbook = WorkbookFormat(rawValue: format) {
            var sheetName = title
            if case .varchar(let name)? = options["sheet"] { sheetName = name }
            try WorkbookWriter.write(
                [context.workbookSheet(table, name: sheetName, header: header)], to: path, format: workbook)
            return
        }
        guard let mode = OutputMode(rawValue: format) else { throw UnknownFormat(name: format) }
        let renderer = TableRenderer(
            options: RenderOptions(
                mode: mode, showHeaders: header, maxRows: 0, showRowCount: false, columnStyles: context.columnStyles))
        // HTML files are whole pages (styles inline) around the same table `.mode html` prints.
        let page = mode == .html ? HTMLDocument(title: title, bands: context.palette) : nil
        try AtomicFileWriter.replace(path) { file in
            let writer = CancellableSink(file, isCancelled: isCancelled)
            if let page { try writer.write(page.opening) }
            try renderer.write(table, to: writer)
            if page != nil { try writer.write(HTMLDocument.closing) }
        }
    }

    /// Passes bytes on until `isCancelled` says stop.
    final class CancellableSink: TextSink {
        let sink: any TextSink
        let isCancelled: () -> Bool

        init(_ sink: any TextSink, isCancelled: @escaping () -> Bool) {
            self.sink = sink
            self.isCancelled = isCancelled
        }

        func write(_ bytes: UnsafeRawBufferPointer) throws {
            if isCancelled() { throw Cancelled() }
            try sink.write(bytes)
        }
    }

    /// The write was cancelled (Ctrl-C).
    public struct Cancelled: Error, CustomStringConvertible {
        public var description: String { "interrupted" }
    }

    /// A format name that is not one of `formats`.
    public struct UnknownFormat: Error, CustomStringConvertible {
        public let name: String
        public var description: String { "unknown format \(name)" }
    }
}
