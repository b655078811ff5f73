import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The built `yotq` running in a pseudo-terminal, for end-to-end tests: bytes typed into the master side
/// reach the shell as keys (Ctrl-C included: the shell is a session leader with the terminal as its
/// controlling one), and everything it prints is collected.
final class TerminalProcess {
    let pid: pid_t
    private let master: Int32
    /// Everything the shell printed so far.
    private(set) var output: [UInt8] = []
    private var exited: Int32?

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Starts `binary`, by default the `yotq` built beside the test bundle (an error when it is missing).
    init(
        binary: String? = nil, arguments: [String], environment: [String: String], rows: UInt16 = 40,
        columns: UInt16 = 120
    ) throws {
        let binary = try binary ?? BuiltProducts.yotq()
        // posix_openpt/unlockpt/ptsname need _XOPEN_SOURCE, which Swift's Glibc does not import: the
        // Linux ioctls they wrap (TIOCSPTLCK, TIOCGPTN) do the same.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid(), so the terminal becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // The test runner's threads may block signals; the shell must start with none blocked, as from a login shell.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(
            &attributes, Int16(0x80 /* POSIX_SPAWN_SETSID */ | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, binary, &actions, &attributes, argv, envp)
        guard status == 0 else { throw Failure(description: "cannot start yotq: \(String(cString: strerror(status)))") }
        pid = child
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    deinit {
        if exited == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `text` (control characters and escape sequences included).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    var text: String { String(decoding: output, as: UTF8.self) }

    /// Waits until the output after byte `offset` contains `expected`; returns whether it did in time.
    @discardableResult
    func waitFor(_ expected: String, after offset: Int = 0, timeout: Duration = .seconds(10)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        let needle = Array(expected.utf8)
        while true {
            if output.count >= offset + needle.count,
                output[offset...].firstRange(of: needle) != nil
            {
                return true
            }
            if ContinuousClock.now >= deadline { return false }
            pump(milliseconds: 20)
        }
    }

    /// Waits for `expected` after `offset` and then for the next prompt: the shell is reading again, with
    /// the terminal in readline's mode (keys typed earlier, while the terminal was in line mode, could be
    /// lost or changed, Ctrl-D especially).
    @discardableResult
    func waitForPrompt(after expected: String, from offset: Int = 0, timeout: Duration = .seconds(10)) -> Bool {
        guard waitFor(expected, after: offset, timeout: timeout),
            let found = output[offset...].firstRange(of: Array(expected.utf8))
        else { return false }
        return waitFor("yotq> ", after: found.upperBound, timeout: timeout)
    }

    /// Reads output for `milliseconds`, however much arrives.
    func settle(milliseconds: Int) {
        let deadline = ContinuousClock.now + .milliseconds(milliseconds)
        while ContinuousClock.now < deadline { pump(milliseconds: 10) }
    }

    /// Reads whatever arrives within `milliseconds` (returns at the first arrival).
    func pump(milliseconds: Int32) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 { output.append(contentsOf: buffer[0..<count]) }
    }

    /// Waits for the process to end (reading its output meanwhile); its exit status, or nil on timeout.
    func waitForExit(timeout: Duration = .seconds(10)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                exited = status
                pump(milliseconds: 0)
                return status
            }
            pump(milliseconds: 20)
        }
        return nil
    }

    /// Ends the process at once (`kill -9`) and reaps it.
    func killHard() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        exited = status
    }
}
