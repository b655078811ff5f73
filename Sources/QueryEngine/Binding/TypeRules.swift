import Spelling
import Kernels
import Columnar
import QueryLanguage

/// Type names as written mapped to the dialect's five types, and where types meet.
enum TypeRules {
    static func dataType(of typeName: TypeName) throws(QueryError) -> DataType {
        switch typeName.name.lowercased() {
        case "bigint", "int", "integer", "int8", "int4", "int2", "int64", "int32", "smallint", "tinyint", "long",
            "hugeint", "ubigint", "uinteger", "usmallint", "utinyint", "signed":
            return .bigint
        case "double", "float", "float8", "float4", "real", "decimal", "numeric", "double precision":
            return .double
        case "varchar", "text", "string", "char", "bpchar", "nvarchar", "character varying", "character":
            return .varchar
        case "boolean", "bool", "logical":
            return .boolean
        case "date":
            return .date
        default:
            throw QueryError(
                .typeMismatch, "Type with name \(typeName.name) does not exist!", range: typeName.range,
                suggestions: Suggestions.closest(
                    to: typeName.name, among: ["BIGINT", "INTEGER", "DOUBLE", "VARCHAR", "BOOLEAN", "DATE"]))
        }
    }

    /// The type two values convert to when they meet (comparison, CASE branches, UNION columns): the
    /// kernels' one rule (`TypeCoercion.commonSupertype`), with both sides untyped NULLs kept apart from
    /// types that do not meet: `.some(nil)` for two untyped NULLs, nil when the types do not meet.
    static func commonSupertype(_ a: DataType?, _ b: DataType?) -> DataType?? {
        if a == nil && b == nil { return .some(nil) }
        return TypeCoercion.commonSupertype(a, b).map { .some($0) } ?? nil
    }
}
