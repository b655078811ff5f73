import Kernels
import Columnar
import QueryLanguage
import Rendering

extension StatementRunner {
    /// COPY (query | table) TO 'path' (FORMAT csv|json|markdown|html|..., HEADER bool, DELIMITER ',' or tab):
    /// the file is replaced atomically (readers see the old or the complete new content). HTML is a whole
    /// self-contained page (`HTMLDocument`) named after the file.
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
        let constants = ExpressionBinder(
            binder: database.makeBinder(script: script), scope: Scope(entries: []), clause: "COPY option")
        var mode = OutputMode(fileExtension: PathText(path: path).pathExtension) ?? .csv
        var header = true
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
                guard case .varchar(let text) = value, let chosen = OutputMode(rawValue: text.lowercased()) else {
                    throw QueryError(
                        .invalidArgument, "Unknown COPY FORMAT \(value)", range: valueExpression.range,
                        suggestions: Suggestions.closest(
                            to: value.description, among: OutputMode.allCases.map(\.rawValue)))
                }
                mode = chosen
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
                case ",": mode = .csv
                case "\t", "\\t": mode = .tsv
                default:
                    throw QueryError(
                        .unsupported, "COPY supports the delimiters ',' and tab only", range: valueExpression.range)
                }
            default:
                throw QueryError(
                    .invalidArgument, "Unknown COPY option \(name)", range: valueExpression.range,
                    suggestions: Suggestions.closest(to: name, among: ["format", "header", "delimiter"]))
            }
        }
        let renderer = TableRenderer(
            options: RenderOptions(mode: mode, showHeaders: header, maxRows: 0, showRowCount: false))
        // HTML files are whole pages (styles inline) around the same table `.mode html` prints.
        let page = mode == .html ? HTMLDocument(title: PathText(path: path).baseName) : nil
        do {
            let writer = try AtomicFileWriter(path: path)
            do {
                if let page { try writer.write(page.opening) }
                try renderer.write(table, to: writer)
                if page != nil { try writer.write(HTMLDocument.closing) }
                try writer.commit()
            } catch {
                writer.discard()
                throw error
            }
        } catch {
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
