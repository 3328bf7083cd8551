import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore
#if canImport(Glibc)
import Glibc
#endif

/// Saving a notes file cannot be redirected by planted symlinks, keeps the file's mode and
/// group, follows a notes file that is a symlink to its target, and says why a file cannot be read.
@Suite struct NotesFileSafetyTests {
    let identity = NotesFile.TextIdentity(title: "T", path: "/t.txt", sha256: "abc")

    func note(_ body: String, id: String = UUID().uuidString) -> Annotation {
        Annotation(anchor: Anchor(section: "S", start: 1, end: 5, exact: "word", prefix: "a ", suffix: " b"), body: body, id: id)
    }

    func isSymlink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    func mode(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    @Test func symlinksPlantedAtTemporaryNamesAreNeverFollowed() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim.txt").path
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        let path = folder.appendingPathComponent("notes.json").path
        let store = NotesStore(path: path) { identity }
        try store.save(note("first"))
        // The names an attacker could guess: the old `.NAME.PID.tmp` for this and nearby pids, and others.
        let pid = Int(getpid())
        let guesses = (pid - 3...pid + 3).map { ".notes.json.\($0).tmp" } + [".notes.json.tmp", "notes.json.tmp", "notes.json~", ".notes.json.swp"]
        for name in guesses {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: victim)
        }
        for i in 0..<5 { try store.save(note("more \(i)")) }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(guesses.allSatisfy { isSymlink(folder.appendingPathComponent($0).path) })
        #expect(!isSymlink(path))
        #expect(NotesStore(path: path) { identity }.notes.count == 6)
    }

    @Test func temporaryNamesAreUnpredictableAndNeverReused() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("notes.json").path
        var names: Set<String> = []
        for _ in 0..<50 {
            let (fd, temporary) = try AtomicFile.createTemporary(in: folder.path, for: target)
            close(fd)
            names.insert((temporary as NSString).lastPathComponent)
            #expect(mode(temporary) == 0o600)
        }
        // Every call made a new file: none was opened again, and no name repeats.
        #expect(names.count == 50)
        #expect(names.allSatisfy { $0.hasPrefix(".notes.json.") && $0.hasSuffix(".tmp") && !$0.contains(".\(getpid()).") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 50)
    }

    @Test func aNotesFileThatIsASymlinkStaysALinkAndItsTargetGetsTheNotes() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("synced/notes.json").path
        try FileManager.default.createDirectory(atPath: (real as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "synced/notes.json")
        // A dangling link: the first save creates its target.
        let store = NotesStore(path: link) { identity }
        try store.save(note("one", id: "1"))
        try store.save(note("two", id: "2"))
        #expect(isSymlink(link))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "synced/notes.json")
        #expect(NotesStore(path: real) { identity }.notes.map(\.id) == ["1", "2"])
        // The lock is the target's, shared with anyone who opens the target by its own name.
        #expect(FileManager.default.fileExists(atPath: real + ".lock"))
        #expect(!FileManager.default.fileExists(atPath: link + ".lock"))
        let direct = NotesStore(path: real) { identity }
        try direct.delete(id: "1")
        try store.reload()
        #expect(store.notes.map(\.id) == ["2"])
    }

    /// In a sticky, world-writable folder (like `/tmp`), a link another user planted is not
    /// followed, as the kernel's `protected_symlinks` would refuse; the same link elsewhere is.
    @Test(.enabled(if: geteuid() == 0, "giving a link to another user needs root"), arguments: [true, false])
    func aLinkPlantedByAnotherUserInASharedFolderIsNotFollowed(shared: Bool) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim.json").path
        let original = "{\"schemaVersion\": 1, \"text\": {\"title\": \"t\", \"path\": \"p\", \"sha256\": \"s\"}, \"notes\": []}"
        try original.write(toFile: victim, atomically: false, encoding: .utf8)
        let tmp = folder.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: false)
        #expect(chmod(tmp, shared ? 0o1777 : 0o755) == 0)
        let link = tmp + "/notes.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        #expect(lchown(link, 4321, 4321) == 0)
        let store = NotesStore(path: link) { identity }
        if shared {
            let error = try #require(throws: NotesFileError.self) { try store.save(note("x")) }
            #expect("\(error)".contains("not followed"))
            #expect(try String(contentsOfFile: victim, encoding: .utf8) == original)
        } else {
            try store.save(note("x"))
            #expect(NotesStore(path: victim) { identity }.notes.count == 1)
        }
        #expect(isSymlink(link))
    }

    @Test func aNewFileIsPrivateAndASavedFileKeepsItsModeAndGroup() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let store = NotesStore(path: path) { identity }
        try store.save(note("first"))
        #expect(mode(path) == 0o600)
        #expect(mode(path + ".lock") == 0o600)
        #expect(chmod(path, 0o640) == 0)
        try store.save(note("second"))
        #expect(mode(path) == 0o640)
        #expect(chmod(path, 0o604) == 0)
        if geteuid() == 0 { #expect(chown(path, 0, 4321) == 0) }
        try store.save(note("third"))
        var status = stat()
        #expect(stat(path, &status) == 0)
        if geteuid() == 0 {
            #expect(status.st_gid == 4321)
            #expect(status.st_mode & 0o777 == 0o604)
        } else {
            // Without the right to give it that group, the group loses its permissions instead.
            #expect(status.st_mode & 0o707 == 0o604)
        }
    }

    @Test func theReadingStateIsWrittenTheSameWay() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state/sedov.json").path
        let state = ReadingState(position: 10, top: 0, history: JumpHistory(), marks: [:], searches: [])
        try state.save(path: path)
        #expect(mode(path) == 0o600)
        #expect(mode((path as NSString).deletingLastPathComponent) == 0o700)
        #expect(ReadingState.load(path: path) == state)
        // Something else in its place is no position, and is not waited on.
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        #expect(ReadingState.load(path: path) == nil)
    }

    @Test func aFolderInTheWayIsSaidInWordsAndLeavesNoTemporaryFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state/notes.json").path
        let store = NotesStore(path: path) { identity }
        #expect(store.readOnlyReason == nil)
        // The folder the file goes in turns out to be a file (root may write anywhere, so a
        // permission test would not fail here).
        try "x".write(toFile: folder.appendingPathComponent("state").path, atomically: false, encoding: .utf8)
        let error = try #require(throws: NotesFileError.self) { try store.save(note("lost?")) }
        #expect("\(error)".contains(path))
        #expect("\(error)".contains("not a folder"))
        #expect(store.notes.isEmpty)
        let stateError = try #require(throws: AtomicFile.Failure.self) {
            try ReadingState(position: 0, top: 0, history: JumpHistory(), marks: [:], searches: []).save(path: path)
        }
        // Foundation's `localizedDescription` says the same, not "The operation could not be completed".
        #expect((stateError as Error).localizedDescription == stateError.description)
        #expect((error as Error).localizedDescription == error.description)
        #expect(stateError.description.contains("not a folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["state"])
    }

    @Test func whyAFileCannotBeReadIsTheRealReason() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dir = folder.appendingPathComponent("dir.json").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        #expect(NotesStore(path: dir) { identity }.readOnlyReason?.contains("it is a folder") == true)
        let loop = folder.appendingPathComponent("loop.json").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop2.json")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop2.json").path, withDestinationPath: "loop.json")
        #expect(NotesStore(path: loop) { identity }.readOnlyReason?.contains("too many levels of symbolic links") == true)
        // A FIFO is refused at once instead of waiting for a writer.
        let fifo = folder.appendingPathComponent("fifo.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(NotesStore(path: fifo) { identity }.readOnlyReason?.contains("not a regular file") == true)
        let file = folder.appendingPathComponent("file").path
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        let under = NotesStore(path: file + "/notes.json") { identity }
        #expect(under.readOnlyReason?.contains("a part of its path is not a folder") == true)
        // None of them says "permission denied", and no missing file does either.
        for path in [dir, loop, fifo, file + "/notes.json"] {
            #expect(NotesStore(path: path) { identity }.readOnlyReason?.contains("permission denied") == false)
        }
        let missing = NotesStore(path: folder.appendingPathComponent("none/notes.json").path) { identity }
        #expect(missing.readOnlyReason == nil)
        #expect(missing.notes.isEmpty)
    }
}
