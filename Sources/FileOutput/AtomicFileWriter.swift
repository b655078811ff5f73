import Platform

/// Writes a file so that readers see either the old content or the complete new content, never half.
///
/// Bytes go to a uniquely named temporary file in the target's folder (same file system, so the final
/// `rename` is atomic); `commit()` flushes, syncs and renames it over the target. `discard()`, a failed
/// write or dropping an unfinished writer removes the temporary file and leaves the target untouched.
/// Writes are buffered (1 MiB by default), so many small writes cost few system calls.
///
/// A replaced target keeps its permission bits; a new file gets `0666` less the umask. A symbolic link is
/// followed (the file it names is replaced; the link stays). A target that is not a regular file — a
/// terminal, `/dev/stdout`, a FIFO — cannot be replaced atomically and is written straight through; a
/// folder is refused.
public final class AtomicFileWriter: TextSink {
    /// The path as given.
    public let path: String
    /// The temporary file holding the bytes until `commit()`; nil when writing straight through.
    public let temporaryPath: String?
    /// The regular file `commit()` creates or replaces (`path` with symbolic links resolved).
    private let finalPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let bufferSize: Int
    private var finished = false
    /// The temporary file's entry in `PendingFiles` (removed on a signal), nil when none.
    private var pending: UInt?

    /// Creates the temporary file next to `path`. `bufferSize` is in bytes.
    public init(path: String, bufferSize: Int = 1 << 20) throws(FileWriteError) {
        self.path = path
        self.bufferSize = max(bufferSize, 1)
        var target = stat()
        if stat(path, &target) == 0 {
            switch target.st_mode & S_IFMT {
            case S_IFDIR: throw FileWriteError(path: path, operation: .create, code: EISDIR)
            case S_IFREG:
                break
            default:
                // A device or FIFO: no rename can replace it, and replacing it would break it.
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw FileWriteError(path: path, operation: .create, code: errno) }
                descriptor = fd
                temporaryPath = nil
                finalPath = path
                buffer.reserveCapacity(self.bufferSize)
                return
            }
        }
        guard let resolved = AtomicFileWriter.resolvingLinks(path) else {
            throw FileWriteError(path: path, operation: .create, code: ELOOP)
        }
        finalPath = resolved
        let (folder, fullName) = AtomicFileWriter.split(finalPath)
        // Keep the temporary name within the 255-byte limit of most file systems.
        var name = fullName
        while name.utf8.count > 200 { name.removeLast() }
        var attempt = 0
        while true {
            let candidate = folder + "." + name + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"
            // Remembered before it exists: a signal between the two must still find it to remove.
            let remembered = PendingFiles.remember(candidate)
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 {
                descriptor = fd
                temporaryPath = candidate
                pending = remembered
                break
            }
            if let remembered { PendingFiles.forget(remembered) }
            let code = errno
            attempt += 1
            if code == EINTR || (code == EEXIST && attempt < 100) { continue }
            // A folder that refuses new files is the folder's fault, not the file's: name the folder.
            if code == EACCES || code == EROFS || code == EPERM {
                throw FileWriteError(
                    path: folder.isEmpty ? "." : String(folder.dropLast()), operation: .createIn, code: code)
            }
            throw FileWriteError(path: path, operation: .create, code: code)
        }
        buffer.reserveCapacity(self.bufferSize)
    }

    deinit {
        if !finished { discard() }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(FileWriteError) {
        guard !finished else { throw FileWriteError(path: path, operation: .finished, code: 0) }
        if buffer.count + bytes.count > bufferSize {
            try flushBuffer()
            if bytes.count >= bufferSize {
                try writeFully(bytes)
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    public func write(_ text: String) throws(FileWriteError) {
        var text = text
        // withUTF8 is rethrows with an untyped error; carry the typed error out by hand.
        var failure: FileWriteError?
        text.withUTF8 { utf8 in
            do throws(FileWriteError) { try write(UnsafeRawBufferPointer(utf8)) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes out the buffer and syncs the temporary file, so that a later `commit()` has only a rename
    /// left to fail: a caller writing several files stages them all before committing any. On failure
    /// the temporary file is removed.
    public func sync() throws(FileWriteError) {
        guard !finished else { throw FileWriteError(path: path, operation: .finished, code: 0) }
        try flushBuffer()
        guard temporaryPath != nil else { return }
        if fsync(descriptor) != 0 {
            let code = errno
            discard()
            throw FileWriteError(path: path, operation: .sync, code: code)
        }
    }

    /// Makes the written bytes the content of `path`. On failure the target is untouched and the
    /// temporary file removed.
    public func commit() throws(FileWriteError) {
        guard !finished else { throw FileWriteError(path: path, operation: .finished, code: 0) }
        do throws(FileWriteError) {
            try flushBuffer()
            guard let temporaryPath else {
                let closed = close(descriptor)
                descriptor = -1
                if closed != 0 { throw FileWriteError(path: path, operation: .close, code: errno) }
                finished = true
                return
            }
            if fsync(descriptor) != 0 { throw FileWriteError(path: path, operation: .sync, code: errno) }
            var existing = stat()
            if lstat(finalPath, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG {
                _ = fchmod(descriptor, existing.st_mode & 0o7777)
            }
            let closed = close(descriptor)
            descriptor = -1
            if closed != 0 { throw FileWriteError(path: path, operation: .close, code: errno) }
            if rename(temporaryPath, finalPath) != 0 {
                throw FileWriteError(path: path, operation: .rename, code: errno)
            }
            if let pending { PendingFiles.forget(pending) }
            pending = nil
            finished = true
        } catch {
            discard()
            throw error
        }
    }

    /// Writes the whole of `path` through `body`, then commits; if `body` or the commit fails, nothing
    /// is left behind and the target is untouched. The one "open, write, commit, discard on error".
    public static func replace<Failure: Error>(
        _ path: String, _ body: (AtomicFileWriter) throws(Failure) -> Void
    ) throws -> Void {
        let writer = try AtomicFileWriter(path: path)
        do {
            try body(writer)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Abandons the write: removes the temporary file; the target is untouched. Safe to call twice.
    public func discard() {
        guard !finished else { return }
        finished = true
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
        if let temporaryPath { _ = unlink(temporaryPath) }
        if let pending { PendingFiles.forget(pending) }
        pending = nil
        buffer = []
    }

    private func flushBuffer() throws(FileWriteError) {
        guard !buffer.isEmpty else { return }
        var failure: FileWriteError?
        buffer.withUnsafeBytes { bytes in
            do throws(FileWriteError) { try writeFully(bytes) } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure {
            discard()
            throw failure
        }
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer) throws(FileWriteError) {
        let code = FileDescriptorSink.writeAll(bytes, to: descriptor)
        guard code == 0 else {
            discard()
            throw FileWriteError(path: path, operation: .write, code: code)
        }
    }

    /// `path` with symbolic links followed, when it names a link: the file the link names, even when that
    /// file does not exist yet (a dangling link is written through, as `cp` and shells do, rather than
    /// replaced by a regular file). Nil past 40 links (a loop).
    private static func resolvingLinks(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &target, target.count - 1)
            guard count > 0 else { return current }
            let link = String(decoding: target[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : split(current).folder + link
        }
        return nil
    }

    /// The folder prefix (with its trailing slash, empty for the current folder) and the file name.
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }
}
