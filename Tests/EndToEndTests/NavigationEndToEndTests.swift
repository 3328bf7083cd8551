import Foundation
import Testing
import LectioTestSupport

/// Search, resume and the mouse in a real terminal.
@Suite(.serialized) struct NavigationEndToEndTests {
    init() throws {
        try #require(TmuxSession.tmuxPath != nil)
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path))
    }

    /// The reader's own state folder, so that tests never touch a real one.
    static func command(state: URL, _ arguments: String = "") -> String {
        ReaderEndToEndTests.command(arguments, home: state)
    }

    @Test func searchCountsMovesOnAndBackReturnsWhereItBegan() throws {
        let state = try Fixtures.temporaryFolder()
        let tmux = try TmuxSession(width: 140, height: 40, command: Self.command(state: state))
        let first = try tmux.wait(for: "? help")
        let startLine = first.split(separator: "\n").first { $0.contains("▌") }.map(String.init)
        try tmux.send("/")
        try tmux.send("thermidor", literal: true)
        try tmux.send("Enter")
        let found = try tmux.wait(for: "match 1 of 2")
        #expect(found.split(separator: "\n").first { $0.contains("▌") }?.contains("rest with the Moscow Thermidorians.*") == true)
        try tmux.send("n")
        try tmux.wait(for: "match 2 of 2")
        try tmux.send("C-o")
        let back = try tmux.wait { !$0.contains("┌─ Footnote") && $0.split(separator: "\n").first { $0.contains("▌") }.map(String.init) == startLine }
        #expect(!back.contains("match 2 of 2, in the note"))
        try tmux.send("/")
        try tmux.send("Trotsky's son", literal: true)
        try tmux.send("Enter")
        try tmux.wait(for: "Trotsky’s son")
    }

    /// Quit, reopen at another width: the same paragraph; `:7` and a paragraph reference.
    @Test func resumeAcrossWidthsGoToAndParagraphReferences() throws {
        let state = try Fixtures.temporaryFolder()
        let tmux = try TmuxSession(width: 140, height: 40, command: Self.command(state: state))
        try tmux.wait(for: "? help")
        try tmux.send(":")
        try tmux.send("7", literal: true)
        try tmux.send("Enter")
        // The cursor's row holds the (centred) heading.
        try tmux.wait { $0.split(separator: "\n").first { $0.contains("▌") }?.contains("Chapter 7 — The Pen") ?? false }
        for _ in 0..<6 { try tmux.send("j") }
        try tmux.send("#")
        let refs = try tmux.wait(for: "3.2 ")
        let cursorLine = try #require(refs.split(separator: "\n").first { $0.contains("▌") })
            .split(separator: "▌", maxSplits: 1).last?.drop(while: { $0 == " " || $0 == "▎" }).prefix(25) ?? ""
        try tmux.send("q")
        try tmux.wait(for: "DONE")

        let narrow = try TmuxSession(width: 90, height: 30, command: Self.command(state: state))
        let screen = try narrow.wait(for: "? help")
        let line = try #require(screen.split(separator: "\n").first { $0.contains("▌") })
        // The same paragraph: its words are on the cursor's line or just after.
        let words = cursorLine.split(separator: " ").prefix(2).joined(separator: " ")
        #expect(screen.contains(words), "cursor at \(line), expected near \(words)")
        try narrow.send(":")
        try narrow.send("3.2", literal: true)
        try narrow.send("Enter")
        // Paragraph 3.2 is Chapter 7's second paragraph, at any width (the wait is for the cursor
        // there: the resumed screen is in Chapter 7 already).
        let again = try narrow.wait(for: "▌ The author of these lines is also one of")
        #expect(again.contains("› Chapter 7"))
    }

    /// A click on a `*` marker opens its note (X10 mouse bytes, as xterm sends them).
    @Test func clickOnAMarkerOpensItsNote() throws {
        let state = try Fixtures.temporaryFolder()
        let tmux = try TmuxSession(width: 140, height: 40, command: Self.command(state: state, "--from-start"))
        try tmux.wait(for: "? help")
        try tmux.send("]", "]", "]")
        let screen = try tmux.wait(for: "16.* In it")
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let y = try #require(rows.firstIndex { $0.contains("16.* In it") })
        let row = rows[y]
        let x = row.distance(from: row.startIndex, to: try #require(row.range(of: "16.*")).lowerBound) + 3
        try tmux.sendBytes([0x1B, 0x5B, 0x4D, 0x20, UInt8(33 + x), UInt8(33 + y)])
        try tmux.sendBytes([0x1B, 0x5B, 0x4D, 0x23, UInt8(33 + x), UInt8(33 + y)])
        try tmux.wait(for: "┌─ Footnote *")
        try tmux.wait(for: "│ ”The Cast of Trotskyite-Zinovievite Terrorist Center,”")
    }
}
