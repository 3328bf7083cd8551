import Foundation
import Testing
import LectioTestSupport

/// Files that are not what they seem, opened in a real terminal.
@Suite(.serialized) struct RealTextsEndToEndTests {
    init() throws {
        try #require(TmuxSession.tmuxPath != nil)
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path))
    }

    @Test func latin1WithCRLFShowsAccentsAndANotice() throws {
        let file = try Fixtures.temporaryFolder().appendingPathComponent("latin1.txt")
        let bytes: [UInt8] = Array("Le Titre Ici\r\n\r\nCaf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8, 0x6D, 0x65, 0x20, 0x92, 0x73, 0x0D, 0x0A]
        try Data(bytes).write(to: file)
        let tmux = try TmuxSession(width: 100, height: 20, command: ReaderEndToEndTests.command(LectioBinary.quote(file.path)))
        let screen = try tmux.wait(for: "Café crème ’s")
        #expect(screen.contains("not valid UTF-8: read as Windows-1252"))
    }

    @Test func escapeSequencesInTheTextCannotDriveTheTerminal() throws {
        let file = try Fixtures.temporaryFolder().appendingPathComponent("evil.txt")
        try "Evil Text Here\n\nBefore \u{1B}]0;pwned\u{07} middle \u{1B}[2J after.\n".write(to: file, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 100, height: 20, command: ReaderEndToEndTests.command(LectioBinary.quote(file.path)))
        let screen = try tmux.wait(for: "after.")
        #expect(screen.contains("Before ␛]0;pwned␇ middle ␛[2J after."))
        let title = try tmux.paneTitle()
        #expect(!title.contains("pwned"))
    }

    @Test func markdownShowsEmphasisWithoutAsterisksAndLinksItsFootnotes() throws {
        let file = try Fixtures.temporaryFolder().appendingPathComponent("notes.md")
        try "# Heading One\n\nSome *emphasis* and a note[^n].\n\n[^n]: The note text.\n".write(to: file, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 100, height: 20, command: ReaderEndToEndTests.command(LectioBinary.quote(file.path)))
        let screen = try tmux.wait(for: "Some emphasis and a note[n].")
        #expect(!screen.contains("*emphasis*"))
        try tmux.send("Tab")
        try tmux.send("Enter")
        try tmux.wait(for: "┌─ Footnote n")
        try tmux.wait(for: "│ The note text.")
    }

    @Test func outlineOfScarletAndTheRFC() throws {
        let scarlet = try LectioBinary.run(["outline", "--json", Fixtures.path("study-in-scarlet.txt")])
        let s = try #require(try JSONSerialization.jsonObject(with: Data(scarlet.stdout.utf8)) as? [String: Any])
        let sections = try #require(s["sections"] as? [[String: Any]])
        #expect(sections.filter { ($0["title"] as? String)?.hasPrefix("PART") == true && $0["level"] as? Int == 1 }.count == 2)
        #expect(sections.filter { ($0["title"] as? String)?.hasPrefix("CHAPTER") == true && $0["level"] as? Int == 2 }.count == 14)
        #expect(sections.first?["title"] as? String == "Project Gutenberg header")
        #expect(sections.last?["title"] as? String == "Project Gutenberg licence")
        let footnotes = try #require(s["footnotes"] as? [[String: Any]])
        #expect(footnotes.count == 25)
        #expect(footnotes.allSatisfy { $0["note"] is String })
        #expect((s["unlinkedNotes"] as? [Any])?.isEmpty == true)
        let rfc = try LectioBinary.run(["outline", "--json", Fixtures.path("rfc-3392-leadership-council.md")])
        let r = try #require(try JSONSerialization.jsonObject(with: Data(rfc.stdout.utf8)) as? [String: Any])
        #expect((r["sections"] as? [Any])?.count == 47)
        #expect((r["footnotes"] as? [[String: Any]])?.filter { $0["note"] is String }.count == 9)
    }

    @Test func aDirectoryAndAnEmptyFile() throws {
        let folder = try Fixtures.temporaryFolder()
        let dir = try LectioBinary.run([folder.path])
        #expect(dir.status == 1)
        #expect(dir.stderr.contains("is a directory"))
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let tmux = try TmuxSession(width: 80, height: 20, command: ReaderEndToEndTests.command(LectioBinary.quote(empty.path)))
        try tmux.wait(for: "empty text")
    }
}
