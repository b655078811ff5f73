import Inspection
import QueryEngine
import Rendering
public import Foundation
import FileOutput

import Platform

/// What the `yotq` executable does once its arguments are parsed.
public enum Launcher {
    /// `yotq --version`.
    public static let version = "0.5.0"

    /// Runs files, then commands, then standard input (when it is not a terminal); returns the exit status.
    public static func run(_ options: LaunchOptions) -> ExitStatus {
        let interactive = isatty(0) != 0 && options.files.isEmpty && options.commands.isEmpty
        // A signal that stops the process removes the temporary files of writes under way (COPY, .output);
        // the interactive shell's own Ctrl-C handler cancels the statement instead.
        PendingFiles.removeOnSignals(includingInterrupt: !interactive)
        var output: any TextSink = FileDescriptorSink.standardOutput()
        var errors: any TextSink = FileDescriptorSink(descriptor: 2, name: "standard error")
        // The shell's progress line (on a terminal only) is erased before anything else is printed.
        let progress = interactive && isatty(2) != 0 ? ProgressLine() : nil
        if let progress {
            output = ProgressAwareSink(output, progress: progress)
            errors = ProgressAwareSink(errors, progress: progress)
        }
        let session = Session(output: output, errors: errors)
        if options.bundledDataMissing { try? errors.write(Launcher.bundledDataWarning + "\n") }
        let outputIsTerminal = isatty(1) != 0
        session.settings.colour =
            isatty(2) != 0 && outputIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        session.settings.mode = options.mode.flatMap { OutputMode(rawValue: $0.lowercased()) } ?? .box
        session.settings.maxRows = outputIsTerminal ? 40 : 0
        session.settings.bail = options.bail
        session.settings.echo = options.echo
        if interactive {
            return runInteractive(options, in: session, progress: progress)
        }
        return run(options, in: session, standardInput: isatty(0) != 0 ? nil : FileHandle.standardInput)
    }

    /// For commands that run no shell (`yotq notebook`): a signal that stops the process removes the
    /// temporary files of writes under way.
    public static func removeTemporaryFilesOnSignals() {
        PendingFiles.removeOnSignals(includingInterrupt: true)
    }

    /// The interactive shell (standard input is a terminal and there is nothing else to run): errors are
    /// shown as they happen, so leaving is always a success.
    static func runInteractive(_ options: LaunchOptions, in session: Session, progress: ProgressLine?) -> ExitStatus {
        if let folder = options.dataFolder {
            // A big folder takes seconds: show how far the load has got, as for `.load`.
            progress?.begin(meter: session.database.progress)
            do {
                try DatasetLoader(session: session).loadFolder(folder)
            } catch {
                session.report(error)
            }
            progress?.end()
        }
        _ = InteractiveShell.runOnTerminal(session, progress: progress)
        session.finishRedirect()
        return .success
    }

    /// The same, in a given session and with a given standard input (nil: a terminal); for tests.
    /// A `-f` file or `--data` folder that does not exist is a usage error (exit 2, as `yotq notebook`
    /// gives for a missing notebook), reported before anything runs.
    public static func run(_ options: LaunchOptions, in session: Session, standardInput: FileHandle?) -> ExitStatus {
        let missing =
            options.files.filter { !FileManager.default.isReadableFile(atPath: $0) }.map { ($0, "no such file") }
            + (options.dataFolder.map { folder in
                FileManager.default.fileExists(atPath: folder) ? [] : [(folder, "no such data folder")]
            } ?? [])
        if !missing.isEmpty {
            for (path, reason) in missing { session.report(Diagnostic(message: reason, file: path)) }
            return .usage
        }
        if let folder = options.dataFolder {
            do {
                try DatasetLoader(session: session).loadFolder(folder)
            } catch {
                session.report(error)
            }
        }
        var inputs: [ScriptInput] = options.files.map { .file($0) } + options.commands.map { .command($0) }
        if inputs.isEmpty, let standardInput { inputs.append(.standardInput(standardInput)) }
        let runner = ScriptRunner(session: session)
        for input in inputs {
            let outcome: RunOutcome
            do {
                outcome = runner.run(try input.source())
            } catch {
                session.report(error)
                outcome = session.settings.bail ? .bailed : .finished
            }
            if outcome != .finished { break }
        }
        session.finishRedirect()
        return session.failureCount == 0 ? .success : .failure
    }

    /// The bundled datasets: `$YOTQ_DATA`, else `Datasets/` in the current folder, else the one in the
    /// source tree the executable was built from (`.build/<config>/yotq` → `Datasets/`).
    /// Printed (not counted as a failure) when the bundled datasets cannot be found.
    static let bundledDataWarning =
        "warning: the bundled Datasets/ folder was not found (looked in the current folder and above the "
        + "binary); starting with no data: use --data DIR, or set YOTQ_DATA"

    public static func defaultDataFolder() -> String? {
        let manager = FileManager.default
        if let configured = ProcessInfo.processInfo.environment["YOTQ_DATA"], !configured.isEmpty { return configured }
        if manager.fileExists(atPath: "Datasets") { return "Datasets" }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("Datasets").path
            if manager.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `yotq generate`: writes the synthetic dataset's files, each atomically.
    public static func generate(folder: String, rounds: Int, seed: UInt64) -> ExitStatus {
        do {
            try SyntheticFiles.write(to: folder, rounds: rounds, seed: seed)
            return .success
        } catch {
            FileHandle.standardError.write(Data((error.formatted() + "\n").utf8))
            return .failure
        }
    }
}

/// One source of statements on the command line, read only when its turn comes.
enum ScriptInput {
    case file(String)
    case command(String)
    case standardInput(FileHandle)

    func source() throws(Diagnostic) -> SourceText {
        switch self {
        case .file(let path):
            return SourceText(name: path, text: try ScriptFiles.text(of: path))
        case .command(let sql):
            return SourceText(name: "-c", text: sql)
        case .standardInput(let handle):
            guard let text = String(validating: handle.readDataToEndOfFile(), as: UTF8.self) else {
                throw Diagnostic(message: "standard input is not valid UTF-8", file: "stdin")
            }
            return SourceText(name: "stdin", text: text)
        }
    }
}
