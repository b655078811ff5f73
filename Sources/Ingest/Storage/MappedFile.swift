import Platform

/// A whole file mapped read-only into memory.
///
/// The readers walk the mapping front to back and call `release(before:)` behind them so that pages already
/// parsed stop counting toward the process's resident memory (a 170 MB CSV must not stay resident).
/// Touching a released page again simply faults it back in from the file.
final class MappedFile: @unchecked Sendable {
    let path: String
    let base: UnsafePointer<UInt8>
    let count: Int
    private let descriptor: Int32
    private var releasedUpTo = 0

    /// - Throws: a whole-file `IngestError` for a missing, unreadable, non-regular or empty file.
    init(path: String) throws(IngestError) {
        self.path = path
        // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below); a regular file
        // reads the same either way.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw IngestError(path: path, message: Self.describe(errno: errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let message = Self.describe(errno: errno)
            close(fd)
            throw IngestError(path: path, message: message)
        }
        let kind = info.st_mode & S_IFMT
        guard kind != S_IFDIR else {
            close(fd)
            throw IngestError(path: path, message: "is a directory, not a file")
        }
        guard kind == S_IFREG else {
            close(fd)
            let what = kind == S_IFIFO ? "a FIFO (named pipe)" : kind == S_IFSOCK ? "a socket" : "a device"
            throw IngestError(path: path, message: "is \(what), not a regular file: save its data to a file first")
        }
        let size = Int(info.st_size)
        guard size > 0 else {
            close(fd)
            throw IngestError(path: path, message: "empty file")
        }
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapping != MAP_FAILED else {
            let message = Self.describe(errno: errno)
            close(fd)
            throw IngestError(path: path, message: "cannot map file: \(message)")
        }
        _ = madvise(mapping, size, MADV_SEQUENTIAL)
        descriptor = fd
        base = UnsafePointer(mapping.assumingMemoryBound(to: UInt8.self))
        count = size
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), count)
        close(descriptor)
    }

    /// Drops the resident pages wholly before `offset` (bytes already parsed).
    func release(before offset: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = (min(offset, count) / page) * page
        guard end > releasedUpTo else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + releasedUpTo), end - releasedUpTo, MADV_DONTNEED)
        releasedUpTo = end
    }

    /// Makes released pages count as "not yet released" again (after an error path re-read the file).
    func forgetReleases() { releasedUpTo = 0 }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or directory"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a directory, not a file"
        case ENOTDIR: "a component of the path is not a directory"
        default: String(cString: strerror(code))
        }
    }
}
