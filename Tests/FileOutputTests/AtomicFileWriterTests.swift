import Foundation
import Platform
import Testing

@testable import FileOutput

@Suite struct AtomicFileWriterTests {
    /// A fresh empty folder, removed by the caller.
    private func makeFolder() throws -> String {
        let path = NSTemporaryDirectory() + "yotq-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    private func entries(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func commitCreatesTheFileAndLeavesNoTemporary() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/out.csv"
        let writer = try AtomicFileWriter(path: target)
        try writer.write("a,b\n")
        try writer.write("1,2\n")
        #expect(!FileManager.default.fileExists(atPath: target))
        try writer.commit()
        #expect(try contents(target) == "a,b\n1,2\n")
        #expect(try entries(folder) == ["out.csv"])
    }

    @Test func discardLeavesTheTargetUntouched() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/report.md"
        try "old content".write(toFile: target, atomically: false, encoding: .utf8)
        let writer = try AtomicFileWriter(path: target)
        try writer.write("new content")
        #expect(try entries(folder).count == 2)
        writer.discard()
        writer.discard()
        #expect(try contents(target) == "old content")
        #expect(try entries(folder) == ["report.md"])
    }

    @Test func droppingAnUnfinishedWriterRemovesTheTemporary() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let writer = try AtomicFileWriter(path: folder + "/x.json")
            try writer.write("partial")
        }
        #expect(try entries(folder).isEmpty)
    }

    @Test func commitReplacesAnExistingFileKeepingItsPermissions() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/data.csv"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        let writer = try AtomicFileWriter(path: target)
        try writer.write("new")
        try writer.commit()
        #expect(try contents(target) == "new")
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try entries(folder) == ["data.csv"])
    }

    @Test func largeBufferedWritesArriveIntact() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/big.txt"
        let writer = try AtomicFileWriter(path: target, bufferSize: 1000)
        var expected = ""
        for i in 0..<5000 {
            let line = "line \(i) " + String(repeating: "x", count: i % 37) + "\n"
            expected += line
            try writer.write(line)
        }
        let block = String(repeating: "y", count: 4096)
        try writer.write(block)
        expected += block
        try writer.commit()
        #expect(try contents(target) == expected)
    }

    @Test func missingFolderIsATypedErrorNamingThePath() throws {
        let target = "/nonexistent-yotq-folder/out.csv"
        #expect {
            _ = try AtomicFileWriter(path: target)
        } throws: { error in
            guard let error = error as? FileWriteError else { return false }
            return error.path == target && error.operation == .create
                && error.message == "cannot create /nonexistent-yotq-folder/out.csv: No such file or directory"
        }
    }

    @Test func writingAfterCommitIsAnError() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writer = try AtomicFileWriter(path: folder + "/a.txt")
        try writer.commit()
        #expect(throws: FileWriteError.self) { try writer.write("late") }
        #expect(throws: FileWriteError.self) { try writer.commit() }
    }

    @Test func replaceCommitsWhatTheBodyWrote() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/out.txt"
        try AtomicFileWriter.replace(target) { writer in try writer.write("whole\n") }
        #expect(try contents(target) == "whole\n")
    }

    @Test func replaceLeavesNothingWhenTheBodyFails() throws {
        struct Stop: Error {}
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/out.txt"
        try "old\n".write(toFile: target, atomically: false, encoding: .utf8)
        #expect(throws: Stop.self) {
            try AtomicFileWriter.replace(target) { writer in
                try writer.write("half")
                throw Stop()
            }
        }
        #expect(try contents(target) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
    }
}

extension AtomicFileWriterTests {
    @Test func longFileNamesStillGetATemporary() throws {
        let folder = NSTemporaryDirectory() + "yotq-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = String(repeating: "ŵ", count: 120)  // 240 bytes
        let writer = try AtomicFileWriter(path: folder + "/" + name)
        try writer.write("ok")
        try writer.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [name])
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old\n".write(toFile: folder + "/real.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: "real.csv")
        let writer = try AtomicFileWriter(path: folder + "/link.csv")
        try writer.write("new\n")
        try writer.commit()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.csv") == "real.csv")
        #expect(try contents(folder + "/real.csv") == "new\n")
        #expect(try entries(folder) == ["link.csv", "real.csv"])
    }

    @Test func aDeviceIsWrittenStraightThroughNotReplaced() throws {
        let writer = try AtomicFileWriter(path: "/dev/null")
        #expect(writer.temporaryPath == nil)
        try writer.write("discarded\n")
        try writer.commit()
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aFolderIsRefused() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect {
            _ = try AtomicFileWriter(path: folder)
        } throws: { error in
            (error as? FileWriteError)?.message == "cannot create \(folder): Is a directory"
        }
        #expect(try entries(folder).isEmpty)
    }
}

extension AtomicFileWriterTests {
    @Test func aDanglingLinkIsWrittenThroughNotReplaced() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let link = folder + "/report.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target/new.csv")
        try FileManager.default.createDirectory(atPath: folder + "/target", withIntermediateDirectories: true)
        try AtomicFileWriter.replace(link) { writer in try writer.write("a\n1\n") }
        // The link is still a link, and the file it names now exists with the bytes.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target/new.csv")
        #expect(try contents(folder + "/target/new.csv") == "a\n1\n")
    }

    @Test func aLoopOfLinksIsAnErrorNotAHang() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/a", withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b", withDestinationPath: "a")
        #expect(throws: FileWriteError.self) { try AtomicFileWriter.replace(folder + "/a") { try $0.write("x") } }
    }

    @Test func aFolderThatRefusesFilesIsNamed() {
        let error = FileWriteError(path: "/srv/readonly", operation: .createIn, code: EACCES)
        #expect(error.message == "cannot create a file in /srv/readonly: Permission denied")
    }
}
