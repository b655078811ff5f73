import ArgumentParser
import Foundation
import Shell

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
        version: Launcher.version,
        subcommands: [Generate.self, NotebookSubcommand.self]
    )

    @OptionGroup var dataOptions: DataOptions

    @Option(name: .customShort("f"), help: "Run the statements in FILE (repeatable).")
    var file: [String] = []

    @Option(name: .customShort("c"), help: "Run SQL (repeatable).")
    var command: [String] = []

    @Option(name: .long, help: "Output mode: \(LaunchOptions.modeNames.joined(separator: "|")).")
    var mode: String?

    @Flag(name: .long, help: "Stop at the first failing statement.")
    var bail = false

    @Flag(name: .long, help: "Print each statement before running it.")
    var echo = false

    func validate() throws {
        if let mode, !LaunchOptions.modeNames.contains(mode.lowercased()) {
            throw ValidationError(
                "unknown mode '\(mode)'; choose one of \(LaunchOptions.modeNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        var options = LaunchOptions(
            files: file, commands: command, mode: mode,
            bail: bail, echo: echo)
        options.dataFolder = dataOptions.noData ? nil : (dataOptions.data ?? Launcher.defaultDataFolder())
        options.bundledDataMissing = !dataOptions.noData && options.dataFolder == nil
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

/// `--data DIR` / `--no-data`, shared by the shell and `notebook`.
///
/// One option group in both commands: ArgumentParser gives a subcommand the values of an option group
/// its parent also declares, wherever on the line they were typed (`yotq notebook x.md --data DIR`).
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Dataset folder to load (every CSV/TSV/JSONL file becomes a table).")
    var data: String?

    @Flag(name: .customLong("no-data"), help: "Start with no dataset loaded.")
    var noData = false

    func validate() throws {
        if data != nil && noData { throw ValidationError("--data and --no-data cannot be combined") }
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

struct NotebookSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Run a Markdown notebook's ```sql cells in one session and write it as HTML or Markdown.",
        discussion: """
            Exit status: 0 success, 1 when a cell failed (the error is shown in the document; --keep-going \
            runs every cell and exits 0), 2 for usage errors (a missing file, a malformed notebook, a \
            parameter without a value).
            """
    )

    @Argument(help: "The notebook (Markdown with ```sql cells).")
    var file: String

    @Option(
        name: .customLong("to"),
        help: """
            Output format: html (one self-contained page), md (Markdown, charts as SVG files), or xlsx / ods \
            (a workbook: a contents sheet and one sheet per table); \
            default: from -o's extension (.md, .markdown, .xlsx, .ods), else html.
            """)
    var format: String?

    @Option(
        name: .customShort("o"),
        help: "Output file (default: FILE.html or FILE.out.md beside the notebook; - for standard output).")
    var output: String?

    /// `--data DIR` (default: the front matter's `data:`, else the bundled Datasets/), `--no-data`.
    @OptionGroup var dataOptions: DataOptions

    @Flag(name: .customLong("keep-going"), help: "Run every cell even when one fails; show the errors and exit 0.")
    var keepGoing = false

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("Fill {{name}} with value (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    func validate() throws {
        if let format, NotebookFormat(argument: format) == nil {
            throw ValidationError("unknown format '\(format)'; choose html, md, xlsx or ods")
        }
    }

    func run() throws {
        let options = NotebookOptions(
            path: file, format: format.flatMap(NotebookFormat.init(argument:)), output: output,
            dataFolder: dataOptions.data, noData: dataOptions.noData, keepGoing: keepGoing,
            parameters: parameters)
        Launcher.removeTemporaryFilesOnSignals()
        let status = NotebookCommand.run(options)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
