import Foundation
import Testing

@testable import Ingest

/// Paths that are not regular files are refused at once, never waited on.
@Suite struct SpecialFileTests {
    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("yotq-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        #expect {
            _ = try MappedFile(path: path)
        } throws: { error in
            (error as? IngestError)?.description.contains("is a FIFO (named pipe), not a regular file") == true
        }
    }

    @Test func aDeviceIsRefused() {
        #expect {
            _ = try MappedFile(path: "/dev/null")
        } throws: { error in
            (error as? IngestError)?.description.contains("is a device, not a regular file") == true
        }
    }
}
