/// One value of a JSON record as the table builder needs it; nested objects and arrays keep their text.
enum JSONValue {
    case null
    case boolean(Bool)
    /// `text` is the number as written (used when the column ends up VARCHAR).
    case integer(Int64, text: String)
    case double(Double, text: String)
    case string(String)
    /// An object or array, as its JSON source text.
    case nested(String)
}

/// A JSON syntax error at a byte offset of the file.
struct JSONSyntaxError: Error {
    var offset: Int
    var message: String
}
