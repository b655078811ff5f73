import Foundation
import FileOutput
import ZIPFoundation

enum ZipWriting {
    /// Zips `entries` in memory (deflated unless told otherwise, in order) and writes the archive to
    /// `path` all or nothing.
    static func write(_ entries: [(name: String, bytes: [UInt8], compressed: Bool)], to path: String) throws {
        let archive = try Archive(accessMode: .create)
        // A fixed time: the same tables give the same bytes.
        let stamp = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01
        for entry in entries {
            let data = Data(entry.bytes)
            try archive.addEntry(
                with: entry.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                compressionMethod: entry.compressed ? .deflate : .none, bufferSize: 1 << 20
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw WorkbookError(.io, "the workbook could not be assembled") }
        try AtomicFileWriter.replace(path) { writer in
            try bytes.withUnsafeBytes { try writer.write($0) }
        }
    }
}
