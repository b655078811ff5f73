import Foundation

import Platform

/// The shell's history: one entry per statement or dot-command, kept in a text file.
///
/// File format (UTF-8): one entry per line; inside an entry a newline is written `\n` and a backslash
/// `\\`, so a multi-line statement stays one entry and reads back exactly. Each entry is appended (and
/// the file descriptor written through) the moment it is entered, so a killed shell loses nothing. At
/// most `capacity` entries are kept: when the file grows a tenth past that, it is rewritten atomically
/// with the newest `capacity`. A repeat of the previous entry and blank entries are skipped.
struct HistoryFile {
    static let defaultCapacity = 5_000

    let path: String
    let capacity: Int
    /// Oldest first, at most `capacity`.
    private(set) var entries: [String] = []
    /// Entries in the file now (can run past `capacity` until the next compaction).
    private var linesInFile = 0

    /// Reads `path` (a missing file is an empty history) and compacts it if over the cap.
    init(path: String, capacity: Int = HistoryFile.defaultCapacity) {
        self.path = path
        self.capacity = max(1, capacity)
        if let data = FileManager.default.contents(atPath: path) {
            let all = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
                .map { Self.decode(String($0)) }
            linesInFile = all.count
            entries = Array(all.suffix(self.capacity))
        }
        if linesInFile > self.capacity { try? compact() }
    }

    /// Records `entry` (surrounding blank lines trimmed) unless it is blank or repeats the last one.
    /// Returns whether it was recorded.
    @discardableResult
    mutating func append(_ entry: String) throws -> Bool {
        let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed != entries.last else { return false }
        entries.append(trimmed)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        try appendLine(Self.encode(trimmed))
        linesInFile += 1
        if linesInFile > capacity + capacity / 10 { try compact() }
        return true
    }

    /// `$XDG_STATE_HOME/yotq/history`, else `~/.local/state/yotq/history`.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state: String
        if let configured = environment["XDG_STATE_HOME"], configured.hasPrefix("/") {
            state = configured
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            state = FilePaths.join(home, ".local/state")
        }
        return FilePaths.join(state, "yotq/history")
    }

    static func encode(_ entry: String) -> String {
        var line = ""
        for character in entry {
            switch character {
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r\n": line += "\\r\\n"
            case "\r": line += "\\r"
            default: line.append(character)
            }
        }
        return line
    }

    static func decode(_ line: String) -> String {
        var entry = ""
        var escaped = false
        for character in line {
            if escaped {
                switch character {
                case "n": entry += "\n"
                case "r": entry += "\r"
                default: entry.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                entry.append(character)
            }
        }
        if escaped { entry += "\\" }
        return entry
    }

    private func appendLine(_ line: String) throws {
        try Self.makeFolder(FilePaths.folder(of: path), for: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { throw HistoryError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let bytes = Array((line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw HistoryError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Creates the history's folder and its parents; a part of the path that is a file (an
    /// `XDG_STATE_HOME` naming a file, say) is named in a one-line reason, not a raw Foundation error.
    static func makeFolder(_ folder: String, for path: String) throws(HistoryError) {
        if folder.isEmpty { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue { return }
        var ancestor = folder
        while !ancestor.isEmpty && ancestor != "/" {
            if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isFolder) {
                if !isFolder.boolValue {
                    throw HistoryError(path: path, reason: "\(ancestor) is a file, not a folder")
                }
                break
            }
            ancestor = FilePaths.folder(of: ancestor)
        }
        if mkdirs(folder) != 0 { throw HistoryError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// `mkdir -p`: 0, or -1 with `errno` set.
    private static func mkdirs(_ folder: String) -> Int32 {
        if mkdir(folder, 0o700) == 0 || errno == EEXIST { return 0 }
        guard errno == ENOENT else { return -1 }
        let parent = FilePaths.folder(of: folder)
        guard parent != folder, !parent.isEmpty, mkdirs(parent) == 0 else { return -1 }
        return mkdir(folder, 0o700) == 0 || errno == EEXIST ? 0 : -1
    }

    /// Rewrites the file with the newest `capacity` entries: temp file in the same folder, then rename.
    private mutating func compact() throws {
        let text = entries.map { Self.encode($0) + "\n" }.joined()
        let temporary = path + ".tmp-\(getpid())"
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: Data(text.utf8),
                attributes: [.posixPermissions: 0o600])
        else {
            throw HistoryError(path: path, reason: "cannot write \(temporary)")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw HistoryError(path: path, reason: String(cString: strerror(errno)))
        }
        linesInFile = entries.count
    }
}

/// The history file could not be written; the shell says so once and carries on without it.
struct HistoryError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot save history to \(path): \(reason)" }
}
