import Foundation
import Testing
import LectioCore
import LectioTestSupport

/// Two copies merged by id; W3C annotations from another tool read back by their quotes.
struct NotesMergeAndImportTests {
    func note(_ id: String, _ body: String, modified: String) -> Annotation {
        var n = Annotation(anchor: Anchor(section: "", start: 0, end: 4, exact: "word", prefix: "", suffix: ""), body: body, id: id)
        n.created = "2026-11-01T10:00:00Z"
        n.modified = modified
        return n
    }

    @Test func theLaterModifiedWinsAndEqualTimesWithDifferentBodiesKeepBoth() {
        let ours = [note("a", "A old", modified: "2026-11-02T10:00:00Z"), note("b", "B mine", modified: "2026-11-05T10:00:00Z"),
                    note("c", "C here", modified: "2026-11-03T10:00:00Z"), note("o", "Only ours", modified: "2026-11-03T10:00:00Z")]
        let theirs = [note("a", "A new", modified: "2026-11-02T12:00:00+01:00").self, note("b", "B theirs", modified: "2026-11-04T10:00:00Z"),
                      note("c", "C there", modified: "2026-11-03T10:00:00Z"), note("t", "Only theirs", modified: "2026-11-01T10:00:00Z")]
        let result = NotesMerge.merge(ours, theirs)
        let bodies = Dictionary(uniqueKeysWithValues: result.notes.map { ($0.id, $0.body) })
        // 12:00+01:00 is 11:00Z: later than 10:00Z.
        #expect(bodies["a"] == "A new")
        #expect(bodies["b"] == "B mine")
        #expect(bodies["o"] == "Only ours")
        #expect(bodies["t"] == "Only theirs")
        #expect(bodies["c"] == "C here")
        #expect(bodies["c-2"] == "C there")
        #expect(result.notes.filter { $0.tags.contains("conflict") }.map(\.id).sorted() == ["c", "c-2"])
        #expect((result.added, result.updated, result.conflicts) == (1, 1, 1))
        // Merging again changes nothing.
        #expect(NotesMerge.merge(result.notes, theirs).notes.count == result.notes.count)
    }

    @Test func syncConflictCopiesAreFoundBesideTheNotesFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["book-1a2b.json", "book-1a2b.sync-conflict-20261126-101010-ABCDEFG.json",
                     "book-1a2b (Ann's conflicted copy 2026-11-26).json", "other.sync-conflict-1.json"] {
            try Data("{}".utf8).write(to: folder.appendingPathComponent(name))
        }
        let found = NotesMerge.conflictCopies(of: folder.appendingPathComponent("book-1a2b.json").path).map { ($0 as NSString).lastPathComponent }
        #expect(found == ["book-1a2b (Ann's conflicted copy 2026-11-26).json", "book-1a2b.sync-conflict-20261126-101010-ABCDEFG.json"])
    }

    @Test func annotationsFromAnotherToolArePlacedByTheirQuoteNotTheirPosition() throws {
        let document = try Fixtures.bundledDocument()
        let canonical = CanonicalText(document: document)
        let source = SourceText.of(file: Fixtures.bundledTextPath, document: document, canonical: canonical)
        // One annotation as an object (not an array), body as an object, a wrong position hint.
        let json = """
            {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "items": [
              {"id": "https://example.org/anno/1", "type": "Annotation",
               "body": {"type": "TextualBody", "value": "From another tool"},
               "target": {"source": "file:///elsewhere.txt", "selector": [
                 {"type": "TextPositionSelector", "start": 5, "end": 24},
                 {"type": "TextQuoteSelector", "exact": "The truth will out.", "prefix": "overcome. ", "suffix": "\\n\\nNot"}]}},
              {"type": "Annotation", "body": [{"type": "TextualBody", "value": "Gone", "purpose": "commenting"},
                                              {"type": "TextualBody", "value": "lost", "purpose": "tagging"}],
               "target": {"selector": {"type": "TextQuoteSelector", "exact": "a sentence no edition has"}}}
            ]}
            """
        let notes = try WebAnnotationImport.notes(from: Data(json.utf8), document: document, text: source)
        #expect(notes.count == 2)
        #expect(notes[0].id == "https://example.org/anno/1")
        #expect(notes[0].body == "From another tool")
        #expect(notes[0].anchor.start == 7379)
        #expect(notes[0].anchor.section.hasPrefix("Chapter 7"))
        let placed = PlacedNote.place(notes, in: source)
        #expect(placed.first { $0.annotation.body == "Gone" }?.status == .orphan)
        #expect(notes[1].tags == ["lost"])
        #expect(throws: WebAnnotationImport.Failure.self) {
            try WebAnnotationImport.notes(from: Data("[{\"type\": \"Annotation\"}]".utf8), document: document, text: source)
        }
    }
}
