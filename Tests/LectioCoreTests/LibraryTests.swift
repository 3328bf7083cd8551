import Foundation
import LectioCore
import LectioTestSupport
import Testing

/// The library file: its format, recording, forgetting, orders and filters, and files that
/// are not a library.
@Suite struct LibraryTests {
    func entry(_ path: String, _ title: String, opened: TimeInterval, notes: Int = 0, position: Int = 0) -> LibraryEntry {
        LibraryEntry(path: path, title: title, sha256: String(repeating: "0", count: 64), size: 100,
                     lastOpened: Date(timeIntervalSince1970: opened), position: position, notes: notes, footnotes: 2)
    }

    @Test func theFileKeepsEveryFieldAndOneEntryAPath() throws {
        let folder = try Fixtures.temporaryFolder()
        let path = folder.appendingPathComponent("state/library.json").path
        try Library.update(path: path) { $0.record(entry("/t/a.txt", "Alpha", opened: 1_800_000_000, notes: 3, position: 41)) }
        try Library.update(path: path) { $0.record(entry("/t/b.md", "Beta", opened: 1_800_000_100)) }
        // Opening a again replaces its entry.
        let library = try Library.update(path: path) { $0.record(entry("/t/a.txt", "Alpha", opened: 1_800_000_200, notes: 4, position: 56)) }
        #expect(library.entries.count == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        let texts = try #require(json["texts"] as? [[String: Any]])
        #expect(texts.count == 2)
        let first = texts[0]
        #expect(Set(first.keys) == ["path", "title", "sha256", "size", "lastOpened", "position", "notes", "footnotes"])
        #expect(first["path"] as? String == "/t/a.txt")
        #expect(first["lastOpened"] as? String == "2027-01-15T08:03:20.000Z")
        #expect(first["position"] as? Int == 56)
        #expect(first["notes"] as? Int == 4)
        #expect(try Library.load(path: path).sorted(by: .title) == library.sorted(by: .title))
    }

    @Test func forgettingDropsOnlyTheEntry() throws {
        let folder = try Fixtures.temporaryFolder()
        let text = folder.appendingPathComponent("a.txt").path
        try Data("A text.\n".utf8).write(to: URL(fileURLWithPath: text))
        let path = folder.appendingPathComponent("library.json").path
        try Library.update(path: path) { $0.record(entry(text, "A", opened: 1)); $0.record(entry("/t/b", "B", opened: 2)) }
        let library = try Library.update(path: path) { $0.forget(path: text) }
        #expect(library.entries.map(\.path) == ["/t/b"])
        #expect(FileManager.default.fileExists(atPath: text))
    }

    @Test func ordersAndFilter() {
        let library = Library(entries: [
            entry("/x/zeta.txt", "Zeta", opened: 30, notes: 1),
            entry("/x/alpha.txt", "alpha", opened: 10, notes: 9),
            entry("/y/mid.md", "Mid", opened: 20, notes: 5),
        ])
        #expect(library.sorted(by: .last).map(\.title) == ["Zeta", "Mid", "alpha"])
        #expect(library.sorted(by: .title).map(\.title) == ["alpha", "Mid", "Zeta"])
        #expect(library.sorted(by: .notes).map(\.title) == ["alpha", "Mid", "Zeta"])
        #expect(Library.filter(library.entries, by: "ZET").map(\.title) == ["Zeta"])
        #expect(Library.filter(library.entries, by: "/y/").map(\.title) == ["Mid"])
        #expect(Library.Order.notes.next == .last)
    }

    @Test func aFileThatIsNotALibraryIsNeverOverwritten() throws {
        let folder = try Fixtures.temporaryFolder()
        let path = folder.appendingPathComponent("library.json").path
        let junk = Data("{\"not\": \"a library\"}".utf8)
        try junk.write(to: URL(fileURLWithPath: path))
        #expect(throws: AtomicFile.Failure.self) { try Library.update(path: path) { $0.record(entry("/a", "A", opened: 1)) } }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)
        let newer = Data("{\"schemaVersion\": 7, \"texts\": []}".utf8)
        try newer.write(to: URL(fileURLWithPath: path))
        do {
            _ = try Library.load(path: path)
            Issue.record("a newer library was read")
        } catch {
            #expect("\(error)".contains("newer Lectio"))
        }
        #expect(try Library.load(path: folder.appendingPathComponent("none.json").path).entries.isEmpty)
    }

    @Test func listingJSONForScriptsAndMissingFiles() throws {
        let listing = LibraryListing([entry("/gone/a.txt", "A", opened: 1_800_000_000, notes: 2, position: 30)], fileExists: { _ in false })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(listing.json().utf8)) as? [[String: Any]])
        #expect(json.count == 1)
        #expect(json[0]["path"] as? String == "/gone/a.txt")
        #expect(json[0]["title"] as? String == "A")
        #expect(json[0]["position"] as? Int == 30)
        #expect(json[0]["notes"] as? Int == 2)
        #expect(json[0]["missing"] as? Bool == true)
        #expect(json[0]["lastOpened"] as? String == "2027-01-15T08:00:00.000Z")
        #expect(listing.text().contains("A  [missing]"))
    }

    @Test func aFoldersTextsAreItsTxtMdAndEpubFiles() throws {
        let folder = try Fixtures.temporaryFolder()
        for name in ["b.md", "a.txt", "c.epub", "d.pdf", ".hidden.txt", "notes.json"] {
            try Data("x\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub.txt"), withIntermediateDirectories: true)
        let names = try LibraryListing.texts(inFolder: folder.path).map { ($0 as NSString).lastPathComponent }
        #expect(names == ["a.txt", "b.md", "c.epub"])
    }
}
