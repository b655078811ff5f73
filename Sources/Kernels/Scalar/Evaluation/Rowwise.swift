import Columnar

/// Builds an overload around `RowwiseKernel.map`, for functions written one row at a time.
enum Rowwise {
    static func overload<Encoder: ResultEncoder>(
        _ parameterTypes: [DataType], _ encoder: Encoder.Type, propagatingNulls: Bool = true,
        _ evaluate: @escaping @Sendable (ArgumentRows, Int) throws(KernelError) -> Encoder.Result?
    ) -> ScalarOverload {
        ScalarOverload(parameterTypes: parameterTypes, returnType: Encoder.type) {
            columns, rowCount throws(KernelError) in
            try RowwiseKernel.map(
                columns, rowCount: rowCount, into: Encoder(), propagatingNulls: propagatingNulls, evaluate)
        }
    }
}
