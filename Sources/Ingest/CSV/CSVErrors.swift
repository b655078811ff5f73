/// Builds the located `IngestError`s of the CSV reader.
enum CSVErrors {
    /// An error at byte `offset`, by line and character column; when the record started on an earlier
    /// line (a quoted field spans lines), the message says where.
    static func located(file: MappedFile, offset: Int, recordStart: Int?, message: String) -> IngestError {
        let location = TextLocation.of(offset: offset, in: file.bytes)
        var text = message
        if let recordStart {
            let start = TextLocation.of(offset: recordStart, in: file.bytes)
            if start.line != location.line { text += " (in the record starting at line \(start.line))" }
        }
        return IngestError(path: file.path, line: location.line, column: location.column, message: text)
    }
}
