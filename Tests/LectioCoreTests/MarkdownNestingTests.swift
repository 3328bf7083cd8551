import Testing
import LectioTestSupport
@testable import LectioCore

/// Quotes in quotes and lists in lists nest as deep as a book needs; past the cap they are shown
/// at the cap, and not a word of them is lost.
@Suite struct MarkdownNestingTests {
    func doc(_ text: String) -> Document { Fixtures.document(text: text, name: "t.md") }

    @Test func aQuoteInAQuoteIsItsOwnBlockOneLevelIn() {
        let d = doc("> outer words\n> > inner words\n> > more inner\n>\n> outer again\n\nAfter.")
        #expect(d.blocks.map(\.text) == ["outer words", "inner words more inner", "outer again", "After."])
        #expect(d.blocks.map(\.kind) == [.quote, .quote, .quote, .paragraph])
        #expect(d.blocks.map(\.depth) == [0, 1, 0, 0])
        let layout = DocumentLayout(document: d, width: 40, measure: .unicode)
        #expect(layout.lines(ofBlock: 1)[0].indent > layout.lines(ofBlock: 0)[0].indent)
        #expect(layout.lines(ofBlock: 2)[0].indent == layout.lines(ofBlock: 0)[0].indent)
    }

    @Test func quotesDeeperThanTheCapAreShownAtTheCapWithAllTheirText() {
        let cap = MarkdownBlockParser.maximumNesting
        let lines = (1...(cap + 20)).map { level in String(repeating: "> ", count: level) + "words at level \(level)" }
        let d = doc("Title\n=====\n\n" + lines.joined(separator: "\n\n"))
        let quotes = d.blocks.filter { $0.kind == .quote }
        #expect(quotes.count == cap + 20)
        for (i, q) in quotes.enumerated() {
            #expect(q.text == "words at level \(i + 1)")
            #expect(q.depth == min(i, cap - 1))
        }
        // Drawn no further in than half the line, however deep.
        let layout = DocumentLayout(document: d, width: 40, measure: .unicode)
        let deepest = d.blocks.count - 1
        #expect(layout.lines(ofBlock: deepest).first { $0.ornament == .none }?.indent == 20)
    }

    @Test func listsDeeperThanTheCapAreShownAtTheCapWithAllTheirItems() {
        let cap = MarkdownBlockParser.maximumNesting
        let items = (0..<(cap + 10)).map { level in String(repeating: "  ", count: level) + "- item \(level)" }
        let d = doc(items.joined(separator: "\n"))
        let listed = d.blocks.filter { $0.kind == .listItem }
        #expect(listed.map(\.text) == (0..<(cap + 10)).map { "• item \($0)" })
        #expect(listed.map(\.depth) == (0..<(cap + 10)).map { min($0, cap - 1) })
        // Back at the margin, a new item is at the top again.
        let back = doc((items + ["- top again"]).joined(separator: "\n")).blocks.last
        #expect(back?.depth == 0 && back?.text == "• top again")
    }

    @Test func thousandsOfLevelsOnThousandsOfLinesKeepEveryWord() {
        let lines = (0..<2_000).map { i in String(repeating: "> ", count: 1 + (i * 7919) % 1_500) + "word\(i)" }
        let d = doc(lines.joined(separator: "\n"))
        let text = d.blocks.map(\.text).joined(separator: " ")
        #expect(!text.contains(">"))
        #expect((0..<2_000).allSatisfy { text.contains("word\($0) ") || text.hasSuffix("word\($0)") })
        #expect(d.blocks.allSatisfy { $0.kind == .quote && $0.depth < MarkdownBlockParser.maximumNesting })
    }

    /// Openers that never close (`*`, a backtick, `[`, `<`) by the thousand stay as they are,
    /// and markup after them still works.
    @Test func thousandsOfUnclosedDelimitersKeepTheirTextAndLaterMarkupWorks() {
        let noise = "x ````y " + String(repeating: "a *b [d <e ", count: 3_000)
        let d = doc(noise + "then _em_ and `code` and [link](https://example.org) end")
        let block = d.blocks[0]
        #expect(block.text == noise + "then em and code and link end")
        let scalars = Array(block.text.unicodeScalars)
        func styled(_ style: StyleSpan.Style) -> [String] {
            block.styles.filter { $0.style == style }.map { String(String.UnicodeScalarView(scalars[$0.range])) }
        }
        #expect(styled(.emphasis) == ["em"])
        #expect(styled(.code) == ["code"])
        #expect(d.links.count == 1)
    }
}
