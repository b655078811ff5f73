import LineEditor

extension InteractiveShell {
    /// The shell on a terminal: readline with history and completion, Ctrl-C handling, results fitted to
    /// the window. History lives in `$XDG_STATE_HOME/yotq/history` (default `~/.local/state/yotq/history`).
    static func runOnTerminal(_ session: Session, progress: ProgressLine? = nil) -> RunOutcome {
        InterruptSignal.install()
        let path = session.settings.historyPath ?? HistoryFile.defaultPath()
        session.settings.historyPath = path
        let history = HistoryFile(path: path)
        let shell = InteractiveShell(session: session, history: history, terminalWidth: { TerminalSize.columns() }) {
            shell in
            ReadlineReader(
                history: history.entries,
                completer: { [unowned shell] line, cursor in shell.complete(line: line, cursor: cursor) },
                takeInterrupt: { InterruptSignal.take() })
        }
        shell.progress = progress
        session.say("yotq: .help lists commands; end statements with ;  Tab completes, Ctrl-D leaves.")
        return shell.run()
    }
}
