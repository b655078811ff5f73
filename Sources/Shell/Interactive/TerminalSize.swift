import Platform

/// The terminal's width in columns, asked afresh before each result (the window may have been resized).
enum TerminalSize {
    /// Columns of the terminal on `descriptor`, or nil when it is not a terminal.
    static func columns(of descriptor: Int32 = 1) -> Int? {
        guard isatty(descriptor) != 0 else { return nil }
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
