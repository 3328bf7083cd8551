import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore

/// Only regular files are read as texts, within a size limit, and every failure has its own
/// words: nothing blocks on a FIFO or eats the memory reading a device.
@Suite struct SourceFileTests {
    @Test func aFIFOIsRefusedAtOnceWithoutBlocking() throws {
        let fifo = try Fixtures.temporaryFolder().appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let start = Date()
        #expect(throws: TextLoadError.notRegular(fifo, "a FIFO (named pipe)")) { try SourceFile.read(path: fifo) }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func devicesAreRefusedBeforeAByteIsRead() {
        #expect(throws: TextLoadError.notRegular("/dev/zero", "a character device")) { try SourceFile.read(path: "/dev/zero") }
        #expect(throws: TextLoadError.notRegular("/dev/urandom", "a character device")) { try SourceDecoder.load(path: "/dev/urandom") }
    }

    @Test func aFileOverTheLimitIsRefused() throws {
        let file = try Fixtures.temporaryFolder().appendingPathComponent("big.txt")
        try Data(repeating: 0x61, count: 5000).write(to: file)
        #expect(throws: TextLoadError.tooLarge(file.path, size: 5000, limit: 4096)) { try SourceFile.read(path: file.path, maximumSize: 4096) }
        #expect(try SourceFile.read(path: file.path, maximumSize: 5000).count == 5000)
        #expect(TextLoadError.tooLarge("/b", size: 300 << 20, limit: 256 << 20).description == "/b: too large to read (300 MB; the limit is 256 MB)")
    }

    @Test func eachFailureHasItsOwnWords() throws {
        let folder = try Fixtures.temporaryFolder()
        let loop = folder.appendingPathComponent("loop").path
        #expect(symlink(loop, loop) == 0)
        #expect(throws: TextLoadError.unreadable(loop, "too many levels of symbolic links (a symlink loop?)")) { try SourceFile.read(path: loop) }
        #expect(throws: TextLoadError.missing(folder.appendingPathComponent("none").path)) { try SourceFile.read(path: folder.appendingPathComponent("none").path) }
        #expect(throws: TextLoadError.directory(folder.path)) { try SourceFile.read(path: folder.path) }
        #expect(SourceFile.openError(EACCES, path: "/x") == .unreadable("/x", "permission denied"))
    }

    @Test func aSymlinkToATextIsReadThroughIt() throws {
        let folder = try Fixtures.temporaryFolder()
        let target = folder.appendingPathComponent("book.txt")
        try Data("Call me Ishmael.".utf8).write(to: target)
        let link = folder.appendingPathComponent("link.txt").path
        #expect(symlink(target.path, link) == 0)
        #expect(String(decoding: try SourceFile.read(path: link), as: UTF8.self) == "Call me Ishmael.")
    }
}
