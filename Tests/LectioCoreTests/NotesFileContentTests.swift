import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore

/// What a save keeps: fields written by a newer version or another tool, at every level, and
/// every note when two shared an id.
@Suite struct NotesFileContentTests {
    let identity = NotesFile.TextIdentity(title: "T", path: "/t.txt", sha256: "abc")

    /// A note as JSON, with `extra` members added to the note and `anchorExtra` to its anchor.
    func noteJSON(id: String, body: String, extra: String = "", anchorExtra: String = "") -> String {
        """
        {"id": "\(id)", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z", "body": "\(body)", "tags": [],
         \(extra) "anchor": {\(anchorExtra) "section": "S", "start": 1, "end": 5, "exact": "word", "prefix": "a ", "suffix": " b"}}
        """
    }

    func fileJSON(_ notes: [String], extra: String = "", textExtra: String = "") -> String {
        """
        {"schemaVersion": 1, \(extra) "text": {"title": "T", "path": "/t.txt", "sha256": "abc" \(textExtra)},
         "notes": [\(notes.joined(separator: ", "))]}
        """
    }

    func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func unknownFieldsAtEveryLevelSurviveAnAddAnEditAndADelete() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let content = fileJSON([
            noteJSON(id: "keep", body: "kept", extra: "\"colour\": \"yellow\", \"rating\": 12345678901, \"ratio\": 0.25,",
                     anchorExtra: "\"page\": 12, \"xpath\": null,"),
            noteJSON(id: "gone", body: "deleted", extra: "\"colour\": \"red\","),
        ], extra: "\"sync\": {\"device\": \"tablet\", \"seen\": [1, 2.5, null, true, \"s\", {\"deep\": []}]},",
           textExtra: ", \"language\": \"fr\"")
        try content.write(toFile: path, atomically: false, encoding: .utf8)
        let store = NotesStore(path: path) { identity }
        #expect(store.readOnlyReason == nil)
        try store.save(Annotation(anchor: Anchor(section: "S", start: 9, end: 12, exact: "new", prefix: "", suffix: ""), body: "added", id: "new"))
        try store.delete(id: "gone")
        let kept = try #require(store.notes.first { $0.id == "keep" })
        try store.save(kept.editing(body: "kept, edited"))

        let original = try #require(try JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any])
        let saved = try json(path)
        #expect(saved["sync"] as? NSDictionary == original["sync"] as? NSDictionary)
        #expect((saved["text"] as? [String: Any])?["language"] as? String == "fr")
        let notes = try #require(saved["notes"] as? [[String: Any]])
        #expect(notes.map { $0["id"] as? String } == ["keep", "new"])
        #expect(notes[0]["body"] as? String == "kept, edited")
        #expect(notes[0]["colour"] as? String == "yellow")
        #expect((notes[0]["rating"] as? NSNumber)?.int64Value == 12345678901)
        #expect(notes[0]["ratio"] as? Double == 0.25)
        let anchor = try #require(notes[0]["anchor"] as? [String: Any])
        #expect(anchor["page"] as? Int == 12)
        #expect(anchor["xpath"] is NSNull)
        #expect(notes[1]["colour"] == nil)
        // Still sorted and pretty: the unknown key takes its place among the known ones.
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        let order = ["\"body\"", "\"colour\"", "\"created\"", "\"id\""].map { raw.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted())
        #expect(raw.contains("\n  \"schemaVersion\" : 1,\n"))
    }

    @Test func aNoteSavedWithoutItsUnknownFieldsKeepsThoseInTheFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        try fileJSON([noteJSON(id: "n", body: "old", extra: "\"colour\": \"blue\",", anchorExtra: "\"page\": 3,")])
            .write(toFile: path, atomically: false, encoding: .utf8)
        let store = NotesStore(path: path) { identity }
        // The same note as another part of the program might build it: known fields only.
        let bare = Annotation(anchor: Anchor(section: "S", start: 1, end: 5, exact: "word", prefix: "a ", suffix: " b"), body: "new", id: "n")
        try store.save(bare)
        var note = try #require(try json(path)["notes"] as? [[String: Any]]).first
        #expect(note?["colour"] as? String == "blue")
        #expect((note?["anchor"] as? [String: Any])?["page"] as? Int == 3)
        // Moved to another passage, the anchor's own unknown fields no longer describe it.
        let moved = Annotation(anchor: Anchor(section: "S", start: 40, end: 44, exact: "else", prefix: "", suffix: ""), body: "moved", id: "n")
        try store.save(moved)
        note = try #require(try json(path)["notes"] as? [[String: Any]]).first
        #expect(note?["colour"] as? String == "blue")
        #expect((note?["anchor"] as? [String: Any])?["page"] == nil)
        #expect((note?["anchor"] as? [String: Any])?["start"] as? Int == 40)
    }

    @Test func notesThatShareAnIdAreToldApartAndOneDeleteRemovesOne() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let content = fileJSON([noteJSON(id: "x", body: "first"), noteJSON(id: "x", body: "second"), noteJSON(id: "y", body: "third")])
        try content.write(toFile: path, atomically: false, encoding: .utf8)
        let store = NotesStore(path: path) { identity }
        let other = NotesStore(path: path) { identity }
        #expect(store.notes.map(\.id) == ["x", "x-2", "y"])
        #expect(store.notes.map(\.body) == ["first", "second", "third"])
        #expect(store.notice?.contains("2 notes shared an id") == true)
        // Opening writes nothing.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
        try store.delete(id: "x")
        #expect(store.notes.map(\.body) == ["second", "third"])
        // Another instance that read the same file finds the same new id.
        try other.save(try #require(other.notes.first { $0.id == "x-2" }).editing(body: "second, edited"))
        let reopened = NotesStore(path: path) { identity }
        #expect(reopened.notice == nil)
        #expect(reopened.notes.map(\.id) == ["x-2", "y"])
        #expect(reopened.notes.map(\.body) == ["second, edited", "third"])
    }

    @Test func aNewIdNeverTakesAnIdInUse() {
        func make(_ id: String) -> Annotation {
            Annotation(anchor: Anchor(section: "S", start: 0, end: 1, exact: "a", prefix: "", suffix: ""), body: id, id: id)
        }
        var notes = ["x", "x", "x-2", "x", "z", "z"].map(make)
        let notice = NotesStore.makeIDsUnique(&notes)
        #expect(notes.map(\.id) == ["x", "x-3", "x-2", "x-4", "z", "z-2"])
        #expect(Set(notes.map(\.id)).count == notes.count)
        #expect(notice == "5 notes shared ids; the 3 duplicates got new ids")
        var unique = ["a", "b"].map(make)
        #expect(NotesStore.makeIDsUnique(&unique) == nil)
        #expect(unique.map(\.id) == ["a", "b"])
    }
}
