import ArgumentParser
import Rendering
import Shell

import Foundation

/// The command line. Parsing only: every behaviour lives in the `Shell` library where tests reach it.
@main
struct Yotq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yotq",
        abstract: "An analytics shell for Youth Offending Team inspection scores.",
        discussion: """
            Files (-f) run first, then commands (-c), each in the order given. With neither, statements \
            are read from standard input when it is not a terminal. Exit status: 0 success, 1 when any \
            statement failed, 2 for usage errors.
            """,
        subcommands: [Generate.self]
    )

    @Option(name: .long, help: "Dataset folder to load (every CSV/TSV/JSONL file becomes a table).")
    var data: String?

    @Flag(name: .customLong("no-data"), help: "Start with no dataset loaded.")
    var noData = false

    @Option(name: .customShort("f"), help: "Run the statements in FILE (repeatable).")
    var file: [String] = []

    @Option(name: .customShort("c"), help: "Run SQL (repeatable).")
    var command: [String] = []

    @Option(name: .long, help: "Output mode: \(OutputMode.allCases.map(\.rawValue).joined(separator: "|")).")
    var mode: String?

    @Flag(name: .long, help: "Stop at the first failing statement.")
    var bail = false

    @Flag(name: .long, help: "Print each statement before running it.")
    var echo = false

    func validate() throws {
        if let mode, OutputMode(rawValue: mode.lowercased()) == nil {
            throw ValidationError("unknown mode '\(mode)'; choose one of \(OutputMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if data != nil && noData { throw ValidationError("--data and --no-data cannot be combined") }
    }

    func run() throws {
        var options = LaunchOptions(files: file, commands: command, mode: mode.flatMap { OutputMode(rawValue: $0.lowercased()) },
                                    bail: bail, echo: echo)
        options.dataFolder = noData ? nil : (data ?? Launcher.defaultDataFolder())
        let status = Launcher.run(options)
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// Maps argument errors to exit status 2 (ArgumentParser's own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exitCode = error as? ExitCode { Foundation.exit(exitCode.rawValue) }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a SYNTHETIC case-level dataset (canonical layout) for tests, demos and benchmarks."
    )

    @Option(name: .long, help: "Output folder (created if needed).")
    var out: String

    @Option(name: .long, help: "Inspection rounds: one inspection per area per round.")
    var rounds = 1

    @Option(name: .long, help: "Seed: the same seed gives byte-identical files.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (1...100).contains(rounds) else { throw ValidationError("--rounds must be between 1 and 100") }
    }

    func run() throws {
        let status = Launcher.generate(folder: out, rounds: rounds, seed: seed)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
