public import FileOutput
public import Columnar

/// Writes a `Table` as text in one of the `OutputMode`s.
///
/// `render` builds a `String` for small results; `write(_:to:)` streams to a `TextSink` in chunks of
/// tens of kilobytes, which is the way to write big CSV or JSON Lines outputs.
public struct TableRenderer: Sendable {
    public var options: RenderOptions

    public init(options: RenderOptions) { self.options = options }

    /// A renderer with the mode's default options.
    public init(mode: OutputMode) { self.options = RenderOptions(mode: mode) }

    /// The whole output as one string, ending in a newline unless empty.
    public func render(_ table: Table) -> String {
        let sink = StringSink()
        // A StringSink never throws; the only errors a renderer raises come from its sink.
        try? write(table, to: sink)
        return sink.text
    }

    /// Streams the output to `sink`. Throws only what the sink throws.
    public func write(_ table: Table, to sink: some TextSink) throws {
        switch options.mode {
        case .table: try GridRenderer(options: options, style: .ascii).write(table, to: sink)
        case .box: try GridRenderer(options: options, style: .box).write(table, to: sink)
        case .csv: try DelimitedRenderer(options: options, delimiter: UInt8(ascii: ",")).write(table, to: sink)
        case .tsv: try DelimitedRenderer(options: options, delimiter: UInt8(ascii: "\t")).write(table, to: sink)
        case .json: try JSONRenderer(options: options, linesOnly: false).write(table, to: sink)
        case .jsonl: try JSONRenderer(options: options, linesOnly: true).write(table, to: sink)
        case .markdown: try MarkdownRenderer(options: options).write(table, to: sink)
        case .html: try HTMLRenderer(options: options).write(table, to: sink)
        case .line: try LineRenderer(options: options).write(table, to: sink)
        }
    }
}
