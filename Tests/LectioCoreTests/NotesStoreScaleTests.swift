import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore

/// A change of one note is made on the file's bytes: the result is the very file a whole
/// rewrite gives, other notes' bytes (and fields this version does not know) stay as they are,
/// and a reader of the file meanwhile sees the old or the new whole document.
@Suite struct NotesStoreScaleTests {
    let identity = NotesFile.TextIdentity(title: "T", path: "/t.txt", sha256: "abc")

    func note(_ i: Int, body: String? = nil) -> Annotation {
        Annotation(anchor: Anchor(section: "S \(i)", start: i * 10, end: i * 10 + 4, exact: "w\(i)\n\"q\"", prefix: "p", suffix: "s"),
                   body: body ?? "Note \(i) #t", id: "id-\(i)", now: Date(timeIntervalSince1970: Double(i)))
    }

    func write(_ notes: [Annotation], to path: String) throws {
        try NotesFile(text: identity, notes: notes).encoded().write(to: URL(fileURLWithPath: path))
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func addingReplacingAndDeletingOneNoteGiveTheFileAWholeRewriteGives() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        var expected = (0..<50).map { note($0) }
        try write(expected, to: path)
        let store = NotesStore(path: path) { identity }
        try store.save(note(50))
        expected.append(note(50))
        #expect(try bytes(path) == NotesFile(text: identity, notes: expected).encoded())
        let edited = note(7, body: "edited")
        try store.save(edited)
        expected[7] = edited
        #expect(try bytes(path) == NotesFile(text: identity, notes: expected).encoded())
        for id in ["id-0", "id-25", "id-50"] {
            try store.delete(id: id)
            expected.removeAll { $0.id == id }
            #expect(try bytes(path) == NotesFile(text: identity, notes: expected).encoded())
        }
        #expect(store.notes == expected)
        #expect(NotesStore(path: path) { identity }.notes == expected)
    }

    @Test func theOtherNotesBytesAndUnknownFieldsStayAsTheyAre() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        var notes = (0..<3).map { note($0) }
        notes[1].unknownFields = ["colour": .string("red"), "weight": .number(0.5)]
        notes[2].anchor.unknownFields = ["page": .integer(12)]
        try write(notes, to: path)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let store = NotesStore(path: path, readingNow: false) { identity }
        // An edit of note 1 made without its unknown fields (as the reader makes it).
        var edited = note(1, body: "edited")
        edited.unknownFields = [:]
        try store.save(edited)
        let after = try NotesFile.decode(try bytes(path), path: path)
        #expect(after.notes[1].body == "edited")
        #expect(after.notes[1].unknownFields == ["colour": .string("red"), "weight": .number(0.5)])
        #expect(after.notes[2].anchor.unknownFields == ["page": .integer(12)])
        // The third note's text is exactly as it was.
        let third = String(decoding: NotesJSONWriter.encoded(note: notes[2]), as: UTF8.self)
        let now = try String(contentsOfFile: path, encoding: .utf8)
        #expect(before.contains(third))
        #expect(now.contains(third))
    }

    @Test func aFileInAnotherStyleOrWithSharedIDsIsRewrittenWhole() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        // Compact, as another tool may write it.
        let compact = JSONEncoder()
        try compact.encode(NotesFile(text: identity, notes: [note(0), note(1)])).write(to: URL(fileURLWithPath: path))
        let store = NotesStore(path: path) { identity }
        try store.save(note(2))
        #expect(try bytes(path) == NotesFile(text: identity, notes: [note(0), note(1), note(2)]).encoded())
        // Two notes with one id: the next change tells them apart in the file.
        var twin = note(0)
        twin.body = "twin"
        try write([note(0), twin], to: path)
        let shared = NotesStore(path: path) { identity }
        #expect(shared.notice != nil)
        try shared.save(note(3))
        #expect(try NotesFile.decode(try bytes(path), path: path).notes.map(\.id) == ["id-0", "id-0-2", "id-3"])
    }

    @Test func aReaderDuringWritesSeesTheOldOrTheNewWholeDocument() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        try write((0..<200).map { note($0) }, to: path)
        let writes = 40
        let done = DispatchSemaphore(value: 0)
        let notes = (0..<writes).map { note(1000 + $0) }
        let identity = identity
        let writer = Thread {
            let store = NotesStore(path: path) { identity }
            for n in notes { try? store.save(n) }
            done.signal()
        }
        writer.start()
        var counts: [Int] = []
        var unreadable = 0
        while done.wait(timeout: .now()) == .timedOut {
            guard let data = try? AtomicFile.read(path) else { continue }
            do { counts.append(try NotesFile.decode(data, path: path).notes.count) } catch { unreadable += 1 }
        }
        #expect(unreadable == 0)
        #expect(counts == counts.sorted())
        #expect(counts.allSatisfy { (200...(200 + writes)).contains($0) })
        #expect(try NotesFile.decode(try bytes(path), path: path).notes.count == 200 + writes)
    }
}
