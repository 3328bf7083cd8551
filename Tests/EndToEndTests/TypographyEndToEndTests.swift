import Foundation
import Testing
import LectioCore
import LectioTestSupport

/// The page in a real terminal (tmux): clusters whole, the measure, CJK line starts, Markdown
/// entities, the help screen at 60×20.
@Suite(.serialized) struct TypographyEndToEndTests {
    init() throws {
        try #require(TmuxSession.tmuxPath != nil)
        try #require(FileManager.default.isExecutableFile(atPath: LectioBinary.path))
    }

    func open(_ file: String, width: Int, height: Int) throws -> TmuxSession {
        try TmuxSession(width: width, height: height, command: ReaderEndToEndTests.command("--from-start " + LectioBinary.quote(file)))
    }

    /// The column where `needle` begins in a captured row, counted as the terminal draws.
    func column(of needle: Character, in row: Substring) -> Int? {
        guard let index = row.firstIndex(of: needle) else { return nil }
        return CharacterWidth.unicode.width(of: row[..<index])
    }

    @Test func flagsSkinTonesAndFamiliesAreWholeAndTheBorderStays() throws {
        let tmux = try open(Fixtures.path("emoji-sequences.txt"), width: 140, height: 20)
        let screen = try tmux.wait(for: "after.")
        for cluster in ["🇫🇷", "🇯🇵", "👍🏽", "👨‍👩‍👧", "🏳️‍🌈"] { #expect(screen.contains(cluster), "\(cluster)") }
        let rows = screen.split(separator: "\n").dropLast()
        let borders = Set(rows.compactMap { column(of: "│", in: $0) })
        #expect(borders.count == 1, "border columns \(borders)")
        #expect(rows.filter { $0.contains("🇫🇷") || $0.contains("👍🏽") }.allSatisfy { column(of: "│", in: $0) == borders.first })
    }

    @Test func at200ColumnsTheTextKeepsTheMeasureAndEqualWidensIt() throws {
        let tmux = try TmuxSession(width: 200, height: 50, command: ReaderEndToEndTests.command("--from-start"))
        try tmux.wait(for: "? help")
        try tmux.send("]", "]", "]")
        let screen = try tmux.wait(for: "› Chapter 7")
        let pane = screen.split(separator: "\n").dropLast().map { ScreenText.withoutRuler($0.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false)[0]) }
        let texts = pane.map { $0.drop(while: { $0 == " " || $0 == "▌" || $0 == "▎" }) }.filter { !$0.isEmpty }
        #expect(texts.count > 30)
        #expect(texts.allSatisfy { CharacterWidth.unicode.width(of: $0) <= 72 })
        let left = pane.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " || $0 == "▌" }.count }
        #expect(left.allSatisfy { $0 >= 6 })
        try tmux.send("=")
        let wide = try tmux.wait(for: "Lines as wide as the pane")
        #expect(wide.split(separator: "\n").contains { CharacterWidth.unicode.width(of: ScreenText.withoutRuler($0.split(separator: "│")[0])) > 100 })
    }

    @Test func noLineOfChineseStartsWithClosingPunctuation() throws {
        let tmux = try open(Fixtures.path("sanguo-chapter-1.txt"), width: 50, height: 40)
        try tmux.wait(for: "? help")
        for _ in 0..<3 {
            let screen = try tmux.capture()
            for row in screen.split(separator: "\n").dropLast() {
                let text = row.drop(while: { $0 == " " || $0 == "▌" })
                #expect(!(text.first.map { "，。．、：；？！」』）".contains($0) } ?? false), "\(row)")
            }
            try tmux.send("Space")
            _ = try tmux.wait { $0 != screen }
        }
    }

    @Test func markdownEntitiesTightListsAndNesting() throws {
        let tmux = try open(Fixtures.path("typography.md"), width: 80, height: 50)
        let screen = try tmux.wait(for: "Third step")
        #expect(screen.contains("an entity—like this one & a numeric one “quoted”"))
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map { ScreenText.withoutRuler($0) }
        let one = try #require(rows.firstIndex { $0.hasSuffix("• one") })
        #expect(rows[one + 1].contains("• two with"))
        let nested = try #require(rows.first { $0.contains("• nested deeper") })
        let outer = try #require(rows.first { $0.contains("1. First step") })
        #expect(nested.prefix { $0 == " " }.count > outer.prefix { $0 == " " }.count + 2)
    }

    @Test func theHelpScreenIsWholeAt60By20AndScrollsWithGAndg() throws {
        let tmux = try TmuxSession(width: 60, height: 20, command: ReaderEndToEndTests.command("--from-start"))
        try tmux.wait(for: "? help")
        try tmux.send("?")
        let top = try tmux.wait(for: "Move the reading cursor down a line")
        #expect(top.contains("Move the reading cursor up a line"))
        try tmux.send("G")
        try tmux.wait(for: "Notes file:")
        try tmux.send("g")
        try tmux.wait(for: "Move the reading cursor down a line")
    }
}

extension Substring {
    /// The text without the spaces at its end.
    var trimmingTrailingSpaces: Substring {
        var s = self
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
