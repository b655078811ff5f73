import Spelling
import Columnar
import QueryLanguage
import Workbooks

extension Binder {
    /// `read_xlsx(path, sheet := , range := , header := , all_varchar := , ignore_errors := , stop_at_empty := )`
    /// and `read_ods(…)`: one sheet as a table; what was skipped or read as NULL becomes the statement's
    /// warnings.
    func readWorkbook(
        _ call: FunctionCall, format: WorkbookFormat, _ constants: ExpressionBinder, range: SourceRange
    ) throws(QueryError) -> Table {
        let path = try stringArgument(call, constants, range: range)
        var options = SheetOptions()
        let names = ["sheet", "range", "header", "all_varchar", "ignore_errors", "stop_at_empty"]
        for (optionName, expression) in call.namedArguments {
            let value = try constantValue(expression, constants)
            func flag() throws(QueryError) -> Bool {
                guard case .boolean(let b) = value else {
                    throw QueryError(.invalidArgument, "\(optionName) must be true or false", range: expression.range)
                }
                return b
            }
            switch optionName.lowercased() {
            case "sheet":
                guard case .varchar(let sheet) = value else {
                    throw QueryError(
                        .invalidArgument, "sheet must be a sheet's name in quotes", range: expression.range)
                }
                options.sheet = sheet
            case "range":
                guard case .varchar(let text) = value, let cells = CellRange(text) else {
                    throw QueryError(
                        .invalidArgument, "range must name cells such as 'A3:F200'", range: expression.range)
                }
                options.range = cells
            case "header": options.header = try flag()
            case "all_varchar": options.allVarchar = try flag()
            case "ignore_errors": options.ignoreErrors = try flag()
            case "stop_at_empty": options.stopAtEmpty = try flag()
            default:
                throw QueryError(
                    .invalidArgument, "Invalid named parameter \"\(optionName)\" for \(call.name.lowercased())",
                    range: expression.range, suggestions: Suggestions.closest(to: optionName, among: names))
            }
        }
        do {
            let read = try WorkbookReader.read(path: path, format: format, options: options)
            for warning in read.warnings { warnings.add("\(call.name.lowercased()): \(warning)") }
            return read.table
        } catch {
            // A missing sheet points at the sheet option; anything else at the call.
            let sheetOption = call.namedArguments.first { $0.name.lowercased() == "sheet" }?.value.range
            let rangeOption = call.namedArguments.first { $0.name.lowercased() == "range" }?.value.range
            let at: SourceRange =
                switch error.kind {
                case .missingSheet: sheetOption ?? range
                case .rangeOutsideSheet: rangeOption ?? range
                default: range
                }
            // The caret goes under the SQL that named the file; the message names the file.
            let message = error.message.contains(path) ? error.message : "\(path): \(error.message)"
            throw QueryError(.io, message, range: at, suggestions: error.suggestions)
        }
    }

    /// `FROM 'path'`: the reader the extension calls for.
    func readPath(_ call: FunctionCall, _ constants: ExpressionBinder, range: SourceRange) throws(QueryError) -> Table {
        let path = try stringArgument(call, constants, range: range)
        if let format = WorkbookFormat(path: path) {
            return try readWorkbook(
                call.renamed(format == .ods ? "read_ods" : "read_xlsx"), format: format, constants, range: range)
        }
        let last = path.split(separator: "/").last.map(String.init) ?? path
        let ext = last.contains(".") ? String(last[last.index(after: last.lastIndex(of: ".")!)...]).lowercased() : ""
        switch ext {
        case "csv", "tsv", "txt", "tab":
            return try invokeTableFunction(call.renamed("read_csv"), range: range)
        case "json", "jsonl", "ndjson":
            return try invokeTableFunction(call.renamed("read_json"), range: range)
        default:
            throw QueryError(
                .invalidArgument,
                "cannot tell how to read '\(path)' from its extension: use read_csv, read_json, read_xlsx or read_ods",
                range: range)
        }
    }
}

extension FunctionCall {
    fileprivate func renamed(_ name: String) -> FunctionCall {
        var copy = self
        copy.name = name
        return copy
    }
}
