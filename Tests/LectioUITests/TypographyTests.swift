import Foundation
import Testing
import LectioCore
import LectioTestSupport
@testable import LectioUI

/// The page as a typographer would set it: the measure, clusters whole, the end of the text,
/// and screens that wrap rather than cut.
@Suite struct TypographyTests {
    func press(_ state: AppState, _ keys: [Key]) {
        for key in keys { _ = state.update(.key(key)) }
    }

    /// The text pane's rows that hold text: (first column, last column + 1).
    func textExtents(_ screen: Screen, _ state: AppState) -> [(Int, Int)] {
        let pane = state.panes.text
        return (pane.y..<pane.maxY).compactMap { y in
            let ruler = state.rulerRect.map { $0.x..<$0.maxX } ?? 0..<0
            let cols = (pane.x..<pane.maxX).filter { x in
                guard !ruler.contains(x) else { return false }
                let cell = screen[x, y]
                return !cell.isContinuation && cell.text != " " && cell.text != "▌" && cell.text != "▎"
            }
            guard let first = cols.first, let last = cols.last else { return nil }
            return (first, last + 1)
        }
    }

    @Test func at200ColumnsLinesKeepTheMeasureCentredAndAKeyWidensThem() throws {
        let s = AppState(document: try Fixtures.bundledDocument(), width: 200, height: 50)
        press(s, [.char("]"), .char("]"), .char("]")])
        let column = s.panes.textColumn
        #expect(column.width == 72)
        let pane = s.panes.text
        let left = column.x - pane.x, right = pane.maxX - column.maxX
        #expect(left >= 6 && right >= 6 && abs(left - right) <= 1)
        let extents = textExtents(FrameRenderer.render(s), s)
        #expect(extents.count > 20)
        #expect(extents.allSatisfy { $0.0 >= column.x && $0.1 <= column.maxX }, "\(extents.filter { !($0.0 >= column.x && $0.1 <= column.maxX) }) vs \(column) ruler \(String(describing: s.rulerRect))")
        #expect(extents.contains { $0.1 - $0.0 > 66 })
        let offset = s.cursorOffset
        let reference = s.paragraphReferences.label(ofBlock: s.cursor.block)
        press(s, [.char("=")])
        #expect(s.lineLength == nil && s.message == "Lines as wide as the pane")
        #expect(textExtents(FrameRenderer.render(s), s).contains { $0.1 - $0.0 > 100 })
        // The measure moves no reference: the cursor stays on the same words and paragraph.
        #expect(s.layout.canonicalOffset(of: s.cursor) <= offset && s.paragraphReferences.label(ofBlock: s.cursor.block) == reference)
        press(s, [.char("="), .char("-"), .char("-")])
        #expect(s.lineLength == 64 && s.panes.textColumn.width == 64)
    }

    @Test func theMarksStandJustLeftOfTheTextColumn() throws {
        let s = AppState(document: try Fixtures.bundledDocument(), width: 100, height: 30)
        let screen = FrameRenderer.render(s)
        let column = s.panes.textColumn
        let row = try #require((0..<30).first { screen[column.x - 2, $0].text == "▌" })
        #expect(screen[column.x - 2, row].style.role == .selection)
        #expect(row == 0)
    }

    @Test func clustersFillTheirCellsWhole() {
        var screen = Screen(width: 20, height: 1)
        let used = screen.put("a🇫🇷👍🏽👨‍👩‍👧b", x: 0, y: 0)
        #expect(used == 1 + 2 + 4 + 2 + 1)
        #expect(screen[1, 0].text == "🇫🇷" && screen[2, 0].isContinuation)
        #expect(screen[3, 0].text == "👍🏽" && (4...6).allSatisfy { screen[$0, 0].isContinuation })
        #expect(screen[7, 0].text == "👨‍👩‍👧" && screen[8, 0].isContinuation)
        #expect(screen[9, 0].text == "b")
        // Overwriting any column of a wide cluster blanks the whole of it.
        screen.put("x", x: 5, y: 0)
        #expect(screen.line(0) == "a🇫🇷  x 👨‍👩‍👧b")
        // A stray joiner joins nothing.
        var other = Screen(width: 5, height: 1)
        other.put("a\u{200D}", x: 0, y: 0)
        other.put("b", x: 1, y: 0)
        #expect(other[0, 0].text == "a\u{200D}" && other[1, 0].text == "b")
        var lone = Screen(width: 5, height: 1)
        lone.put("\u{200D}b", x: 0, y: 0)
        #expect(lone[0, 0].text == "b")
    }

    @Test func emojiLinesKeepThePaneBorderInItsColumn() throws {
        let s = AppState(document: try Fixtures.document("emoji-sequences.txt"), width: 140, height: 20)
        let screen = FrameRenderer.render(s)
        let border = try #require(s.panes.footnotes).x - 1
        let rows = (0..<19).filter { y in (0..<border).contains { screen[$0, y].text.unicodeScalars.count > 1 } }
        #expect(rows.count >= 2)
        for y in 0..<19 { #expect(screen[border, y].text == "│", "row \(y)") }
        #expect(screen.text.contains("🇫🇷") && screen.text.contains("👍🏽") && screen.text.contains("👨‍👩‍👧"))
    }

    @Test func theEndOfTheTextIsMarkedAndSpaceThereSaysSo() throws {
        let s = AppState(document: try Fixtures.document("study-in-scarlet.txt"), width: 100, height: 30)
        press(s, [.char("G")])
        let screen = FrameRenderer.render(s)
        let row = try #require((0..<29).first { screen.line($0).contains("— end —") })
        #expect(screen[screen.line(row).distance(from: screen.line(row).startIndex, to: screen.line(row).firstIndex(of: "—")!), row].style.attributes.contains(.dim))
        // The licence follows, dimmed; the cursor stands on the text's last line.
        #expect(s.cursor.block == s.layout.endOfText)
        var pages = 0
        while s.message != "End of the text", pages < 500 {
            press(s, [.space])
            pages += 1
            #expect(!s.layout.isSpacing(s.cursor), "page \(pages)")
        }
        #expect(s.message == "End of the text" && s.percent == 100)
        #expect(pages > 3)
    }

    @Test func headingLevelsLookDifferent() throws {
        let s = AppState(document: try Fixtures.document("typography.md"), width: 80, height: 60)
        let screen = FrameRenderer.render(s)
        func style(of text: String) -> (Int, Style)? {
            for y in 0..<59 { if let r = screen.line(y).range(of: text) {
                let x = screen.line(y).distance(from: screen.line(y).startIndex, to: r.lowerBound)
                return (x, screen[x, y].style)
            } }
            return nil
        }
        let title = try #require(style(of: "Typesetting Sample")), lists = try #require(style(of: "Lists")), code = try #require(style(of: "Code"))
        #expect(title.1.attributes.contains(.bold) && title.0 > s.panes.textColumn.x + 10)  // centred
        #expect(lists.1.attributes.contains(.bold) && lists.0 == s.panes.textColumn.x)
        #expect(code.1.attributes.contains(.underline) && !code.1.attributes.contains(.bold))
    }

    @Test(arguments: [40, 60, 80])
    func theHelpScreenWrapsAndScrollsAtEveryWidth(width: Int) {
        let s = AppState(document: Fixtures.document(text: "A Title\n\nSome text.\n"), width: width, height: 20)
        press(s, [.char("?")])
        var seen: [String] = []
        var screen = FrameRenderer.render(s)
        for _ in 0..<80 {
            seen += screen.lines
            press(s, [.char("j")])
            screen = FrameRenderer.render(s)
        }
        // The ruler's column stands beside the box: its glyphs are not help text.
        let all = seen.map { String($0.map { $0 == "│" || ScreenText.rulerGlyphs.contains($0) ? " " : $0 }) }.joined(separator: " ")
            .split(separator: " ").joined(separator: " ")
        for command in [Command.lineDown, .jumpToMark, .search, .goTo, .toggleFullWidth] {
            #expect(all.contains(command.summary), "\(command.summary) at \(width)")
        }
        press(s, [.char("G")])
        #expect(FrameRenderer.render(s).text.contains("Files"))
        press(s, [.char("g")])
        #expect(FrameRenderer.render(s).text.contains("Reading"))
    }

    @Test func theNotesPaneHeaderAndKeysAreWholeAt120Columns() {
        let s = AppState(document: Fixtures.document(text: "A Title\n\nSome text.\n"), width: 120, height: 30)
        press(s, [.char("A")])
        let text = FrameRenderer.render(s).text
        #expect(text.contains("· this section (0) ─"))
        let joined = text.split(separator: "\n").map { $0.split(separator: "│").last.map(String.init) ?? "" }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(joined.contains("r re-attach") && joined.contains("Esc back"))
    }

    @Test func aPopupHintTooLongLosesWholeItems() {
        var screen = Screen(width: 30, height: 4)
        screen.box(Rect(x: 0, y: 0, width: 30, height: 4), title: "Footnote 12 of a long chapter title", hint: "j/k scroll · Enter go to note · Esc close")
        #expect(screen.line(3).contains(" j/k scroll ─┘"))
        #expect(!screen.line(3).contains("Enter") && !screen.line(3).contains("·"))
        #expect(screen.line(0).contains("…") && screen.line(0).hasSuffix("─┐"))
    }

    @Test func justifiedLinesAreFlushOnBothSidesButTheLastOfAParagraph() throws {
        let s = AppState(document: try Fixtures.bundledDocument(), width: 80, height: 24)
        press(s, [.char("]"), .char("]"), .char("]")])
        let ragged = textExtents(FrameRenderer.render(s), s)
        let column = s.panes.textColumn
        #expect(ragged.filter { $0.1 == column.maxX }.count < ragged.count / 2)
        press(s, [.char("J")])
        #expect(s.justified && s.message == "Lines justified")
        let screen = FrameRenderer.render(s)
        let flush = textExtents(screen, s).filter { $0.0 == column.x && $0.1 == column.maxX }
        #expect(flush.count > ragged.filter { $0.1 == column.maxX }.count + 5)
        // The words are the same, only spaced out.
        let words = { (sc: Screen) in sc.lines.dropLast().joined(separator: " ").split(separator: " ").joined(separator: " ") }
        press(s, [.char("J")])
        #expect(words(screen) == words(FrameRenderer.render(s)))
    }

    @Test func theStatusLineKeepsWholeItemsAt40Columns() throws {
        let s = AppState(document: try Fixtures.bundledDocument(), width: 40, height: 12)
        press(s, [.char("j"), .char("v"), .char("w")])
        let status = FrameRenderer.render(s).line(11)
        let known = ["SELECT 1 word", "a annotate", "o other end", "Esc cancel"]
        // The left part's items, without the position and `? help` at the right.
        let left = status.replacingOccurrences(of: #"\s+\d+%\s+\? help$"#, with: "", options: .regularExpression)
        let items = left.trimmingCharacters(in: .whitespaces).components(separatedBy: " · ")
        #expect(items.first?.hasPrefix("SELECT") == true && !status.contains("…") && status.hasSuffix("? help"))
        #expect(items.allSatisfy { item in known.contains { $0 == item } || item.hasPrefix("SELECT") }, "\(status)")
    }
}
