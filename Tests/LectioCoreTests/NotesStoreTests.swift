import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore

@Suite struct NotesStoreTests {
    let identity = NotesFile.TextIdentity(title: "T", path: "/t.txt", sha256: "abc")

    func note(_ body: String, id: String = UUID().uuidString) -> Annotation {
        Annotation(anchor: Anchor(section: "S", start: 1, end: 5, exact: "word", prefix: "a ", suffix: " b"), body: body, id: id)
    }

    @Test func roundTripWithSortedPrettyKeys() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sub/notes.json").path
        let store = NotesStore(path: path) { identity }
        try store.save(note("first #a", id: "1"))
        try store.save(note("second", id: "2"))
        let raw = try String(contentsOfFile: path, encoding: .utf8)
        #expect(raw.contains("\"schemaVersion\" : 2"))
        // Keys sorted: anchor < body < created < id < modified < tags.
        let keys = ["\"anchor\"", "\"body\"", "\"created\"", "\"id\"", "\"modified\"", "\"tags\""]
        let positions = keys.map { raw.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(raw.hasSuffix("}\n"))
        let again = NotesStore(path: path) { identity }
        #expect(again.notes == store.notes)
        #expect(again.notes.map(\.body) == ["first #a", "second"])
        #expect(again.notes[0].tags == ["a"])
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sub").path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func twoStoresOnOneFileKeepEachOthersNotes() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let a = NotesStore(path: path) { identity }
        let b = NotesStore(path: path) { identity }
        try a.save(note("from a", id: "a1"))
        try b.save(note("from b", id: "b1"))
        try a.delete(id: "nothing")
        #expect(Set(a.notes.map(\.id)) == ["a1", "b1"])
        try b.save(b.notes.first { $0.id == "a1" }!.editing(body: "edited by b"))
        try a.reload()
        #expect(a.notes.first { $0.id == "a1" }?.body == "edited by b")
    }

    @Test(arguments: [
        ("not json at all", "not a JSON notes file"),
        ("{\"schemaVersion\": 1, \"notes\": 3, \"text\": {\"title\": \"t\", \"path\": \"p\", \"sha256\": \"s\"}}", "wrong type at notes"),
        ("{\"schemaVersion\": 1, \"notes\": []}", "missing field \"text\""),
        ("{\"notes\": []}", "no schemaVersion"),
    ])
    func unreadableFilesAreNeverOverwritten(content: String, reason: String) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        let store = NotesStore(path: path) { identity }
        let why = try #require(store.readOnlyReason)
        #expect(why.contains(path))
        #expect(why.contains(reason))
        #expect(throws: NotesFileError.self) { try store.save(note("x")) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }

    @Test func aNewerSchemaVersionIsRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("notes.json").path
        let content = "{\"schemaVersion\": 7, \"notes\": [], \"text\": {}, \"future\": true}"
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        let store = NotesStore(path: path) { identity }
        #expect(store.readOnlyReason?.contains("newer Lectio (schemaVersion 7)") == true)
        #expect(throws: NotesFileError.self) { try store.save(note("x")) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }

    @Test func defaultLocationFollowsXDG() {
        let env = ["XDG_DATA_HOME": "/data", "HOME": "/home/r"]
        let path = NotesLocation.defaultPath(forText: "/books/War and Peace.txt", environment: env)
        #expect(path.hasPrefix("/data/lectio/notes/War-and-Peace-"))
        #expect(path.hasSuffix(".json"))
        #expect(NotesLocation.defaultPath(forText: "/books/War and Peace.txt", environment: env) == path)
        #expect(NotesLocation.defaultPath(forText: "/other/War and Peace.txt", environment: env) != path)
        #expect(NotesLocation.dataHome(environment: ["HOME": "/home/r"]) == "/home/r/.local/share/lectio")
        // The bundled text's notes have one name whatever build runs it; its reading state the same name.
        #expect(NotesLocation.defaultPath(forText: "/build/debug/x/sedov-broue.txt", bundled: true, environment: env) == "/data/lectio/notes/bundled-sedov-broue.json")
        let state = ReadingState.path(forText: "/books/War and Peace.txt", bundled: false, environment: env.merging(["XDG_STATE_HOME": "/st"]) { $1 })
        #expect(state == "/st/lectio/" + (path as NSString).lastPathComponent)
        #expect(NotesLocation.dataHome(environment: ["HOME": "/home/r", "XDG_DATA_HOME": "relative"]) == "/home/r/.local/share/lectio")
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func markdownExportGroupsBySectionAndWebAnnotationsHaveSelectors() throws {
        let document = try Fixtures.bundledDocument()
        let text = CanonicalText(document: document)
        let source = SourceText.of(file: Fixtures.bundledTextPath, document: document, canonical: text)
        func add(_ quote: String, _ body: String) throws -> Annotation {
            let start = try #require(text.occurrences(of: Array(quote.unicodeScalars)).first)
            return Annotation(anchor: Anchoring.anchor(document: document, text: source, start: start, end: start + quote.unicodeScalars.count), body: body)
        }
        let notes = [try add("The truth will out.", "Creed #tone"), try add("Kremlin-ordered murders", "Opening")]
        let placed = PlacedNote.place(notes, in: source)
        let md = NotesExport.markdown(placed, document: document)
        #expect(md.contains("## Introduction by Peter Katel\n\n> Kremlin-ordered murders\n\nOpening\n"))
        #expect(md.contains("## Chapter 7 — The Pen Against the Moscow Trials [excerpt]\n\n> The truth will out.\n\nCreed #tone\n"))
        #expect(md.range(of: "Introduction")!.lowerBound < md.range(of: "Chapter 7")!.lowerBound)
        let json = try NotesExport.webAnnotations(placed, source: "file:///sedov.txt", document: document, text: source)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(items.count == 2)
        let target = try #require(items[1]["target"] as? [String: Any])
        let selectors = try #require(target["selector"] as? [[String: Any]])
        #expect(selectors.map { $0["type"] as? String } == ["TextQuoteSelector", "TextPositionSelector"])
        #expect(selectors[0]["exact"] as? String == "The truth will out.")
        #expect(selectors[1]["start"] as? Int == notes[0].anchor.start)
        // The position indexes the file itself, which any tool can check.
        let file = Array(try String(contentsOfFile: Fixtures.bundledTextPath, encoding: .utf8).unicodeScalars)
        let start = try #require(selectors[1]["start"] as? Int), end = try #require(selectors[1]["end"] as? Int)
        #expect(String(String.UnicodeScalarView(file[start..<end])) == "The truth will out.")
        #expect(target["source"] as? String == "file:///sedov.txt")
        #expect(items[1]["type"] as? String == "Annotation")
    }
}
