import Foundation
import Testing
import LectioCore
import LectioTestSupport

/// Notes follow the book: found by the text's size and SHA-256, else by title and quotes.
struct NotesRelocationTests {
    func notesFile(title: String, textPath: String, sha: String, size: Int?, quotes: [String]) -> NotesFile {
        let notes = quotes.enumerated().map { i, q in
            Annotation(anchor: Anchor(section: "", start: 0, end: q.unicodeScalars.count, exact: q, prefix: "", suffix: ""), body: "n\(i)", id: "n\(i)")
        }
        return NotesFile(text: .init(title: title, path: textPath, sha256: sha, size: size), notes: notes)
    }

    @Test func theNotesOfAMovedTextAreFoundByItsHashAndMoved() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes").path
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
        let gone = folder.appendingPathComponent("old/book.txt").path
        try notesFile(title: "Book", textPath: gone, sha: "abc", size: 10, quotes: ["x"]).encoded()
            .write(to: URL(fileURLWithPath: notes + "/book-111.json"))
        try notesFile(title: "Other", textPath: "/elsewhere", sha: "def", size: 10, quotes: ["y"]).encoded()
            .write(to: URL(fileURLWithPath: notes + "/other-222.json"))
        try Data("not json".utf8).write(to: URL(fileURLWithPath: notes + "/broken.json"))
        var hashed = 0
        let found = NotesRelocation.find(in: notes, excluding: notes + "/book-333.json", size: 10,
                                         sha256: { hashed += 1; return "abc" }, placesWell: { _ in false })
        #expect(found == notes + "/book-111.json")
        #expect(hashed == 1, "hashed once, and only because sizes matched")
        #expect(NotesRelocation.find(in: notes, excluding: "", size: 99, sha256: { Issue.record("hashed for nothing"); return "" },
                                     placesWell: { _ in false }) == nil)

        try NotesRelocation.relink(from: notes + "/book-111.json", to: notes + "/book-333.json", textPath: "/new/book.txt")
        #expect(!FileManager.default.fileExists(atPath: notes + "/book-111.json"), "the old text is gone: moved")
        let moved = try NotesFile.decode(try Data(contentsOf: URL(fileURLWithPath: notes + "/book-333.json")), path: "")
        #expect(moved.text.path == "/new/book.txt")
        #expect(moved.notes.map(\.body) == ["n0"])
    }

    @Test func anEditedCopyIsFoundByTitleAndQuotesAndCopied() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try Fixtures.bundledDocument()
        let source = SourceText(canonical: CanonicalText(document: document))
        let title = document.title
        let here = folder.appendingPathComponent("still-here.txt").path
        try Data("text".utf8).write(to: URL(fileURLWithPath: here))
        let quotes = ["The truth will out.", "Kremlin-ordered murders", "Vyshinsky", "defend Trotsky’s honor"]
        let file = notesFile(title: title, textPath: here, sha: "older-edition", size: 1, quotes: quotes)
        #expect(NotesRelocation.placesWell(file, title: title, in: source))
        #expect(!NotesRelocation.placesWell(notesFile(title: "Another book", textPath: here, sha: "", size: 1, quotes: quotes), title: title, in: source))
        #expect(!NotesRelocation.placesWell(notesFile(title: title, textPath: here, sha: "", size: 1, quotes: ["not in it", "nor this", "Vyshinsky"]),
                                            title: title, in: source))
        try file.encoded().write(to: folder.appendingPathComponent("a.json"))
        let found = NotesRelocation.find(in: folder.path, excluding: "", size: 5, sha256: { "new-edition" }) {
            NotesRelocation.placesWell($0, title: title, in: source)
        }
        #expect(found == folder.appendingPathComponent("a.json").path)
        try NotesRelocation.relink(from: folder.appendingPathComponent("a.json").path, to: folder.appendingPathComponent("b.json").path, textPath: "/copy.txt")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a.json").path), "its text is still there: copied")
    }
}
