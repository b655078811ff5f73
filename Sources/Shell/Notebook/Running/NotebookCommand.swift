import Platform
import Columnar
import Foundation
import QueryEngine
import QueryLanguage
import Rendering
public import FileOutput
import Workbooks

/// `yotq notebook FILE.md`: reads, checks, runs and writes a notebook; returns the exit status.
///
/// Status 2 when nothing could be run: a missing file, a malformed notebook (front matter, cell
/// options, an unknown or missing parameter), a missing data folder, an output that cannot be written
/// (a folder, a missing folder, a name contradicting `--to`). Status 1 when a cell failed
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
        var notebook: Notebook
        let format: NotebookFormat
        let outputPath: String
        do throws(Diagnostic) {
            format = try options.resolvedFormat()
            outputPath = options.output ?? defaultOutput(for: options.path, format: format)
            notebook = try prepare(options, format: format)
            try checkOutput(outputPath, notebookPath: options.path, format: format)
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
        // `--param area=harrow` is written as the area's own name ("Harrow") in titles and prose.
        let canonical = canonicalParameters(options.parameters, areas: session.database.table(named: "areas"))
        if canonical != options.parameters {
            var named = options
            named.parameters = canonical
            do {
                notebook = try prepare(named, format: format)
            } catch {
                return fail(error, .usage)
            }
        }
        var run = NotebookRunner(session: session, keepGoing: options.keepGoing).run(notebook)
        if outputPath != standardOutput { run.linkBase = ProseLinks.base(notebook: options.path, output: outputPath) }
        session.finishRedirect()
        for failure in run.failures { try? errors.write(failure.formatted(colour: false) + "\n") }
        do {
            try write(run, format: format, to: outputPath)
        } catch {
            return fail(error, .failure)
        }
        return run.failures.isEmpty || options.keepGoing ? .success : .failure
    }

    /// `name=value` arguments with a value that names an area of `areas` in another case rewritten to
    /// the area's own spelling (`area=harrow` → `area=Harrow`); others as given.
    static func canonicalParameters(_ arguments: [String], areas: Table?) -> [String] {
        guard let column = areas?.column(named: "area"), case .varchar(_, let dictionary) = column.storage else {
            return arguments
        }
        let names = Dictionary(dictionary.strings.map { ($0.lowercased(), [$0]) }, uniquingKeysWith: +)
        return arguments.map { argument in
            guard let equals = argument.firstIndex(of: "=") else { return argument }
            let value = argument[argument.index(after: equals)...]
            guard let spelled = names[value.lowercased()], spelled.count == 1, spelled[0] != value else {
                return argument
            }
            return argument[...equals] + spelled[0]
        }
    }

    /// The notebook read, parsed, with its parameters filled and (for HTML) its prose checked.
    static func prepare(_ options: NotebookOptions, format: NotebookFormat) throws(Diagnostic) -> Notebook {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: options.path, isDirectory: &isFolder), isFolder.boolValue {
            throw Diagnostic(message: "is a folder, not a notebook (.md file)", file: options.path)
        }
        let text = try ScriptFiles.text(of: options.path)
        let parsed = try NotebookParser.parse(text, name: options.path)
        let parameters = try NotebookParameters(
            notebook: parsed, commandLine: try NotebookParameters.parse(options.parameters))
        let notebook = parameters.fill(parsed)
        if format == .html { try SelfContainedHTML.check(notebook) }
        return notebook
    }

    /// Refuses, before any cell runs, an output that could not be written: the notebook itself, a folder,
    /// a path in a folder that does not exist, or (Markdown) a file where the charts' folder goes.
    static func checkOutput(_ path: String, notebookPath: String, format: NotebookFormat) throws(Diagnostic) {
        guard !path.isEmpty else { throw Diagnostic(message: "-o needs a file name (or - for standard output)") }
        if path == standardOutput { return }
        guard standardized(path) != standardized(notebookPath) else {
            throw Diagnostic(message: "the output would overwrite the notebook itself: pass -o OUT", file: notebookPath)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw Diagnostic(message: "the output \(path) is a folder: name a file, e.g. -o \(path)/report.html")
        }
        let parent = FilePaths.folder(of: path)
        if !parent.isEmpty,
            !FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) || !isFolder.boolValue
        {
            throw Diagnostic(message: "cannot write \(path): no such folder \(parent)")
        }
        let charts = chartFolder(for: path).path
        if format == .md, FileManager.default.fileExists(atPath: charts, isDirectory: &isFolder), !isFolder.boolValue {
            throw Diagnostic(message: "cannot write the charts into \(charts): it is a file, not a folder")
        }
    }

    /// Where Markdown output's charts go: `OUT-files/` beside `OUT.md`; `name` is how the document links it.
    static func chartFolder(for path: String) -> (name: String, path: String) {
        let name = FilePaths.stem(of: path) + "-files"
        return (name, FilePaths.join(FilePaths.folder(of: path), name))
    }

    /// `report.md` → `report.html` (HTML) or `report.out.md` (Markdown), in the notebook's folder.
    static func defaultOutput(for path: String, format: NotebookFormat) -> String {
        let stem = FilePaths.deletingExtension(path)
        return stem + (format == .md ? ".out.md" : "." + format.fileExtension)
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
            let base = FilePaths.folder(of: options.path)
            folder =
                field.value.hasPrefix("/") || base.isEmpty
                ? field.value : FilePaths.join(base, field.value)
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

    /// `-o -`: the document goes to standard output (for a pipe; Markdown only when it has no charts).
    static let standardOutput = "-"

    /// Writes the document and (for Markdown) its charts in `OUT-files/`, all or nothing as far as the
    /// file system allows: every file is first written and synced to a temporary file, and only when all
    /// are complete are they renamed into place, charts before the document that links them. A failure
    /// before that point (a full disk, a chart folder that is a file) leaves every earlier output as it was.
    static func write(_ run: NotebookRun, format: NotebookFormat, to path: String) throws(Diagnostic) {
        if path == standardOutput { return try writeToStandardOutput(run, format: format) }
        if format == .xlsx || format == .ods {
            // One ZIP, written all or nothing by the workbook writer.
            do {
                try NotebookWorkbookWriter(run: run).write(to: path, format: format == .xlsx ? .xlsx : .ods)
            } catch {
                throw Diagnostic(message: "cannot write \(path): \(error)")
            }
            return
        }
        var staged: [AtomicFileWriter] = []
        var written: (folder: String, charts: Set<String>)?
        do throws(FileWriteError) {
            switch format {
            case .html:
                staged.append(try stage(NotebookHTMLWriter(run: run).render(), to: path))
            case .xlsx, .ods:
                break
            case .md:
                let (folderName, folder) = chartFolder(for: path)
                let (text, charts) = NotebookMarkdownWriter(run: run, chartFolder: folderName).render()
                if !charts.isEmpty {
                    try makeFolder(folder)
                    for chart in charts {
                        staged.append(
                            try stage(chart.svg, to: FilePaths.join(folder, chart.fileName)))
                    }
                }
                staged.append(try stage(text, to: path))
                written = (folder, Set(charts.map(\.fileName)))
            }
            for writer in staged { try writer.commit() }
        } catch {
            for writer in staged { writer.discard() }
            throw Diagnostic(message: error.message)
        }
        if let written { removeStaleCharts(in: written.folder, keeping: written.charts) }
    }

    private static func writeToStandardOutput(_ run: NotebookRun, format: NotebookFormat) throws(Diagnostic) {
        let text: String
        switch format {
        case .html:
            text = NotebookHTMLWriter(run: run).render()
        case .xlsx, .ods:
            throw Diagnostic(
                message: "a workbook cannot go to standard output: write to a file (-o pack.\(format.fileExtension))")
        case .md:
            let (markdown, charts) = NotebookMarkdownWriter(run: run, chartFolder: "charts").render()
            guard charts.isEmpty else {
                throw Diagnostic(
                    message: "Markdown on standard output cannot carry its \(charts.count) chart(s), which are "
                        + "SVG files beside the document: write to a file (-o FILE.md) or use --to html")
            }
            text = markdown
        }
        do {
            try FileDescriptorSink.standardOutput().write(text)
        } catch {
            throw Diagnostic(message: "cannot write the document to standard output: \(error)")
        }
    }

    /// A writer holding `text` complete and synced in its temporary file, ready to commit.
    private static func stage(_ text: String, to path: String) throws(FileWriteError) -> AtomicFileWriter {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(text)
        try writer.sync()
        return writer
    }

    private static func makeFolder(_ folder: String) throws(FileWriteError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            if isFolder.boolValue { return }
            throw FileWriteError(path: folder, operation: .create, code: ENOTDIR)
        }
        guard mkdir(folder, 0o777) == 0 || errno == EEXIST else {
            throw FileWriteError(path: folder, operation: .create, code: errno)
        }
    }

    /// Charts of an earlier, longer run (`chart-7.svg` when this run drew 3) would be misleading.
    private static func removeStaleCharts(in folder: String, keeping: Set<String>) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix("chart-") && entry.hasSuffix(".svg") && !keeping.contains(entry) {
            try? FileManager.default.removeItem(atPath: FilePaths.join(folder, entry))
        }
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
