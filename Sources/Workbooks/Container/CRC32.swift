import SystemZlib

/// CRC-32 (the ZIP polynomial) through zlib's `crc32`, chunk by chunk. ZIPFoundation's own check on Linux
/// goes a byte at a time in Swift and took a fifth of a large sheet's read, so reads skip it and check here.
struct CRC32 {
    private(set) var value: UInt32 = 0

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        value = UInt32(crc32(uLong(value), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }
}
