import FileOutput
import Foundation
import Rendering
@testable import Shell

/// A session whose output and errors are captured, with settings as in batch mode on a pipe.
struct CapturedRun {
    let output = StringSink()
    let errors = StringSink()
    let session: Session

    init() {
        session = Session(output: output, errors: errors)
        session.settings.maxRows = 0
    }

    /// Runs `script` as if it were a file named `name`; returns the exit status.
    @discardableResult
    func run(_ script: String, name: String = "test.sql", mode: OutputMode = .csv) -> ExitStatus {
        session.settings.mode = mode
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("yotq-shell-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        try! script.write(toFile: path, atomically: true, encoding: .utf8)
        let status = Launcher.run(LaunchOptions(files: [path]), in: session, standardInput: nil)
        return status
    }

    /// Errors with the temporary folder removed from file names, for exact comparisons.
    var errorText: String {
        errors.text.replacingOccurrences(of: #"/[^\s:]*/yotq-shell-[^/]+/"#, with: "", options: .regularExpression)
    }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("yotq-test-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
