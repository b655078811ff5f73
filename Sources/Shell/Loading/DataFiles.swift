import Foundation

/// Which files of a folder are data, and what table each becomes.
enum DataFiles {
    enum Format {
        case csv, tsv, jsonLines

        init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "csv": self = .csv
            case "tsv", "tab": self = .tsv
            case "jsonl", "ndjson", "json": self = .jsonLines
            default: return nil
            }
        }
    }

    struct File {
        let path: String
        let tableName: String
    }

    /// A table name from a file name: its stem (`scores.csv` → `scores`).
    static func tableName(of path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Data files directly in `folder`, then those of each sub-folder, each level in name order.
    static func list(in folder: String) throws(Diagnostic) -> [File] {
        let manager = FileManager.default
        func entries(_ path: String) throws(Diagnostic) -> [String] {
            do {
                return try manager.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
            } catch {
                throw Diagnostic(message: "cannot list the folder: \(error.localizedDescription)", file: path)
            }
        }
        var files: [File] = []
        var subfolders: [String] = []
        for entry in try entries(folder) {
            let path = (folder as NSString).appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            manager.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                subfolders.append(path)
            } else if Format(path: path) != nil {
                files.append(File(path: path, tableName: tableName(of: path)))
            }
        }
        for subfolder in subfolders {
            for entry in try entries(subfolder) {
                let path = (subfolder as NSString).appendingPathComponent(entry)
                if Format(path: path) != nil { files.append(File(path: path, tableName: tableName(of: path))) }
            }
        }
        return files
    }
}
