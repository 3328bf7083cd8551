import Foundation
import Testing
import LectioTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `lectio notes add` when the notes file cannot be written: past `ulimit -f`, and while another
/// process holds its lock. A clear message, exit 1, nothing left behind.
@Suite(.serialized) struct NotesSafetyEndToEndTests {
    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path), "build lectio first")
    }

    /// `ulimit -f 1` (512 bytes) and a note longer than that, or `ulimit -f 0`: the write fails
    /// with EFBIG instead of SIGXFSZ killing the process (not even at the lock file's pid), the
    /// message says so, and no temporary file is left.
    @Test(arguments: [0, 1])
    func aSavePastTheFileSizeLimitFailsCleanly(blocks: Int) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notesPath = folder.appendingPathComponent("notes.json").path
        let body = String(repeating: "A long note. ", count: 200)
        let script = "ulimit -f \(blocks); exec \"$0\" \"$@\" 2>&1"
        let (status, output) = try Spawn.run("/bin/sh", ["-c", script, LectioBinary.path, "notes", "add", "--notes", notesPath,
                                                          "--quote", "The truth will out.", "--body", body],
                                             environment: ProcessInfo.processInfo.environment, captureOutput: true)
        #expect(status == 1)
        #expect(output.contains("file too large"))
        #expect(output.contains(notesPath))
        #expect(!output.contains("The operation could not be completed"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left.filter { $0.hasSuffix(".tmp") }.isEmpty)
        #expect(!left.contains("notes.json"))
        // Without the limit the same command saves the note.
        let again = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "The truth will out.", "--body", body])
        #expect(again.status == 0)
        #expect(FileManager.default.fileExists(atPath: notesPath))
    }

    /// Another process holds the lock: `notes add` gives up after its two seconds, names the
    /// holder from the pid in the lock file, exits 1, and the file is unchanged.
    @Test func aLockedNotesFileMakesNotesAddFailWithinSeconds() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notesPath = folder.appendingPathComponent("notes.json").path
        let first = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "Moscow", "--occurrence", "1", "--body", "first"])
        try #require(first.status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: notesPath))
        // Held on an open file description of this test process, with this process's pid in it.
        let lock = open(notesPath + ".lock", O_RDWR | O_CLOEXEC)
        try #require(lock >= 0)
        defer { close(lock) }
        try #require(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let pid = Array("\(getpid())\n".utf8)
        #expect(pwrite(lock, pid, pid.count, 0) == pid.count)
        let started = Date()
        let add = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "Moscow", "--occurrence", "1", "--body", "second"])
        let waited = Date().timeIntervalSince(started)
        #expect(add.status == 1)
        #expect(add.stderr.contains("locked by another process (pid \(getpid()))"))
        #expect(waited >= 1.9 && waited < 10)
        #expect(try Data(contentsOf: URL(fileURLWithPath: notesPath)) == before)
    }

    /// Two notes with one id: `notes list` tells them apart and says so on standard error;
    /// listing writes nothing.
    @Test func notesThatShareAnIdAreListedApartWithANotice() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notesPath = folder.appendingPathComponent("notes.json").path
        let first = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "Moscow", "--occurrence", "1", "--body", "first"])
        try #require(first.status == 0)
        let id = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // Another tool copied the note, id and all.
        let data = try Data(contentsOf: URL(fileURLWithPath: notesPath))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var notes = try #require(json["notes"] as? [[String: Any]])
        notes.append(notes[0])
        json["notes"] = notes
        let doubled = try JSONSerialization.data(withJSONObject: json)
        try doubled.write(to: URL(fileURLWithPath: notesPath))
        let list = try LectioBinary.run(["notes", "list", "--notes", notesPath, "--json"])
        #expect(list.status == 0)
        #expect(list.stderr.contains("2 notes shared an id"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { ($0["note"] as? [String: Any])?["id"] as? String }.sorted() == [id, id + "-2"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: notesPath)) == doubled)
    }
}
