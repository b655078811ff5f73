import Spelling
import Kernels
import Columnar
import Ingest
import Workbooks
import QueryLanguage

extension Binder {
    /// Runs a table function at bind time (its schema is only known from its result).
    func invokeTableFunction(_ call: FunctionCall, range: SourceRange) throws(QueryError) -> Table {
        let name = call.name.lowercased()
        let constants = ExpressionBinder(binder: self, scope: Scope(entries: []), clause: "table function argument")
        switch name {
        case FunctionCall.readPath:
            return try readPath(call, constants, range: range)
        case "read_xlsx", "read_ods":
            return try readWorkbook(call, format: name == "read_ods" ? .ods : .xlsx, constants, range: range)
        case "read_csv", "read_csv_auto":
            let path = try stringArgument(call, constants, range: range)
            var options = CSVOptions(progress: progress.observer(for: path, interruption: interruption))
            for (optionName, value) in call.namedArguments {
                switch optionName.lowercased() {
                case "header":
                    guard case .constant(.boolean(let b), _) = try constants.bind(value) else {
                        throw QueryError(.invalidArgument, "header must be true or false", range: value.range)
                    }
                    options.header = b
                case "delim", "sep", "delimiter":
                    guard case .constant(.varchar(var text), _) = try constants.bind(value) else {
                        throw QueryError(.invalidArgument, "delim must be a one-character string", range: value.range)
                    }
                    if text == "\\t" { text = "\t" }
                    guard text.utf8.count == 1, let byte = text.utf8.first else {
                        throw QueryError(.invalidArgument, "delim must be a one-character string", range: value.range)
                    }
                    options.delimiter = byte
                case "types", "columns", "column_types", "dtypes":
                    guard case .structLiteral(let pairs) = value.kind else {
                        throw QueryError(
                            .invalidArgument, "types must be a struct such as {'col': 'VARCHAR'}", range: value.range)
                    }
                    for (column, typeExpression) in pairs {
                        guard case .literal(.string(let typeText)) = typeExpression.kind else {
                            throw QueryError(
                                .invalidArgument, "type names must be strings such as 'VARCHAR'",
                                range: typeExpression.range)
                        }
                        options.types[column] = try TypeRules.dataType(
                            of: TypeName(name: typeText, range: typeExpression.range))
                    }
                default:
                    throw QueryError(
                        .invalidArgument, "Invalid named parameter \"\(optionName)\" for read_csv", range: value.range,
                        suggestions: Suggestions.closest(to: optionName, among: ["header", "delim", "types"]))
                }
            }
            do {
                return try CSVReader.read(path: path, options: options)
            } catch {
                if error.isInterruption { throw QueryError(.interrupted, "Interrupted", range: range) }
                throw QueryError(
                    .io, error.description, range: range, file: error.path, line: error.line, column: error.column)
            }
        case "read_json", "read_json_auto", "read_ndjson":
            let path = try stringArgument(call, constants, range: range)
            if let option = call.namedArguments.first {
                throw QueryError(
                    .invalidArgument, "Invalid named parameter \"\(option.name)\" for read_json",
                    range: option.value.range)
            }
            do {
                return try JSONReader.read(path: path)
            } catch {
                throw QueryError(
                    .io, error.description, range: range, file: error.path, line: error.line, column: error.column)
            }
        default:
            guard let function = tableFunctions[name] else {
                throw QueryError(
                    .unknownFunction, "Table Function with name \(call.name) does not exist!", range: call.nameRange,
                    suggestions: Suggestions.closest(to: name, among: Array(tableFunctionNames)))
            }
            var arguments: [Value] = []
            for argument in call.arguments {
                arguments.append(try constantValue(argument, constants))
            }
            var named: [String: Value] = [:]
            for (optionName, value) in call.namedArguments {
                named[optionName.lowercased()] = try constantValue(value, constants)
            }
            do {
                return try function.invoke(
                    arguments, named, TableFunctionContext(catalog: catalog, interruption: interruption))
            } catch let error as QueryError {
                var located = error
                if located.range == nil { located.range = range }
                throw located
            } catch {
                throw QueryError(.invalidArgument, "\(error)", range: range)
            }
        }
    }

    func constantValue(_ e: Expression, _ binder: ExpressionBinder) throws(QueryError) -> Value {
        let bound = try binder.bind(e)
        guard let value = bound.constantValue else {
            throw QueryError(.invalidArgument, "table function arguments must be constants", range: e.range)
        }
        return value
    }

    func stringArgument(
        _ call: FunctionCall, _ binder: ExpressionBinder, range: SourceRange
    ) throws(QueryError) -> String {
        guard call.arguments.count == 1 else {
            throw QueryError(.invalidArgument, "\(call.name) takes one path argument", range: range)
        }
        guard case .varchar(let path) = try constantValue(call.arguments[0], binder) else {
            throw QueryError(
                .invalidArgument, "\(call.name) expects a file path string", range: call.arguments[0].range)
        }
        return path
    }
}
