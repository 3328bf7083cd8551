import Foundation
import Testing
import LectioTestSupport

/// Annotating like a scholar, through the real binary: a selection from a search match stored
/// with offsets into the file itself, quotes found as search finds them, notes that follow a
/// moved book, merged copies and a W3C round trip.
@Suite(.serialized) struct ScholarNotesEndToEndTests {
    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path), "build lectio first")
    }

    func file(_ path: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func notes(in path: String) throws -> [[String: Any]] {
        try #require(try file(path)["notes"] as? [[String: Any]])
    }

    /// The file's text, as Unicode scalars, from `start` to `end`.
    func slice(_ textPath: String, _ start: Int, _ end: Int) throws -> String {
        let scalars = Array(try String(contentsOfFile: textPath, encoding: .utf8).unicodeScalars)
        try #require(start >= 0 && start <= end && end <= scalars.count)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// The acceptance: `/truth will` Enter `v` `e` `e` `e` `a` "motto" Enter stores
    /// exactly the words selected, at offsets where the file itself holds them.
    @Test func selectFromASearchMatchAndAnnotate() throws {
        try #require(TmuxSession.tmuxPath != nil)
        let notesPath = try Fixtures.temporaryFolder().appendingPathComponent("notes.json").path
        let tmux = try TmuxSession(width: 140, height: 40, command: ReaderEndToEndTests.command("--notes \(LectioBinary.quote(notesPath))"))
        try tmux.wait(for: "? help")
        try tmux.send("/")
        try tmux.send("truth will", literal: true)
        try tmux.send("Enter")
        try tmux.wait(for: "match 1 of 1")
        try tmux.send("v", "e", "e", "e")
        try tmux.wait(for: "SELECT 3 words")
        try tmux.send("a")
        try tmux.wait(for: "┌─ New note")
        try tmux.send("motto", literal: true)
        try tmux.wait(for: "motto")
        try tmux.send("Enter")
        try tmux.wait(for: "Note saved")
        let saved = try notes(in: notesPath)
        #expect(saved.count == 1)
        let anchor = try #require(saved.first?["anchor"] as? [String: Any])
        #expect(anchor["exact"] as? String == "truth will out")
        let start = try #require(anchor["start"] as? Int), end = try #require(anchor["end"] as? Int)
        #expect(try slice(Fixtures.bundledTextPath, start, end) == "truth will out")
        // The context as the file has it: the blank line after the paragraph is there.
        #expect((anchor["suffix"] as? String)?.hasPrefix(".\n\nNot one piece") == true)
        #expect(try file(notesPath)["schemaVersion"] as? Int == 2)
        try tmux.send("q")
        try tmux.wait(for: "DONE")
    }

    @Test func quotesAreFoundAsSearchFindsThemAndAmbiguityIsRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        let notesPath = folder.appendingPathComponent("n.json").path
        let plain = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "defend Trotsky's honor", "--body", "Typed plainly"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let anchor = try #require(try notes(in: notesPath).first?["anchor"] as? [String: Any])
        #expect(anchor["exact"] as? String == "defend Trotsky’s honor")
        #expect(try slice(Fixtures.bundledTextPath, anchor["start"] as? Int ?? -1, anchor["end"] as? Int ?? -1) == "defend Trotsky’s honor")

        let ambiguous = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "Moscow", "--body", "Which?"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("8 occurrences"))
        #expect(ambiguous.stderr.contains("paragraph 3.1 in Chapter 7"))
        #expect(ambiguous.stderr.contains("--occurrence N"))
        let empty = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "Moscow", "--occurrence", "1", "--body", " "])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("the note is empty"))
        let narrowed = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "Moscow", "--at", "3.2", "--body", "Here"])
        #expect(narrowed.status == 0, "\(narrowed.stderr)")
        #expect(try notes(in: notesPath).count == 2)
        // `notes list --json` places each note in the same offsets as the file.
        let list = try LectioBinary.run(["notes", "list", "--notes", notesPath, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        for row in rows {
            let note = try #require(row["note"] as? [String: Any]), anchor = try #require(note["anchor"] as? [String: Any])
            #expect(row["start"] as? Int == anchor["start"] as? Int)
            #expect(try slice(Fixtures.bundledTextPath, row["start"] as? Int ?? -1, row["end"] as? Int ?? -1) == anchor["exact"] as? String)
        }
    }

    /// `mv book.txt elsewhere/`: the notes are found by the text's SHA-256 and shown again.
    @Test func notesFollowAMovedBook() throws {
        try #require(TmuxSession.tmuxPath != nil)
        let home = try Fixtures.temporaryFolder()
        let env = ["XDG_DATA_HOME": home.path, "XDG_STATE_HOME": home.path]
        let first = home.appendingPathComponent("book.txt").path
        try FileManager.default.copyItem(atPath: Fixtures.bundledTextPath, toPath: first)
        let add = try LectioBinary.run(["notes", "add", first, "--quote", "The truth will out.", "--body", "Kept across moves"], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        let oldNotes = try LectioBinary.run(["notes", "where", first], environment: env).stdout.trimmingCharacters(in: .newlines)
        let moved = home.appendingPathComponent("books/book.txt").path
        try FileManager.default.createDirectory(atPath: home.appendingPathComponent("books").path, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: first, toPath: moved)

        let tmux = try TmuxSession(width: 140, height: 40, command: ReaderEndToEndTests.command(LectioBinary.quote(moved), home: home))
        try tmux.wait(for: "Use them here? (y/n)")
        try tmux.send("y")
        try tmux.wait(for: "1 note added")
        try tmux.send("A", "s")
        try tmux.wait(for: "Kept across moves")
        try tmux.send("q", "q")
        try tmux.wait(for: "DONE")
        let newNotes = try LectioBinary.run(["notes", "where", moved], environment: env).stdout.trimmingCharacters(in: .newlines)
        #expect(newNotes != oldNotes)
        #expect(!FileManager.default.fileExists(atPath: oldNotes), "moved, not copied: the old text is gone")
        #expect((try file(newNotes)["text"] as? [String: Any])?["path"] as? String == moved)
    }

    @Test func mergeKeepsEveryNoteOfTwoDivergedCopies() throws {
        let folder = try Fixtures.temporaryFolder()
        let a = folder.appendingPathComponent("notes.json").path
        for (quote, body) in [("The truth will out.", "Shared"), ("defend Trotsky's honor", "Both")] {
            #expect(try LectioBinary.run(["notes", "add", "--notes", a, "--quote", quote, "--body", body]).status == 0)
        }
        let b = folder.appendingPathComponent("notes.sync-conflict-20261126-080000-ABCDEFG.json").path
        try FileManager.default.copyItem(atPath: a, toPath: b)
        #expect(try LectioBinary.run(["notes", "add", "--notes", a, "--quote", "Kremlin-ordered murders", "--body", "Only in A"]).status == 0)
        #expect(try LectioBinary.run(["notes", "add", "--notes", b, "--quote", "Vyshinsky", "--body", "Only in B"]).status == 0)
        let into = folder.appendingPathComponent("merged.json").path
        #expect(try LectioBinary.run(["notes", "merge", a, b, "--into", into]).status == 0)
        #expect(try notes(in: into).count == 4)
        #expect(try file(into)["schemaVersion"] as? Int == 2)
        let merge = try LectioBinary.run(["notes", "merge", a, b])
        #expect(merge.status == 0, "\(merge.stderr)")
        let bodies = try notes(in: a).compactMap { $0["body"] as? String }.sorted()
        #expect(bodies == ["Both", "Only in A", "Only in B", "Shared"])
    }

    @Test func webAnnotationsRoundTripThroughImport() throws {
        let folder = try Fixtures.temporaryFolder()
        let original = folder.appendingPathComponent("original.json").path
        #expect(try LectioBinary.run(["notes", "add", "--notes", original, "--quote", "The truth will out.", "--body", "Creed #tone\nsecond line", "--tag", "trials"]).status == 0)
        #expect(try LectioBinary.run(["notes", "add", "--notes", original, "--quote", "Moscow", "--occurrence", "3", "--body", "Third"]).status == 0)
        let export = try LectioBinary.run(["notes", "export", "--notes", original, "--format", "json"])
        #expect(export.status == 0)
        #expect(export.stdout.contains("\"source\" : \"file:///"))
        let jsonld = folder.appendingPathComponent("notes.jsonld").path
        try export.stdout.write(toFile: jsonld, atomically: true, encoding: .utf8)
        let copy = folder.appendingPathComponent("copy.json").path
        let imported = try LectioBinary.run(["notes", "import", jsonld, "--notes", copy])
        #expect(imported.status == 0, "\(imported.stderr)")
        func normalised(_ path: String) throws -> [NSDictionary] {
            try notes(in: path).sorted { ($0["id"] as? String ?? "") < ($1["id"] as? String ?? "") }.map { $0 as NSDictionary }
        }
        #expect(try normalised(copy) == normalised(original))
        #expect(try normalised(copy).count == 2)
    }

    /// A sync-conflict copy beside the notes file: the reader offers to merge it.
    @Test func theReaderOffersToMergeASyncConflictCopy() throws {
        try #require(TmuxSession.tmuxPath != nil)
        let folder = try Fixtures.temporaryFolder()
        let notesPath = folder.appendingPathComponent("notes.json").path
        #expect(try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "The truth will out.", "--body", "Here"]).status == 0)
        let copy = folder.appendingPathComponent("notes.sync-conflict-20261126-090000-XYZ.json").path
        try FileManager.default.copyItem(atPath: notesPath, toPath: copy)
        #expect(try LectioBinary.run(["notes", "add", "--notes", copy, "--quote", "Vyshinsky", "--body", "On the laptop"]).status == 0)
        let tmux = try TmuxSession(width: 140, height: 40, command: ReaderEndToEndTests.command("--notes \(LectioBinary.quote(notesPath))"))
        try tmux.wait(for: "Merge it in? (y/n)")
        try tmux.send("y")
        try tmux.wait(for: "1 note added")
        #expect(Set(try notes(in: notesPath).compactMap { $0["body"] as? String }) == ["Here", "On the laptop"])
        #expect(!FileManager.default.fileExists(atPath: copy), "renamed, so not offered again")
        #expect(FileManager.default.fileExists(atPath: copy + ".merged"))
        try tmux.send("q")
        try tmux.wait(for: "DONE")
    }

    /// A note added from the command line shows in the open reader within a second, no key pressed.
    @Test func aNoteAddedElsewhereAppearsWithoutAKey() throws {
        try #require(TmuxSession.tmuxPath != nil)
        let notesPath = try Fixtures.temporaryFolder().appendingPathComponent("notes.json").path
        let tmux = try TmuxSession(width: 140, height: 40, command: ReaderEndToEndTests.command("--notes \(LectioBinary.quote(notesPath))"))
        try tmux.wait(for: "? help")
        try tmux.send("A", "s")
        try tmux.wait(for: "all notes (0)")
        #expect(try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "Kremlin-ordered murders", "--body", "From the shell"]).status == 0)
        let screen = try tmux.wait(for: "From the shell")
        #expect(screen.contains("all notes (1)"))
        #expect(screen.contains("The notes file changed on disk: 1 note now"))
        try tmux.send("q", "q")
        try tmux.wait(for: "DONE")
    }
}
