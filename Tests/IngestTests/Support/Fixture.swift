import Foundation
import Ingest
import Columnar

/// A file written into a fresh temporary folder for one test.
struct Fixture {
    let folder: String

    init() {
        folder = NSTemporaryDirectory() + "yotq-ingest-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Writes `text` as UTF-8 and returns the path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let path = folder + "/" + name
        precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
        return path
    }

    func path(_ name: String) -> String { folder + "/" + name }
}

/// Reads CSV text through a temporary file.
func readCSV(
    _ text: String, name: String = "data.csv", options: CSVOptions = CSVOptions(), tuning: CSVTuning = CSVTuning()
) throws(IngestError) -> Table {
    let path = Fixture().write(name, text)
    return try CSVReader.read(path: path, options: options, tuning: tuning)
}

/// The error reading `text`, or nil when it reads.
func csvError(_ text: String, options: CSVOptions = CSVOptions(), tuning: CSVTuning = CSVTuning()) -> IngestError? {
    do {
        _ = try readCSV(text, options: options, tuning: tuning)
        return nil
    } catch {
        return error
    }
}

func csvError(bytes: [UInt8], tuning: CSVTuning = CSVTuning()) -> IngestError? {
    let path = Fixture().write("data.csv", bytes: bytes)
    do {
        _ = try CSVReader.read(path: path, options: CSVOptions(), tuning: tuning)
        return nil
    } catch {
        return error
    }
}

extension Table {
    var types: [DataType] { schema.fields.map(\.type) }
    var names: [String] { schema.names }
}
