import Foundation
import Testing
import LectioCore
import LectioTestSupport

/// Schema 1 files (offsets in the reader's text) become schema 2 (offsets in the file) when
/// opened with their text; the old file is kept beside it.
struct NotesMigrationTests {
    let document: Document
    let canonical: CanonicalText
    let source: SourceText
    init() throws {
        document = try Fixtures.bundledDocument()
        canonical = CanonicalText(document: document)
        source = SourceText.of(file: Fixtures.bundledTextPath, document: document, canonical: canonical)
    }

    func fileScalars() throws -> [Unicode.Scalar] {
        Array(try String(contentsOfFile: Fixtures.bundledTextPath, encoding: .utf8).unicodeScalars)
    }

    @Test func aVersionOneFileIsMigratedOnOpenAndKeptAsBackup() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        // As version 1 wrote it: canonical offsets and context, an unknown field in the anchor.
        let start = try #require(canonical.occurrences(of: Array("The truth will out.".unicodeScalars)).first)
        var old = Anchoring.anchor(document: document, text: canonical, start: start, end: start + 19)
        old.unknownFields["page"] = .integer(12)
        var note = Annotation(anchor: old, body: "Creed", id: "a")
        note.unknownFields["colour"] = .string("blue")
        let orphan = Annotation(anchor: Anchor(section: "Gone", start: 3, end: 9, exact: "not here at all", prefix: "", suffix: ""), body: "Lost", id: "b")
        var v1 = NotesFile(text: .init(title: "T", path: "/t", sha256: "s"), notes: [note, orphan])
        v1.schemaVersion = 1
        let original = try v1.encoded()
        try original.write(to: URL(fileURLWithPath: path))
        #expect(old.start == 7351, "the issue's figure: 28 characters short of the file's")

        let store = NotesStore(path: path, migration: NotesMigration { source }) { v1.text }
        #expect(store.readOnlyReason == nil)
        let backup = try Data(contentsOf: URL(fileURLWithPath: path + ".v1.bak"))
        #expect(backup == original)
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        #expect(raw.contains("\"schemaVersion\" : 2"))
        let migrated = try #require(store.notes.first { $0.id == "a" })
        #expect(migrated.anchor.start == 7379)
        #expect(migrated.anchor.exact == "The truth will out.")
        #expect(migrated.anchor.suffix.hasPrefix("\n\nNot one piece"))
        let file = try fileScalars()
        #expect(String(String.UnicodeScalarView(file[migrated.anchor.start..<migrated.anchor.end])) == migrated.anchor.exact)
        #expect(migrated.anchor.unknownFields["page"] == .integer(12))
        #expect(migrated.unknownFields["colour"] == .string("blue"))
        #expect(store.notes.first { $0.id == "b" }?.anchor == orphan.anchor, "an orphan keeps its anchor")
        // Placed again in the reader's text, the migrated note is where it was.
        #expect(PlacedNote.place(store.notes, in: source).first?.range == start..<(start + 19))
    }

    @Test func withoutItsTextAVersionOneFileKeepsItsVersion() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        var v1 = NotesFile(text: .init(title: "T", path: "/t", sha256: "s"), notes: [])
        v1.schemaVersion = 1
        try v1.encoded().write(to: URL(fileURLWithPath: path))
        let store = NotesStore(path: path) { v1.text }
        try store.save(Annotation(anchor: Anchor(section: "", start: 0, end: 1, exact: "x", prefix: "", suffix: ""), body: "b"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"schemaVersion\" : 1"))
        #expect(!FileManager.default.fileExists(atPath: path + ".v1.bak"))
    }

    @Test func aNewerSchemaIsStillRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let content = "{\"schemaVersion\": 3, \"notes\": [], \"text\": {}}"
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        let store = NotesStore(path: path, migration: NotesMigration { source }) { .init(title: "", path: "", sha256: "") }
        #expect(store.readOnlyReason?.contains("schemaVersion 3") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }
}
