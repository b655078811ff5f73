import Columnar
import Kernels

/// The engine's single entry to the cast kernel (so the binder and executor agree on casting rules).
enum Conversion {
    /// `column` converted to `type`; `isTry` turns failures into NULLs instead of errors.
    static func cast(_ column: Column, to type: DataType, isTry: Bool) throws(KernelError) -> Column {
        if column.type == type { return column }
        return try CastKernel.cast(column, to: type, mode: isTry ? .try : .strict)
    }

    static func isSupported(from source: DataType, to target: DataType) -> Bool {
        CastKernel.isSupported(from: source, to: target)
    }
}
