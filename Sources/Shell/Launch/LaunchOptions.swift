import Rendering

/// What the command line asked for, already parsed by the executable (swift-argument-parser).
public struct LaunchOptions: Sendable {
    /// The dataset folder to load at start; nil loads none.
    public var dataFolder: String?
    /// The bundled datasets were wanted (no `--data`, no `--no-data`) but not found: say so once.
    public var bundledDataMissing = false
    /// `-f FILE`, run first, in order.
    public var files: [String] = []
    /// `-c SQL`, run after the files, in order.
    public var commands: [String] = []
    /// `--mode`: an output mode's name (one of `modeNames`); nil keeps the default (box).
    public var mode: String?
    public var bail = false
    public var echo = false

    public init(
        dataFolder: String? = nil, files: [String] = [], commands: [String] = [], mode: String? = nil,
        bail: Bool = false, echo: Bool = false
    ) {
        self.dataFolder = dataFolder
        self.files = files
        self.commands = commands
        self.mode = mode
        self.bail = bail
        self.echo = echo
    }

    /// The names `--mode` accepts, in the order help lists them.
    public static let modeNames = OutputMode.allCases.map(\.rawValue)
}

/// Process exit statuses: fit for scripts and CI.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// At least one statement failed.
    case failure = 1
    /// The command line itself was wrong.
    case usage = 2
}
