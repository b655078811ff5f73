import Foundation
import ZIPFoundation

/// The ZIP container of an XLSX or ODS workbook, read with bounds: entries are read by name only (nothing
/// is extracted to disk, so no entry path can escape a folder), names that climb out of the archive's
/// root are refused, and the bytes inflated — per entry and in all — are capped against zip bombs.
struct WorkbookArchive {
    /// The most bytes one workbook may inflate to, in all (1 GiB: a 100,000 × 20 sheet is about 60 MB).
    static let defaultLimit: UInt64 = 1 << 30

    private let archive: Archive
    let path: String
    private let limit: UInt64
    private var inflated: UInt64 = 0
    /// Entry names (as stored) → entries.
    private let entries: [String: Entry]

    init(path: String, limit: UInt64 = WorkbookArchive.defaultLimit) throws(WorkbookError) {
        self.path = path
        self.limit = limit
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw WorkbookError(.io, isDirectory.boolValue ? "\(path) is a folder" : "cannot open \(path)")
            }
            throw WorkbookError(.io, "no such file: \(path)")
        }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        try? handle.close()
        let magic = [UInt8](head)
        // Password-protected OOXML files are not ZIPs at all but OLE compound files holding the encrypted
        // package.
        if magic.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw WorkbookError(
                .encrypted,
                "\(path) is encrypted (password-protected) or an old binary .xls: save it unprotected as .xlsx")
        }
        guard magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || magic.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw WorkbookError(.notAWorkbook, "\(path) is not a workbook (not a ZIP file)")
        }
        let opened: Archive
        do {
            opened = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WorkbookError(.truncated, "\(path) is truncated or damaged (its ZIP directory cannot be read)")
        }
        archive = opened
        var byName: [String: Entry] = [:]
        for entry in opened { byName[entry.path] = entry }
        entries = byName
    }

    /// Whether an entry of that name exists.
    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The entry names, as stored.
    var names: [String] { Array(entries.keys) }

    /// The inflated bytes of entry `name`; nil when there is none.
    mutating func read(_ name: String) throws(WorkbookError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let declared = entry.uncompressedSize
        guard declared <= limit &- inflated else { throw tooLarge(name) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(declared))
        var total: UInt64 = 0
        let cap = limit &- inflated
        var checksum = CRC32()
        do {
            // The CRC is checked here (ZIPFoundation's is slow on Linux).
            _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: true) { chunk in
                total += UInt64(chunk.count)
                // The declared size may lie: stop inflating as soon as the real bytes pass it or the cap.
                guard total <= declared, total <= cap else { throw Overflow() }
                // Through a typed buffer: appending a Data element by element is many times slower.
                chunk.withUnsafeBytes { raw in
                    bytes.append(contentsOf: raw.bindMemory(to: UInt8.self))
                    checksum.update(raw)
                }
            }
        } catch is Overflow {
            throw tooLarge(name)
        } catch {
            throw WorkbookError(.truncated, "\(path) is truncated or damaged (cannot inflate \(name): \(error))")
        }
        guard checksum.value == entry.checksum else {
            throw WorkbookError(.truncated, "\(path) is damaged (\(name) fails its checksum)")
        }
        inflated += total
        return bytes
    }

    private struct Overflow: Error {}

    private func tooLarge(_ name: String) -> WorkbookError {
        WorkbookError(
            .tooLarge,
            "\(path): \(name) inflates past the limit of \(limit >> 20) MiB (a damaged file or a zip bomb); nothing loaded"
        )
    }

    /// `target` (a relationship target) resolved against the folder `base` (`xl/`), with `.` and `..`
    /// applied; a target that climbs above the archive's root is refused.
    static func resolve(_ target: String, against base: String) throws(WorkbookError) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else {
                    throw WorkbookError(.unsafePath, "a part name (\(target)) points outside the workbook")
                }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
