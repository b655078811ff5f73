import Foundation

/// Reading script files for `-f` and `.read`.
enum ScriptFiles {
    /// `.read` may nest this deep; deeper means a file reads itself (directly or not).
    static let maximumDepth = 16

    /// The text of a script file, which must be UTF-8.
    static func text(of path: String) throws(Diagnostic) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw Diagnostic(
                message: exists
                    ? (isDirectory.boolValue ? "is a folder, not a script" : "cannot read the file")
                    : "no such file", file: path)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw Diagnostic(message: "the script is not valid UTF-8", file: path)
        }
        return text
    }

    /// Runs a script file inside `session` (for `.read`).
    static func read(_ path: String, in session: Session) throws(Diagnostic) -> MetaCommandOutcome {
        guard session.readDepth < maximumDepth else {
            throw Diagnostic(message: ".read nested deeper than \(maximumDepth) files (does a file read itself?)")
        }
        let source = SourceText(name: path, text: try text(of: path))
        session.readDepth += 1
        defer { session.readDepth -= 1 }
        return ScriptRunner(session: session).run(source) == .quit ? .quit : .proceed
    }
}
