import Testing
import LectioTestSupport
@testable import LectioCore

@Suite struct LayoutTests {
    let wrapper = TextWrapper(measure: .unicode)

    @Test func wrapsAtSpacesAndNeverSplitsAWordThatFits() {
        let lines = wrapper.wrap("The truth will out, without weakness.", width: 12)
        #expect(lines.map(\.text) == ["The truth", "will out,", "without", "weakness."])
        #expect(lines.allSatisfy { $0.width <= 12 })
    }

    @Test func splitsOnlyAWordLongerThanTheLine() {
        let lines = wrapper.wrap("a Trotskyite-Zinovievite b", width: 8)
        #expect(lines.map(\.text) == ["a", "Trotskyi", "te-", "Zinoviev", "ite b"])
        #expect(lines.allSatisfy { $0.width <= 8 })
    }

    @Test func accentsCombiningMarksAndTypographyTakeOneColumn() {
        #expect(CharacterWidth.unicode.width(of: "Broué’s “quote” — e\u{0301}") == 19)
        let lines = wrapper.wrap("Éditions Ouvrières", width: 9)
        #expect(lines.map(\.text) == ["Éditions", "Ouvrières"])
    }

    @Test func truncationCountsColumns() {
        #expect(CharacterWidth.unicode.truncate("托洛茨基之子", to: 7) == "托洛茨…")
        #expect(CharacterWidth.unicode.truncate("Broué", to: 5) == "Broué")
        #expect(CharacterWidth.unicode.truncate("Broué’s son", to: 6) == "Broué…")
    }

    @Test func cjkIsDoubleWidthAndBreaksBetweenCharacters() {
        #expect(CharacterWidth.unicode.width(of: "托洛茨基") == 8)
        let lines = wrapper.wrap("托洛茨基之子", width: 7)
        #expect(lines.map(\.text) == ["托洛茨", "基之子"])
        #expect(lines.allSatisfy { $0.width <= 7 })
    }

    @Test func offsetsCoverTheTextInOrder() {
        let text = "One two three four five six seven"
        let lines = wrapper.wrap(text, width: 10)
        #expect(lines.first?.start == 0)
        for (a, b) in zip(lines, lines.dropFirst()) { #expect(a.end == b.start) }
        let scalars = Array(text.unicodeScalars)
        for line in lines {
            #expect(String(String.UnicodeScalarView(scalars[line.start..<(line.start + line.text.unicodeScalars.count)])) == line.text)
        }
    }

    @Test func hardLineBreaksInPreformattedText() {
        #expect(wrapper.wrap("a b\nc", width: 20).map(\.text) == ["a b", "c"])
    }

    @Test func movingAndMeasuringAcrossBlocks() {
        let d = Fixtures.document(text: "Para one is here.\n\nPara two is a bit longer than that.\n\nThree.")
        let layout = DocumentLayout(document: d, width: 10, measure: .unicode)
        #expect(layout.lines(ofBlock: 0).map(\.text) == ["Para one", "is here.", ""])
        let start = layout.first
        let p = layout.move(start, by: 4)
        #expect(p == LinePosition(block: 1, line: 1))
        #expect(layout.distance(from: start, to: p) == 4)
        #expect(layout.move(p, by: -4) == start)
        #expect(layout.move(start, by: 1000) == layout.last)
        #expect(layout.move(layout.last, by: -1000) == start)
        let offset = layout.canonicalOffset(of: p)
        #expect(layout.position(ofCanonical: offset) == p)
    }

    /// A megabyte without a line break wraps, and paging through it moves as anywhere else.
    @Test func aOneMegabyteLineWrapsAndScrolls() {
        let words = ["alpha", "délta", "中文", "omega"]
        let line = (0..<170_000).map { words[$0 % words.count] }.joined(separator: " ")
        let d = Fixtures.document(text: "One Long Line\n\n" + line)
        let layout = DocumentLayout(document: d, width: 80, measure: .unicode)
        let lines = layout.lines(ofBlock: 1)
        #expect(lines.count > 10_000)
        #expect(lines.allSatisfy { $0.width <= 80 })
        let middle = layout.move(layout.first, by: 5_000)
        let before = (0..<middle.piece).reduce(0) { $0 + layout.lines(ofBlock: 1, piece: $1).count }
        #expect(middle.block == 1 && before + middle.line == 5_000 - layout.lineCount(ofBlock: 0))
        #expect(layout.line(at: middle) == lines[5_000 - layout.lineCount(ofBlock: 0)])
        #expect(layout.distance(from: layout.first, to: middle) == 5_000)
    }

    @Test func historyGoesBackAndForward() {
        var h = JumpHistory(limit: 3)
        h.record(10)
        h.record(20)
        #expect(h.goBack(from: 30) == 20)
        #expect(h.goBack(from: 20) == 10)
        #expect(h.goBack(from: 10) == nil)
        #expect(h.goForward(from: 10) == 20)
        #expect(h.goForward(from: 20) == 30)
        h.record(1); h.record(2); h.record(3); h.record(4)
        #expect(h.back.count == 3)
        #expect(h.forward.isEmpty)
    }
}

/// A book that indents its paragraphs' first lines is set so.
@Suite struct FirstLineIndentTests {
    @Test func anIndentedFirstLineOverFlushLinesIsIndented() {
        let d = Fixtures.document(text: """
            THE TITLE

               It was the best of times, it was the worst of times, it was the age of wisdom,
            it was the age of foolishness, it was the epoch of belief.

               There were a king with a large jaw and a queen with a plain face, on the throne
            of England.

            A paragraph set flush, as most plain texts set theirs, over two lines of text
            that wrap.

                An indented block of one line is a quotation.
            """)
        let paragraphs = d.blocks.filter { $0.kind == .paragraph }
        #expect(paragraphs.map(\.indentsFirstLine) == [true, true, false])
        let layout = DocumentLayout(document: d, width: 40, measure: .unicode)
        let first = d.blocks.firstIndex { $0.text.hasPrefix("It was") }!
        let lines = layout.lines(ofBlock: first)
        #expect(lines[0].indent == 2)
        #expect(lines[1].indent == 0)
        #expect(lines.dropLast().allSatisfy { $0.width + $0.indent <= 40 })
        let flush = d.blocks.firstIndex { $0.text.hasPrefix("A paragraph") }!
        #expect(layout.lines(ofBlock: flush)[0].indent == 0)
    }
}
