import Platform
public import Foundation

/// Reads framework files (JSON, decoded by Foundation's `JSONDecoder`) and checks that they hang
/// together: unique ids, known parents / scales / rule inputs, ascending cut-points.
public enum FrameworkLoader {
    /// Every `*.json` file of `folder`, in name order.
    public static func loadFolder(_ folder: String) throws(FrameworkError) -> [Framework] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.lowercased().hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        } catch {
            throw FrameworkError(file: folder, field: "", message: "cannot list the folder")
        }
        var frameworks: [Framework] = []
        for name in names {
            let framework = try load(path: FilePaths.join(folder, name))
            if frameworks.contains(where: { $0.id == framework.id }) {
                throw FrameworkError(file: name, field: "id", message: "framework \"\(framework.id)\" is defined twice")
            }
            frameworks.append(framework)
        }
        return frameworks
    }

    public static func load(path: String) throws(FrameworkError) -> Framework {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FrameworkError(file: path, field: "", message: "cannot read the file")
        }
        return try decode(data, file: path)
    }

    /// Decodes and checks one framework; `file` names it in errors.
    public static func decode(_ data: Data, file: String) throws(FrameworkError) -> Framework {
        let raw: FrameworkFile
        do {
            raw = try JSONDecoder().decode(FrameworkFile.self, from: data)
        } catch let error as DecodingError {
            throw describe(error, file: file)
        } catch {
            throw FrameworkError(file: file, field: "", message: "not a framework file: \(error)")
        }
        return try FrameworkValidation(file: file).check(raw)
    }

    private static func describe(_ error: DecodingError, file: String) -> FrameworkError {
        func path(_ keys: [any CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return FrameworkError(
                file: file, field: parent.isEmpty ? key.stringValue : parent + "." + key.stringValue,
                message: "is missing")
        case .typeMismatch(let type, let context):
            return FrameworkError(file: file, field: path(context.codingPath), message: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return FrameworkError(
                file: file, field: path(context.codingPath), message: "expected \(describe(type)), found null")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field.isEmpty { return FrameworkError(file: file, field: "", message: "not valid JSON") }
            let allowed: [String]? =
                switch context.codingPath.last?.stringValue {
                case "kind": Measure.Kind.allCases.map(\.rawValue)
                case "value": Measure.ValueKind.allCases.map(\.rawValue)
                case "status": Evidence.allCases.map(\.rawValue)
                case "pool": MeasureRule.PoolLevel.allCases.map(\.rawValue)
                default: nil
                }
            if let allowed {
                return FrameworkError(
                    file: file, field: field, message: "must be one of " + allowed.joined(separator: ", "))
            }
            return FrameworkError(file: file, field: field, message: context.debugDescription)
        @unknown default:
            return FrameworkError(file: file, field: "", message: "not a framework file")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type: "a number"
        case is [String].Type: "a list of strings"
        default: "\(type)".hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
