import Spelling
import Kernels
import Columnar
import QueryLanguage

extension StatementRunner {
    /// COPY (query | table) TO 'path' (FORMAT name, HEADER bool, DELIMITER ',' or tab, and options of the
    /// writer's formats such as SHEET 'name'): the engine reads
    /// the options and runs the query; the injected `CopyWriter` writes the file, all or nothing.
    func copy(
        _ source: CopySource, to path: String, options: [(name: String, value: Expression)], range: SourceRange
    ) throws(QueryError) -> StatementResult {
        let table: Table
        switch source {
        case .table(let name, let tableRange):
            guard let stored = database.catalog.table(name) else {
                if database.catalog.view(name) != nil {
                    let query = Query(
                        body: .select(
                            Select(
                                items: [.wildcard(qualifier: nil, exclude: [], range: tableRange)],
                                from: [.named(name: name, alias: nil, range: tableRange)], range: tableRange)),
                        range: tableRange)
                    return try copyTable(runQuery(query), to: path, options: options, range: range)
                }
                throw QueryError(
                    .unknownTable, "Table with name \(name) does not exist!", range: tableRange,
                    suggestions: Suggestions.closest(to: name, among: database.catalog.allNames))
            }
            table = stored.table
        case .query(let query):
            table = try runQuery(query)
        }
        return try copyTable(table, to: path, options: options, range: range)
    }

    private func copyTable(
        _ table: Table, to path: String, options: [(name: String, value: Expression)], range: SourceRange
    ) throws(QueryError) -> StatementResult {
        guard let writer = database.copyWriter else {
            throw QueryError(.unsupported, "COPY TO cannot write files here (no file writers)", range: range)
        }
        let constants = ExpressionBinder(
            binder: database.makeBinder(script: script), scope: Scope(entries: []), clause: "COPY option")
        let file = PathText(path: path)
        var format: String?
        var header = true
        var extra: [(name: String, value: Value, range: SourceRange)] = []
        for (name, valueExpression) in options {
            let value: Value
            if case .column(let parts, _) = valueExpression.kind, parts.count == 1 {
                value = .varchar(parts[0])  // FORMAT csv: a bare word
            } else {
                guard let constant = try constants.bind(valueExpression).constantValue else {
                    throw QueryError(.invalidArgument, "COPY options must be constants", range: valueExpression.range)
                }
                value = constant
            }
            switch name.lowercased() {
            case "format":
                guard case .varchar(let text) = value, writer.formats.contains(text.lowercased()) else {
                    throw QueryError(
                        .invalidArgument, "Unknown COPY FORMAT \(value)", range: valueExpression.range,
                        suggestions: Suggestions.closest(to: value.description, among: writer.formats))
                }
                format = text.lowercased()
            case "header":
                switch value {
                case .boolean(let b): header = b
                case .bigint(let v): header = v != 0
                case .varchar(let s) where ["true", "false"].contains(s.lowercased()): header = s.lowercased() == "true"
                default:
                    throw QueryError(.invalidArgument, "HEADER must be true or false", range: valueExpression.range)
                }
            case "delimiter", "delim", "sep":
                guard case .varchar(let text) = value else {
                    throw QueryError(.invalidArgument, "DELIMITER must be a string", range: valueExpression.range)
                }
                switch text {
                case ",": format = "csv"
                case "\t", "\\t": format = "tsv"
                default:
                    throw QueryError(
                        .unsupported, "COPY supports the delimiters ',' and tab only", range: valueExpression.range)
                }
            case let other where writer.optionNames.contains(other):
                extra.append((other, value, valueExpression.range))
            default:
                throw QueryError(
                    .invalidArgument, "Unknown COPY option \(name)", range: valueExpression.range,
                    suggestions: Suggestions.closest(
                        to: name, among: ["format", "header", "delimiter"] + writer.optionNames))
            }
        }
        if format == nil {
            // No FORMAT: the extension decides; none at all means CSV (as in DuckDB). An extension the
            // writers do not know is an error rather than a CSV file under a misleading name.
            if file.pathExtension.isEmpty {
                format = "csv"
            } else if let known = writer.formatForExtension(file.pathExtension) {
                format = known
            } else {
                throw QueryError(
                    .invalidArgument,
                    "COPY cannot tell a format from the extension .\(file.pathExtension): "
                        + "add (FORMAT name) with one of \(writer.formats.joined(separator: ", "))",
                    range: range)
            }
        }
        // A format's own options are checked once the format is known (FORMAT may come after them).
        var formatOptions: [String: Value] = [:]
        for option in extra {
            if let problem = writer.checkOption(format!, option.name, option.value) {
                throw QueryError(.invalidArgument, problem, range: option.range)
            }
            formatOptions[option.name] = option.value
        }
        let interruption = database.interruption
        do {
            try writer.write(
                table,
                CopyTarget(
                    path: path, format: format!, header: header, title: file.baseName, options: formatOptions,
                    isInterrupted: { interruption.isRaised }))
        } catch {
            try interruption.check()
            throw QueryError(.io, "Cannot write \(path): \(error)", range: range, file: path)
        }
        return StatementResult(message: "\(table.rowCount) row\(table.rowCount == 1 ? "" : "s") written to \(path)")
    }
}

/// The extension and base name of a path's last component, without Foundation.
private struct PathText {
    let path: String

    private var lastComponent: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// After the last dot of the last component; empty without one.
    var pathExtension: String {
        let last = lastComponent
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
        return String(last[last.index(after: dot)...])
    }

    /// The last component without its extension (`scores` for `out/scores.html`).
    var baseName: String {
        let last = lastComponent
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }
}
