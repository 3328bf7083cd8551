import Foundation
import Testing
import LectioTestSupport

/// EPUBs in a real terminal: where a book opens, its contents, and footnotes in popups.
@Suite(.serialized) struct EPUBEndToEndTests {
    init() throws {
        try #require(TmuxSession.tmuxPath != nil, "tmux is needed for end-to-end tests (.ci/run installs it)")
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path), "build lectio first: \(LectioBinary.path)")
    }

    /// Runs `body` with a fresh home folder for the reader's state, removed afterwards.
    func withHome(_ body: (URL) throws -> Void) throws {
        let home = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: home) }
        try body(home)
    }

    @Test func anEndnoteInAnotherDocumentOpensInAPopupAndEscReturnsToTheSameScreen() throws {
        try withHome { home in
            let book = LectioBinary.quote(Fixtures.path("epub/epictetus-short-works.epub"))
            let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command(book, home: home))
            // It opens on the book, not on its title page or imprint.
            let first = try tmux.wait(for: "Short Works › The Enchiridion")
            #expect(!first.contains("Imprint"))
            try tmux.send("Tab")
            let selected = try tmux.waitStable { $0.contains("▌ The Enchiridion1") }
            try tmux.send("Enter")
            let popup = try tmux.wait(for: "┌─ Footnote 1 ─")
            #expect(popup.contains("In Schweighaeuser’s edition the title is"))
            #expect(!popup.contains("↩"))
            try tmux.send("Escape")
            let back = try tmux.wait { !$0.contains("┌─ Footnote") }
            #expect(back == selected)
            try tmux.send("q")
            let end = try tmux.wait(for: "DONE")
            #expect(end.contains("EXIT=0"))
        }
    }

    @Test func tabSelectsALinkAndEnterFollowsItAsAJump() throws {
        try withHome { home in
            let book = LectioBinary.quote(Fixtures.path("epub/moby-dick.epub"))
            let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command(book, home: home))
            try tmux.wait(for: "Moby-Dick › Chapter 1. Loomings.")
            try tmux.send("g")
            let top = try tmux.waitStable { !$0.contains("Chapter 1. Loomings.  ") }
            try tmux.send("Tab")
            let selected = try tmux.wait { $0 != top && ($0.split(separator: "\n").last?.contains(" Link") ?? false) }
            try tmux.send("Enter")
            let followed = try tmux.wait { $0.split(separator: "\n").last?.contains("→") ?? false }
            #expect(followed != selected)
            try tmux.send("C-o")
            // Back where the link was selected (the message line aside).
            let back = try tmux.wait { $0.split(separator: "\n").dropLast() == selected.split(separator: "\n").dropLast() }
            #expect(!back.isEmpty)
        }
    }

    @Test func aFootnoteAsideInTheSameDocumentAndTheNestedContents() throws {
        try withHome { home in
            let book = LectioBinary.quote(Fixtures.path("epub/moby-dick.epub"))
            let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command(book, home: home))
            // The bodymatter landmark: chapter 1, not the cover's empty page.
            try tmux.wait(for: "Moby-Dick › Chapter 1. Loomings.")
            try tmux.send("t")
            let contents = try tmux.wait(for: "┌─ Contents")
            #expect(contents.contains("Chapter 1. Loomings."))
            #expect(contents.contains("ETYMOLOGY."))
            try tmux.send("Escape")
            try tmux.wait { !$0.contains("┌─ Contents") }
            // The book's only noteref is in the preface, before chapter 1; Tab goes through the
            // links before it (each says "Link" on the status line) to the marker.
            try tmux.send("g")
            var previous = try tmux.waitStable()
            for _ in 0..<60 {
                try tmux.send("Tab")
                let now = try tmux.waitStable { $0 != previous }
                previous = now
                if !(now.split(separator: "\n").last?.contains(" Link") ?? false) { break }
            }
            try tmux.send("Enter")
            let popup = try tmux.wait(for: "┌─ Footnote 1 ─")
            #expect(popup.contains("These have been corrected in this EPUB3 edition."))
            try tmux.send("Escape")
            try tmux.wait { !$0.contains("┌─ Footnote") }
        }
    }

    @Test func aDamagedEPUBIsOneLineAndExitOne() throws {
        try withHome { home in
            // A ZIP that starts like an EPUB (the mimetype entry) but has no central directory.
            var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 0, 0, 0, 20, 0, 0, 0, 8, 0, 0, 0]
            bytes += Array("mimetype".utf8) + Array("application/epub+zip".utf8) + Array(repeating: 0, count: 64)
            let file = home.appendingPathComponent("broken.epub")
            try Data(bytes).write(to: file)
            let result = try LectioBinary.run([file.path], environment: ["XDG_STATE_HOME": home.path, "XDG_DATA_HOME": home.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("broken.epub: cannot be read (not a readable EPUB: the ZIP container is damaged"))
            let outline = try LectioBinary.run(["outline", "--json", Fixtures.path("epub/briefe-aus-dem-gefaengnis.epub")])
            #expect(outline.status == 0)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(outline.stdout.utf8)) as? [String: Any])
            let footnotes = try #require(json["footnotes"] as? [[String: Any]])
            #expect(footnotes.count == 5)
            #expect(footnotes.allSatisfy { ($0["noteSource"] as? String)?.contains("26964-h-2.htm.html#Footnote_") == true })
        }
    }
}
