import Foundation
import LectioCore
import LectioTestSupport
import Testing

/// A long book opens on a preview of its first screen while the whole is imported: the same
/// text where the reader left it, keys typed meanwhile kept, the status line saying so.
@Suite(.serialized) struct InstantOpenEndToEndTests {
    init() throws {
        try #require(TmuxSession.tmuxPath != nil)
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path))
    }

    static let book = LectioBinary.quote(Fixtures.path("war-and-peace.txt"))

    /// The text pane's lines: without the status line and the ruler's column.
    static func text(_ screen: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let status = lines.lastIndex { $0.contains("? help") } ?? lines.count
        return lines[..<status].map { ScreenText.withoutRuler($0) }
    }

    @Test func aLongBookReopensWhereItWasLeftFromItsFirstScreen() throws {
        let state = try Fixtures.temporaryFolder()
        let tmux = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command(Self.book, home: state))
        try tmux.wait(for: "0%  ? help")
        try tmux.send(":")
        try tmux.send("50%", literal: true)
        try tmux.send("Enter")
        let left = try tmux.waitStable { $0.contains("49%") || $0.contains("50%") }
        try tmux.send("q")
        try tmux.wait(for: "DONE")
        // The reading state says where the first line shown stands in the file.
        let files = try FileManager.default.contentsOfDirectory(atPath: state.path + "/lectio").filter { $0.hasPrefix("war-and-peace") }
        let saved = try JSONDecoder().decode(ReadingState.self, from: Data(contentsOf: state.appendingPathComponent("lectio/" + (files.first ?? ""))))
        let resume = try #require(saved.resume)
        #expect(resume.byteOffset > 1_500_000 && resume.byteOffset < 1_800_000)
        #expect(resume.title == "War and Peace")

        // The first screen shown (the preview, or the whole if it was quicker) is the one left.
        let again = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command(Self.book, home: state))
        let first = try again.wait { $0.contains("? help") }
        #expect(Self.text(first) == Self.text(left))
        let whole = try again.waitStable { !$0.contains("indexing") }
        #expect(Self.text(whole) == Self.text(left))
    }

    @Test func keysTypedWhileTheBookIsImportedAreNotLost() throws {
        // Typed at once, before the first screen: they wait for the whole book.
        let state = try Fixtures.temporaryFolder()
        let early = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command("--from-start " + Self.book, home: state))
        try early.send("/")
        try early.send("Davout", literal: true)
        try early.send("Enter")
        let jumped = try early.waitStable { $0.contains("match 1 of") && !$0.contains("indexing") }
        // Typed after the book is there: the same place.
        let late = try TmuxSession(width: 100, height: 30, command: ReaderEndToEndTests.command("--from-start " + Self.book, home: try Fixtures.temporaryFolder()))
        try late.waitStable { $0.contains("0%  ? help") }
        try late.send("/")
        try late.send("Davout", literal: true)
        try late.send("Enter")
        let expected = try late.waitStable { $0.contains("match 1 of") }
        #expect(Self.text(jumped) == Self.text(expected))
    }
}
