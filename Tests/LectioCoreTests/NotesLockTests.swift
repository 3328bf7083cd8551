import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore
#if canImport(Glibc)
import Glibc
#endif

/// A lock held by another process makes a change fail within the timeout, saying so, with
/// nothing written; it never waits for ever.
@Suite struct NotesLockTests {
    let identity = NotesFile.TextIdentity(title: "T", path: "/t.txt", sha256: "abc")

    func note(_ body: String, id: String = UUID().uuidString) -> Annotation {
        Annotation(anchor: Anchor(section: "S", start: 1, end: 5, exact: "word", prefix: "a ", suffix: " b"), body: body, id: id)
    }

    /// Holds `FILE.lock` on an open file description of its own, as another process would
    /// (`flock` locks belong to the open file description, so this conflicts within one process).
    func holdLock(of path: String) throws -> Int32 {
        let fd = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        try #require(flock(fd, LOCK_EX | LOCK_NB) == 0)
        return fd
    }

    @Test func aHeldLockFailsWithinTheTimeoutAndWritesNothing() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let store = NotesStore(path: path, lockTimeout: 0.3) { identity }
        try store.save(note("kept", id: "1"))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let held = try holdLock(of: path)
        let started = Date()
        let error = try #require(throws: NotesFileError.self) { try store.save(note("waits", id: "2")) }
        let waited = Date().timeIntervalSince(started)
        #expect("\(error)".contains("locked"))
        #expect("\(error)".contains(path))
        #expect(waited >= 0.25 && waited < 1.5)
        // Nothing written, and the store still shows what the file holds.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(store.notes.map(\.id) == ["1"])
        #expect(throws: NotesFileError.self) { try store.delete(id: "1") }
        // Once the other lets go, the same change goes through.
        close(held)
        try store.save(note("waits", id: "2"))
        #expect(NotesStore(path: path) { identity }.notes.map(\.id) == ["1", "2"])
    }

    @Test func theHolderWritesItsPidAndAWaiterNamesIt() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let holder = NotesStore(path: path) { identity }
        let waiter = NotesStore(path: path, lockTimeout: 0.1) { identity }
        var lockFileWhileHeld = ""
        var waiterError: Error?
        try holder.change { notes in
            lockFileWhileHeld = (try? String(contentsOfFile: path + ".lock", encoding: .utf8)) ?? ""
            do { try waiter.save(note("from the waiter")) } catch { waiterError = error }
            notes.append(note("from the holder", id: "h"))
        }
        #expect(lockFileWhileHeld == "\(getpid())\n")
        let error = try #require(waiterError as? NotesFileError)
        #expect(error == .locked(path, pid: getpid()))
        #expect(error.description.contains("locked by another process (pid \(getpid()))"))
        // Released: no pid is left behind to be named by mistake, and the holder's note is in.
        #expect(try String(contentsOfFile: path + ".lock", encoding: .utf8).isEmpty)
        #expect(NotesStore(path: path) { identity }.notes.map(\.id) == ["h"])
    }

    /// Another process (a shell running `flock`) holds the lock; when it wrote its pid in the
    /// lock file, the message names it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")), arguments: [true, false])
    func aLockHeldByAnotherProcess(writesItsPid: Bool) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell locks the file on descriptor 9, then becomes `sleep`, which keeps it.
        other.arguments = ["-c", "exec 9>\"$0\"; /usr/bin/flock 9; \(writesItsPid ? "echo $$ >&9;" : "") exec sleep 30", path + ".lock"]
        try other.run()
        defer {
            other.terminate()
            other.waitUntilExit()
        }
        // Wait until the other process holds the lock (and has written its pid).
        let probe = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(probe) }
        let deadline = Date().addingTimeInterval(10)
        var buffer = [UInt8](repeating: 0, count: 16)
        while flock(probe, LOCK_EX | LOCK_NB) == 0 || (writesItsPid && pread(probe, &buffer, 16, 0) <= 0) {
            flock(probe, LOCK_UN)
            try #require(Date() < deadline, "the other process never took the lock")
            usleep(10_000)
        }
        let store = NotesStore(path: path, lockTimeout: 0.2) { identity }
        let error = try #require(throws: NotesFileError.self) { try store.save(note("x")) }
        #expect(error == .locked(path, pid: writesItsPid ? other.processIdentifier : nil))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
