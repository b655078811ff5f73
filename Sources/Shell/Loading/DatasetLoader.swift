import Columnar
import Ingest
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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic(message: "no such file or folder", file: path)
        }
        if isDirectory.boolValue {
            if name != nil { throw Diagnostic(message: ".load FOLDER takes no AS NAME: each file is a table") }
            try loadFolder(path)
        } else {
            let table = try read(path)
            try register(table, as: name ?? DataFiles.tableName(of: path))
        }
    }

    /// Every data file in `folder`, and in its immediate sub-folders, stacking tables that share a name.
    func loadFolder(_ folder: String) throws(Diagnostic) {
        // Framework files (`frameworks/*.json`) are read by the inspection verbs, not loaded as tables.
        let files = try DataFiles.list(in: folder).filter {
            (($0.path as NSString).deletingLastPathComponent as NSString).lastPathComponent != "frameworks"
        }
        guard !files.isEmpty else { throw Diagnostic(message: "no CSV, TSV or JSON Lines files here", file: folder) }
        var byName: [(name: String, tables: [Table])] = []
        for file in files {
            let table = try read(file.path)
            if let index = byName.firstIndex(where: { $0.name.lowercased() == file.tableName.lowercased() }) {
                byName[index].tables.append(table)
            } else {
                byName.append((file.tableName, [table]))
            }
        }
        for (name, tables) in byName {
            try register(TableStack.byName(tables), as: name)
        }
        try InspectionVerbs.prepare(after: folder, session: session)
    }

    private func read(_ path: String) throws(Diagnostic) -> Table {
        do {
            switch DataFiles.Format(path: path) {
            case .csv: return try CSVReader.read(path: path)
            case .tsv: return try CSVReader.read(path: path, options: CSVOptions(delimiter: UInt8(ascii: "\t")))
            case .jsonLines, .none:
                throw IngestError(path: path, message: "JSON Lines loading is not available yet")
            }
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
