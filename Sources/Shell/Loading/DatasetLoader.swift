import Platform
import Columnar
import Ingest
import Workbooks
import QueryEngine
import Foundation

/// Loads data files into a session's database: one file as a table, or a dataset folder.
///
/// A dataset folder's CSV/TSV/JSON Lines files each become a table named after the file's stem. A folder
/// of dataset folders (the bundled `Datasets/`) loads every one of them together: tables of the same
/// name are stacked by column name, so `inspections` holds every framework's inspections and each row's
/// `programme` says which.
struct DatasetLoader {
    let session: Session

    /// `.load PATH [AS NAME]`.
    func load(arguments: [String]) throws(Diagnostic) {
        switch arguments.count {
        case 1:
            try load(path: arguments[0], as: nil)
        case 3 where arguments[1].uppercased() == "AS":
            try load(path: arguments[0], as: arguments[2])
        default:
            throw Diagnostic(message: "usage: .load PATH [AS NAME]")
        }
    }

    func load(path: String, as name: String?) throws(Diagnostic) {
        if path.lowercased() == "synthetic" && !FileManager.default.fileExists(atPath: path) {
            // The synthetic case-level dataset, generated into a cache folder on first use.
            if name != nil { throw Diagnostic(message: ".load synthetic takes no AS NAME") }
            try loadFolder(try SyntheticFiles.cachedFolder())
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic(message: "no such file or folder", file: path)
        }
        if isDirectory.boolValue {
            if name != nil { throw Diagnostic(message: ".load FOLDER takes no AS NAME: each file is a table") }
            try loadFolder(path)
        } else if let format = WorkbookFormat(path: path) {
            try loadWorkbook(path, format: format, as: name)
        } else {
            let stem = FilePaths.stem(of: path)
            let table = try ingest { () throws(IngestError) in
                try DatasetFolder.loadFile(path: path, progress: observer(path))
            }
            try register(table, as: name ?? stem)
        }
    }

    /// A workbook: each sheet holding cells becomes a table named after the sheet (spaces and punctuation
    /// as `_`), or with `AS name` the first sheet alone. All sheets are read before any is registered, so a
    /// sheet that cannot be read loads nothing.
    func loadWorkbook(_ path: String, format: WorkbookFormat, as name: String?) throws(Diagnostic) {
        let sheets: [SheetTable]
        do {
            if name != nil {
                sheets = [try WorkbookReader.read(path: path, format: format)]
            } else {
                sheets = try WorkbookReader.readAll(path: path, format: format)
            }
        } catch {
            throw Diagnostic(message: error.description.replacingOccurrences(of: path + ": ", with: ""), file: path)
        }
        guard !sheets.isEmpty else { throw Diagnostic(message: "no sheet holds any cells", file: path) }
        for sheet in sheets {
            let tableName = name ?? DatasetLoader.tableName(forSheet: sheet.sheet)
            try register(sheet.table, as: tableName)
            for warning in sheet.warnings { session.warn("\(tableName): \(warning)") }
        }
    }

    /// `Table 3 (2024)` → `Table_3_2024`: a name SQL takes without quotes.
    static func tableName(forSheet sheet: String) -> String {
        var name = ""
        for scalar in sheet.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                name.unicodeScalars.append(scalar)
            } else if !name.isEmpty && !name.hasSuffix("_") {
                name += "_"
            }
        }
        while name.hasSuffix("_") { name.removeLast() }
        if name.isEmpty { return "sheet" }
        if name.first!.isNumber { name = "sheet_" + name }
        return name
    }

    /// Every data file in `folder`, then in each of its sub-folders (one level), stacking tables that
    /// share a name. A `frameworks` sub-folder holds framework definitions, not tables, and is skipped.
    func loadFolder(_ folder: String) throws(Diagnostic) {
        var files = try ingest { () throws(IngestError) in try DatasetFolder.tableFiles(in: folder) }
        for subfolder in try subfolders(of: folder) where FilePaths.lastComponent(of: subfolder) != "frameworks" {
            files += try ingest { () throws(IngestError) in try DatasetFolder.tableFiles(in: subfolder) }
        }
        guard !files.isEmpty else { throw Diagnostic(message: "no CSV, TSV or JSON files here", file: folder) }
        var byName: [(name: String, tables: [Table])] = []
        for file in files {
            let table = try ingest { () throws(IngestError) in
                try DatasetFolder.load(file, progress: observer(file.path))
            }
            if let index = byName.firstIndex(where: { $0.name.lowercased() == file.name.lowercased() }) {
                byName[index].tables.append(table)
            } else {
                byName.append((file.name, [table]))
            }
        }
        for (name, tables) in byName {
            try register(TableStack.byName(tables), as: name)
        }
        try InspectionVerbs.prepare(after: folder, loaded: byName.map(\.name), session: session)
    }

    private func subfolders(of folder: String) throws(Diagnostic) -> [String] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw Diagnostic(message: "cannot list the folder", file: folder)
        }
        return entries.filter { !$0.hasPrefix(".") }.sorted().map { FilePaths.join(folder, $0) }
            .filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            }
    }

    /// Reports a file's bytes to the progress line and stops the read on Ctrl-C.
    private func observer(_ path: String) -> ReadProgress {
        session.database.progress.observer(for: path, interruption: session.database.interruption)
    }

    private func ingest<T>(_ body: () throws(IngestError) -> T) throws(Diagnostic) -> T {
        do {
            return try body()
        } catch {
            throw Diagnostic(error: error, source: nil)
        }
    }

    private func register(_ table: Table, as name: String) throws(Diagnostic) {
        do {
            try session.database.register(table, as: name, replace: true)
        } catch {
            throw Diagnostic(error: error, source: nil)
        }
    }
}
