import SystemZlib
import FileOutput

/// A ZIP archive written straight to its file: each entry deflated (raw, level 1: sheet XML shrinks to a
/// sixth even so, and level 6 took three times as long) or stored, its CRC from zlib, then the central
/// directory. The file is replaced all or nothing. No ZIP64: an entry or archive past 4 GiB is refused.
enum ZipWriting {
    /// A fixed time (2024-01-01 00:00) in MS-DOS form: the same tables give the same bytes.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = UInt16((2024 - 1980) << 9 | 1 << 5 | 1)

    static func write(_ entries: [(name: String, bytes: [UInt8], compressed: Bool)], to path: String) throws {
        var directory: [UInt8] = []
        var offset: UInt64 = 0
        try AtomicFileWriter.replace(path) { writer in
            for entry in entries {
                let name = Array(entry.name.utf8)
                let crc = entry.bytes.withUnsafeBufferPointer { buffer in
                    UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
                }
                let data = entry.compressed ? try deflateRaw(entry.bytes) : entry.bytes
                guard entry.bytes.count < Int(UInt32.max), data.count < Int(UInt32.max), offset < UInt64(UInt32.max)
                else {
                    throw WorkbookError(.io, "the workbook would pass 4 GiB, more than a ZIP without ZIP64 holds")
                }
                let method: UInt16 = entry.compressed ? 8 : 0
                var local: [UInt8] = []
                local.le32(0x0403_4B50)
                local.le16(20)  // version needed: 2.0
                local.le16(1 << 11)  // names in UTF-8
                local.le16(method)
                local.le16(dosTime)
                local.le16(dosDate)
                local.le32(crc)
                local.le32(UInt32(data.count))
                local.le32(UInt32(entry.bytes.count))
                local.le16(UInt16(name.count))
                local.le16(0)
                local += name
                try local.withUnsafeBytes { try writer.write($0) }
                try data.withUnsafeBytes { try writer.write($0) }

                directory.le32(0x0201_4B50)
                directory.le16(20 | (3 << 8))  // made by: 2.0, Unix
                directory.le16(20)
                directory.le16(1 << 11)
                directory.le16(method)
                directory.le16(dosTime)
                directory.le16(dosDate)
                directory.le32(crc)
                directory.le32(UInt32(data.count))
                directory.le32(UInt32(entry.bytes.count))
                directory.le16(UInt16(name.count))
                directory.le16(0)  // extra
                directory.le16(0)  // comment
                directory.le16(0)  // disk
                directory.le16(0)  // internal attributes
                directory.le32(UInt32(0o100644) << 16)  // a regular file, rw-r--r--
                directory.le32(UInt32(offset))
                directory += name
                offset += UInt64(local.count + data.count)
            }
            var end: [UInt8] = []
            end.le32(0x0605_4B50)
            end.le16(0)
            end.le16(0)
            end.le16(UInt16(entries.count))
            end.le16(UInt16(entries.count))
            end.le32(UInt32(directory.count))
            end.le32(UInt32(offset))
            end.le16(0)
            try directory.withUnsafeBytes { try writer.write($0) }
            try end.withUnsafeBytes { try writer.write($0) }
        }
    }

    /// Raw deflate (no zlib header), level 1.
    static func deflateRaw(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard
            deflateInit2_(
                &stream, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else {
            throw WorkbookError(.io, "zlib could not start")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var input = input
        let produced = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int32 in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard produced == Z_STREAM_END else { throw WorkbookError(.io, "zlib could not compress (\(produced))") }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }
}

extension [UInt8] {
    fileprivate mutating func le16(_ v: UInt16) {
        append(UInt8(v & 0xFF))
        append(UInt8(v >> 8))
    }

    fileprivate mutating func le32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(shift)) & 0xFF)) }
    }
}
