import Columnar

/// Turns one row's result into what a column stores (strings become dictionary codes) and builds the column.
protocol ResultEncoder: SendableMetatype {
    associatedtype Result
    associatedtype Stored
    /// The SQL type of the column built.
    static var type: DataType { get }
    init()
    /// Stored under NULL rows.
    static var placeholder: Stored { get }
    mutating func encode(_ result: Result) -> Stored
    func column(_ stored: [Stored], validity: Validity?) -> Column
}

struct BigintResults: ResultEncoder {
    static var type: DataType { .bigint }
    static var placeholder: Int64 { 0 }
    func encode(_ result: Int64) -> Int64 { result }
    func column(_ stored: [Int64], validity: Validity?) -> Column { Column(.bigint(stored), validity: validity) }
}

struct DoubleResults: ResultEncoder {
    static var type: DataType { .double }
    static var placeholder: Double { 0 }
    func encode(_ result: Double) -> Double { result }
    func column(_ stored: [Double], validity: Validity?) -> Column { Column(.double(stored), validity: validity) }
}

struct BooleanResults: ResultEncoder {
    static var type: DataType { .boolean }
    static var placeholder: Bool { false }
    func encode(_ result: Bool) -> Bool { result }
    func column(_ stored: [Bool], validity: Validity?) -> Column { Column(.boolean(stored), validity: validity) }
}

/// Results are days since 1970-01-01.
struct DateResults: ResultEncoder {
    static var type: DataType { .date }
    static var placeholder: Int32 { 0 }
    func encode(_ result: Int32) -> Int32 { result }
    func column(_ stored: [Int32], validity: Validity?) -> Column { Column(.date(stored), validity: validity) }
}

/// Interns each result string, so equal results share a code as the VARCHAR invariant requires.
struct VarcharResults: ResultEncoder {
    static var type: DataType { .varchar }
    private var dictionary = StringDictionaryBuilder()
    init() {}
    static var placeholder: UInt32 { 0 }
    mutating func encode(_ result: String) -> UInt32 { dictionary.intern(result) }
    func column(_ stored: [UInt32], validity: Validity?) -> Column {
        Column(.varchar(codes: stored, dictionary: dictionary.build()), validity: validity)
    }
}
