import Columnar
import Kernels

/// The engine's single entry to the cast kernel (so the binder and executor agree on casting rules).
enum Conversion {
    /// `column` converted to `type`; `isTry` turns failures into NULLs instead of errors.
    static func cast(_ column: Column, to type: DataType, isTry: Bool) throws(KernelError) -> Column {
        if column.type == type { return column }
        // TODO(engine): route every cast through the Kernels cast kernel once the functions branch lands.
        if column.type == .bigint, type == .double, case .bigint(let values) = column.storage {
            return Column(.double(values.map(Double.init)), validity: column.validity)
        }
        throw KernelError(.conversion, "Conversion from \(column.type) to \(type) is not available yet")
    }
}
