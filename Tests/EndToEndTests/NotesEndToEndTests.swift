import Foundation
import Testing
import LectioTestSupport

/// Notes through the real binary: the TUI, the command line, two processes at once, and kills.
@Suite(.serialized) struct NotesEndToEndTests {
    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path), "build lectio first")
    }

    func notes(in path: String) throws -> [[String: Any]] {
        let data = try #require(FileManager.default.contents(atPath: path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["notes"] as? [[String: Any]])
    }

    /// Select "The truth will out.", write a note, quit, reopen: the note is in the file as soon
    /// as Enter is pressed, and is shown again.
    @Test func annotateQuitAndReopen() throws {
        try #require(TmuxSession.tmuxPath != nil)
        let notesPath = try Fixtures.temporaryFolder().appendingPathComponent("notes.json").path
        let command = ReaderEndToEndTests.command("--notes \(LectioBinary.quote(notesPath))")
        let tmux = try TmuxSession(width: 140, height: 40, command: command)
        try tmux.wait(for: "? help")
        // Lines as wide as the pane (`=`), the wrapping these steps were written for.
        try tmux.send("=")
        try tmux.wait(for: "Lines as wide as the pane")
        try tmux.send("]", "]", "]")
        try tmux.wait(for: "› Chapter 7")
        // Down to the line that ends with the sentence.
        var screen = try tmux.capture()
        for _ in 0..<30 where !(screen.split(separator: "\n").first { $0.contains("▌") }?.contains("The truth will out.") ?? false) {
            try tmux.send("j")
            screen = try tmux.wait { $0 != screen }
        }
        // The word cursor to the sentence's start, then a character and five word ends.
        try tmux.send("$", "(", "v")
        for _ in 0..<5 { try tmux.send("e") }
        try tmux.wait(for: "SELECT 4 words")
        try tmux.send("a")
        try tmux.wait(for: "┌─ New note")
        try tmux.send("Sedov’s creed — la vérité #trials", literal: true)
        try tmux.wait(for: "#trials")
        try tmux.send("Enter")
        try tmux.wait(for: "Note saved")
        let saved = try notes(in: notesPath)
        #expect(saved.count == 1)
        #expect((saved.first?["anchor"] as? [String: Any])?["exact"] as? String == "The truth will out.")
        #expect(saved.first?["body"] as? String == "Sedov’s creed — la vérité #trials")
        try tmux.send("q")
        try tmux.wait(for: "DONE")

        let again = try TmuxSession(width: 140, height: 40, command: command)
        try again.wait(for: "? help")
        try again.send("=")
        try again.wait(for: "Lines as wide as the pane")
        try again.send("A", "s")
        let list = try again.wait(for: "“The truth will out.”")
        #expect(list.contains("Sedov’s creed — la vérité #trials"))
        try again.send("Enter")
        try again.wait(for: "┌─ Note ─")
        try again.send("Enter")
        let text = try again.wait(for: "▎hardships to be overcome. The truth will out.")
        #expect(text.contains("› Chapter 7"))
    }

    @Test func notesAddListAndExport() throws {
        let notesPath = try Fixtures.temporaryFolder().appendingPathComponent("n.json").path
        let add = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "The truth will out.", "--body", "Creed", "--tag", "trials"])
        #expect(add.status == 0)
        let missing = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "not in the text at all", "--body", "x"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("is not in"))
        let second = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "Moscow", "--occurrence", "2", "--body", "Second Moscow"])
        #expect(second.status == 0)
        let list = try LectioBinary.run(["notes", "list", "--notes", notesPath, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        let markdown = try LectioBinary.run(["notes", "export", "--notes", notesPath, "--format", "markdown"])
        // The first "Moscow" is in the introduction; the second, in Chapter 7's heading.
        #expect(markdown.stdout.contains("## Chapter 7 — The Pen Against the Moscow Trials [excerpt]\n\n> Moscow\n\nSecond Moscow\n\n> The truth will out.\n\nCreed\n"))
        #expect(!markdown.stdout.contains("## Introduction"))
        let json = try LectioBinary.run(["notes", "export", "--notes", notesPath, "--format", "json"])
        #expect(json.stdout.contains("\"TextQuoteSelector\""))
        #expect(json.stdout.contains("\"TextPositionSelector\""))
    }

    @Test func corruptNotesFileIsLeftByteForByteAndNamed() throws {
        let notesPath = try Fixtures.temporaryFolder().appendingPathComponent("corrupt.json").path
        let garbage = "{ \"schemaVersion\": 1, \"notes\": [ oops"
        try garbage.write(toFile: notesPath, atomically: true, encoding: .utf8)
        let add = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "Moscow", "--occurrence", "1", "--body", "x"])
        #expect(add.status == 1)
        #expect(add.stderr.contains(notesPath))
        #expect(try String(contentsOfFile: notesPath, encoding: .utf8) == garbage)
    }

    /// Two streams of `lectio notes add` on one file at once: none is lost.
    @Test func twoParallelStreamsLoseNoNote() async throws {
        let notesPath = try Fixtures.temporaryFolder().appendingPathComponent("parallel.json").path
        let perStream = 25
        try await withThrowingTaskGroup(of: Int.self) { group in
            for stream in 0..<2 {
                group.addTask {
                    var ok = 0
                    for i in 0..<perStream {
                        let r = try LectioBinary.run(["notes", "add", "--notes", notesPath, "--quote", "Moscow", "--occurrence", "1", "--body", "s\(stream)-\(i)"])
                        if r.status == 0 { ok += 1 }
                    }
                    return ok
                }
            }
            var total = 0
            for try await ok in group { total += ok }
            #expect(total == 2 * perStream)
        }
        let bodies = Set(try notes(in: notesPath).compactMap { $0["body"] as? String })
        #expect(bodies.count == 2 * perStream)
    }

    /// `lectio notes add` killed with SIGKILL at random moments never leaves an unreadable
    /// file, and every add that exited 0 is in it.
    @Test func sigkillDuringSavesLosesNothingThatWasSaved() throws {
        let notesPath = try Fixtures.temporaryFolder().appendingPathComponent("kill.json").path
        var completed: Set<String> = []
        for i in 0..<30 {
            let body = "kill-\(i)"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: LectioBinary.path)
            process.arguments = ["notes", "add", "--notes", notesPath, "--quote", "Moscow", "--occurrence", "1", "--body", body]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...40_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 { completed.insert(body) }
            if FileManager.default.fileExists(atPath: notesPath) {
                let bodies = Set(try notes(in: notesPath).compactMap { $0["body"] as? String })
                #expect(completed.isSubset(of: bodies), "lost after kill \(i)")
            }
        }
    }
}
