import Foundation
import QueryLanguage
import Rendering

/// `yotq notebook FILE.md`: reads, checks, runs and writes a notebook; returns the exit status.
///
/// Status 2 when nothing could be run: a missing file, a malformed notebook (front matter, cell
/// options, an unknown or missing parameter), a missing data folder. Status 1 when a cell failed
/// (without `--keep-going`) or the output could not be written. Errors are printed to standard error
/// as the shell prints them; cell errors are also shown in the document.
public enum NotebookCommand {
    public static func run(
        _ options: NotebookOptions, errors: any TextSink = FileDescriptorSink(descriptor: 2, name: "standard error")
    )
        -> ExitStatus
    {
        func fail(_ diagnostic: Diagnostic, _ status: ExitStatus) -> ExitStatus {
            try? errors.write(diagnostic.formatted(colour: false) + "\n")
            return status
        }
        let notebook: Notebook
        let outputPath = options.output ?? defaultOutput(for: options.path, format: options.format)
        do throws(Diagnostic) {
            notebook = try prepare(options)
            guard standardized(outputPath) != standardized(options.path) else {
                throw Diagnostic(
                    message: "the output would overwrite the notebook itself: pass -o OUT", file: options.path)
            }
        } catch {
            return fail(error, .usage)
        }
        let session = Session(output: FileDescriptorSink.standardOutput(), errors: errors)
        session.settings.maxRows = 0
        let folder: String?
        do {
            folder = try dataFolder(options, notebook)
        } catch {
            return fail(error, .usage)
        }
        if let folder {
            do {
                try DatasetLoader(session: session).loadFolder(folder)
            } catch {
                return fail(error, .failure)
            }
        }
        let run = NotebookRunner(session: session, keepGoing: options.keepGoing).run(notebook)
        session.finishRedirect()
        for failure in run.failures { try? errors.write(failure.formatted(colour: false) + "\n") }
        do {
            try write(run, format: options.format, to: outputPath)
        } catch {
            return fail(error, .failure)
        }
        return run.failures.isEmpty || options.keepGoing ? .success : .failure
    }

    /// The notebook read, parsed, with its parameters filled and (for HTML) its prose checked.
    static func prepare(_ options: NotebookOptions) throws(Diagnostic) -> Notebook {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: options.path, isDirectory: &isFolder), isFolder.boolValue {
            throw Diagnostic(message: "is a folder, not a notebook (.md file)", file: options.path)
        }
        let text = try ScriptFiles.text(of: options.path)
        let parsed = try NotebookParser.parse(text, name: options.path)
        let parameters = try NotebookParameters(
            notebook: parsed, commandLine: try NotebookParameters.parse(options.parameters))
        let notebook = parameters.fill(parsed)
        if options.format == .html { try SelfContainedHTML.check(notebook) }
        return notebook
    }

    /// `report.md` → `report.html` (HTML) or `report.out.md` (Markdown), in the notebook's folder.
    static func defaultOutput(for path: String, format: NotebookFormat) -> String {
        let stem = (path as NSString).deletingPathExtension
        return stem + (format == .html ? ".html" : ".out.md")
    }

    /// `--data` (or `--no-data`), else the front matter's `data:` (relative to the notebook; `none`: no
    /// data), else the bundled datasets. A folder that does not exist is an error naming where it was given.
    static func dataFolder(_ options: NotebookOptions, _ notebook: Notebook) throws(Diagnostic) -> String? {
        if options.noData { return nil }
        let folder: String
        var location: SourceLocation?
        if let given = options.dataFolder {
            folder = given
        } else if let field = notebook.frontMatter.data {
            if field.value.lowercased() == "none" { return nil }
            let base = (options.path as NSString).deletingLastPathComponent
            folder =
                field.value.hasPrefix("/") || base.isEmpty
                ? field.value : (base as NSString).appendingPathComponent(field.value)
            location = SourceLocation(line: field.line, column: 1)
        } else {
            guard let bundled = Launcher.defaultDataFolder() else {
                throw Diagnostic(message: "no such data folder: the bundled Datasets/ was not found; pass --data DIR")
            }
            folder = bundled
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(
                message: "no such data folder: \(folder)",
                file: location == nil ? nil : options.path, location: location)
        }
        return folder
    }

    /// Writes the document atomically; for Markdown, its charts first, into `OUT-files/`.
    static func write(_ run: NotebookRun, format: NotebookFormat, to path: String) throws(Diagnostic) {
        do {
            switch format {
            case .html:
                try writeFile(NotebookHTMLWriter(run: run).render(), to: path)
            case .md:
                let stem = (path as NSString).deletingPathExtension
                let folderName = (stem as NSString).lastPathComponent + "-files"
                let folder = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                    folderName)
                let (text, charts) = NotebookMarkdownWriter(run: run, chartFolder: folderName).render()
                if !charts.isEmpty {
                    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    for chart in charts {
                        try writeFile(chart.svg, to: (folder as NSString).appendingPathComponent(chart.fileName))
                    }
                }
                removeStaleCharts(in: folder, keeping: Set(charts.map(\.fileName)))
                try writeFile(text, to: path)
            }
        } catch {
            throw Diagnostic(message: error.message)
        }
    }

    private static func writeFile(_ text: String, to path: String) throws(FileWriteError) {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(text)
        try writer.commit()
    }

    /// Charts of an earlier, longer run (`chart-7.svg` when this run drew 3) would be misleading.
    private static func removeStaleCharts(in folder: String, keeping: Set<String>) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix("chart-") && entry.hasSuffix(".svg") && !keeping.contains(entry) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(entry))
        }
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
