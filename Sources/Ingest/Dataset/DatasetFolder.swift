public import Columnar
import Platform

/// How a dataset file is read, from its extension.
public enum DatasetFileFormat: String, Sendable, CaseIterable {
    /// `.csv`: delimiter sniffed.
    case csv
    /// `.tsv`: tab-separated.
    case tsv
    /// `.jsonl`, `.ndjson`: JSON Lines. (A plain `.json` file is not a table: framework files are JSON.)
    case json

    init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "csv": self = .csv
        case "tsv": self = .tsv
        case "jsonl", "ndjson": self = .json
        default: return nil
        }
    }
}

/// One loadable file of a dataset folder; `name` is the table name (the file's stem, as written).
public struct DatasetFile: Sendable, Equatable {
    public var name: String
    public var path: String
    public var format: DatasetFileFormat
}

/// A dataset is a folder of table files (see docs/dataset-layout.md): every CSV, TSV and JSON Lines
/// file is a table named after its stem. Hidden files, folders and other extensions are ignored.
public enum DatasetFolder {
    /// The table files of `path`, sorted by file name.
    ///
    /// - Throws: when the folder cannot be listed, or two files would make tables of the same name
    ///   (names compare case-insensitively, like SQL identifiers).
    public static func tableFiles(in path: String) throws(IngestError) -> [DatasetFile] {
        guard let directory = opendir(path) else {
            let code = errno
            throw IngestError(path: path, message: code == ENOTDIR ? "not a folder" : MappedFile.describe(errno: code))
        }
        defer { closedir(directory) }
        var files: [DatasetFile] = []
        while let entry = readdir(directory) {
            let fileName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !fileName.hasPrefix("."), let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex,
                let format = DatasetFileFormat(fileExtension: String(fileName[fileName.index(after: dot)...]))
            else { continue }
            let filePath = path.hasSuffix("/") ? path + fileName : path + "/" + fileName
            var info = stat()
            guard stat(filePath, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            files.append(DatasetFile(name: String(fileName[..<dot]), path: filePath, format: format))
        }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var seen: [String: DatasetFile] = [:]
        for file in files {
            if let other = seen[file.name.lowercased()] {
                throw IngestError(
                    path: path, message: "two files would both be table '\(file.name)': \(other.path) and \(file.path)")
            }
            seen[file.name.lowercased()] = file
        }
        return files
    }

    /// Reads one table file with sniffed options.
    ///
    /// - Parameter progress: see `CSVOptions.progress` (CSV and TSV files only; JSON Lines files are small).
    public static func load(
        _ file: DatasetFile, progress: ReadProgress? = nil
    ) throws(IngestError) -> Table {
        switch file.format {
        case .csv: try CSVReader.read(path: file.path, options: CSVOptions(progress: progress))
        case .tsv:
            try CSVReader.read(path: file.path, options: CSVOptions(delimiter: UInt8(ascii: "\t"), progress: progress))
        case .json: try JSONReader.read(path: file.path)
        }
    }

    /// Reads one file as a table, its format chosen by its extension (for `.load FILE`).
    public static func loadFile(
        path: String, progress: ReadProgress? = nil
    ) throws(IngestError) -> Table {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."),
            let format = DatasetFileFormat(fileExtension: String(name[name.index(after: dot)...]))
        else {
            throw IngestError(path: path, message: "not a CSV, TSV or JSON file (by its extension)")
        }
        return try load(DatasetFile(name: String(name[..<dot]), path: path, format: format), progress: progress)
    }

    /// Every table of the folder, in file-name order; the first file that fails stops the load.
    public static func loadAll(in path: String) throws(IngestError) -> [(name: String, table: Table)] {
        var tables: [(name: String, table: Table)] = []
        for file in try tableFiles(in: path) { tables.append((file.name, try load(file))) }
        return tables
    }
}
