import Testing
import LectioCore
import LectioTestSupport

/// Grapheme clusters as units, and where lines may break (UAX #14 classes).
@Suite struct LineBreakingTests {
    let wrapper = TextWrapper(measure: .unicode)

    @Test(arguments: [("🇫🇷", 2), ("👍🏽", 4), ("👨‍👩‍👧", 2), ("🏳️‍🌈", 1), ("❤️", 1), ("e\u{301}", 1), ("中", 2), ("\u{AD}", 0), ("a", 1)])
    func clusterWidthsAreWhatTheTerminalDraws(cluster: String, columns: Int) {
        #expect(cluster.count == 1)
        #expect(CharacterWidth.unicode.width(of: Character(cluster)) == columns)
    }

    @Test func wrappingNeverCutsACluster() throws {
        let document = try Fixtures.document("emoji-sequences.txt")
        let text = try #require(document.blocks.first { $0.text.contains("🇫🇷") }).text
        let clusters = Set(text)
        for width in 4...30 {
            let lines = wrapper.wrap(text, width: width)
            for line in lines {
                // A cut cluster would be a character the text does not have (`🇫` alone).
                #expect(line.text.allSatisfy { clusters.contains($0) }, "width \(width): \(line.text)")
                #expect(line.width <= width, "width \(width): \(line.text)")
            }
            #expect(lines.map(\.text).joined().filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    static let closing: Set<Character> = ["，", "。", "．", "、", "：", "；", "？", "！", "」", "』", "）"]
    static let opening: Set<Character> = ["「", "『", "（"]

    @Test func chineseLinesNeverStartWithClosingOrEndWithOpeningPunctuation() throws {
        let document = try Fixtures.document("sanguo-chapter-1.txt")
        var checked = 0
        for width in stride(from: 9, through: 61, by: 4) {
            let layout = DocumentLayout(document: document, width: width, measure: .unicode)
            for b in document.blocks.indices {
                for line in layout.lines(ofBlock: b) where !line.text.isEmpty {
                    checked += 1
                    #expect(!Self.closing.contains(line.text.first ?? " "), "width \(width): \(line.text) in \(document.blocks[b].text.prefix(80))")
                    #expect(!Self.opening.contains(line.text.last ?? " "), "width \(width): \(line.text)")
                    #expect(line.width + line.indent <= width)
                }
            }
        }
        #expect(checked > 500)
    }

    @Test func ideographsBreakAnywhereButBeforeClosingPunctuation() {
        // Six ideographs and a full stop: at four columns a line holds two ideographs; the
        // stop may not begin a line, so it takes the last ideograph with it.
        let lines = wrapper.wrap("天下大勢分久。", width: 4).map(\.text)
        #expect(lines == ["天下", "大勢", "分", "久。"])
    }

    @Test func numbersAndClosingQuotesStayWithWhatTheyFollow() {
        let text = "He paid 1,234,567.89 rubles, “in gold.” Then -5 degrees."
        for width in 12...30 {
            let lines = wrapper.wrap(text, width: width).map(\.text)
            #expect(lines.contains { $0.contains("1,234,567.89") }, "width \(width): \(lines)")
            #expect(!lines.contains { $0.hasPrefix("”") || $0.hasPrefix(",") || $0.hasPrefix(".") }, "width \(width): \(lines)")
            #expect(lines.contains { $0.contains("-5") }, "width \(width): \(lines)")
        }
    }

    @Test func aSoftHyphenBreaksWithAVisibleHyphenAndIsOtherwiseInvisible() {
        let word = "in\u{AD}com\u{AD}pre\u{AD}hen\u{AD}si\u{AD}ble"
        let whole = wrapper.wrap(word, width: 40)
        #expect(whole.count == 1 && whole[0].width == 16 && !whole[0].hyphenated)
        let lines = wrapper.wrap("An \(word) word", width: 10)
        #expect(lines[0].text == "An in\u{AD}com\u{AD}")
        #expect(lines[0].hyphenated && lines[0].width == 9)  // "An incom-"
        #expect(lines.allSatisfy { $0.width <= 10 })
    }

    @Test func dashesBreakAfterNotBefore() {
        let lines = wrapper.wrap("the pamphlet—written in haste—was read", width: 16).map(\.text)
        #expect(lines.allSatisfy { !$0.hasPrefix("—") }, "\(lines)")
        #expect(lines.first == "the pamphlet—")
    }

    /// A dash typed as two hyphens (`--`, older Gutenberg texts) or two em dashes is one dash:
    /// a line breaks after it, never between its halves.
    @Test func aDashTypedAsTwoHyphensStaysWhole() {
        // From 10 columns on, where `tribe."--` fits on a line (a longer run is cut anywhere).
        for width in 10...40 {
            for text in ["the tribe.\" --FREDERICK DEBELL BENNETT, and so on", "the word——unsaid——was there all along",
                         "of the tribe.\"--FREDERICK DEBELL"] {
                let lines = wrapper.wrap(text, width: width).map(\.text)
                for (a, b) in zip(lines, lines.dropFirst()) {
                    #expect(!(a.hasSuffix("-") && b.hasPrefix("-")) && !(a.hasSuffix("—") && b.hasPrefix("—")), "width \(width): \(lines)")
                }
            }
        }
        #expect(wrapper.wrap("it was--he said--true", width: 9).map(\.text).first == "it was--")
    }

    @Test func listItemsHangUnderTheirTextAndCodeMarksItsContinuations() throws {
        let document = try Fixtures.document("typography.md")
        let layout = DocumentLayout(document: document, width: 40, measure: .unicode)
        let item = try #require(document.blocks.firstIndex { $0.text.hasPrefix("• two with") })
        let lines = layout.lines(ofBlock: item).filter { $0.ornament == .none }
        #expect(lines.count >= 2)
        #expect(lines[1].indent == lines[0].indent + 2)
        let code = try #require(document.blocks.firstIndex { $0.kind == .preformatted })
        let codeLines = layout.lines(ofBlock: code).filter { $0.ornament == .none }
        #expect(codeLines.map(\.continues) .prefix(2) == [false, false])
        #expect(codeLines.count > 2 && codeLines.dropFirst(2).allSatisfy(\.continues))
    }
}

/// Moving by words where words have no spaces between them.
@Suite struct CJKWordTests {
    @Test func aChineseWordIsARunOfIdeographsWithItsPunctuation() {
        let document = Fixtures.document(text: "話說天下大勢，分久必合：周末七國分爭。Then English words, “quoted.”\n")
        let text = CanonicalText(document: document)
        let start = document.blocks[0].start
        var ends: [String] = []
        var i = start
        for _ in 0..<5 {
            let end = text.wordEnd(after: i)
            ends.append(text.string(text.skippingSpaces(from: i), end))
            i = end
        }
        #expect(ends == ["話說天下大勢，", "分久必合：", "周末七國分爭。", "Then", "English"])
        let back = text.wordStart(before: start + "話說天下大勢，分久必合：".unicodeScalars.count)
        #expect(text.string(back, back + 4) == "分久必合")
        #expect(text.wordStart(before: start + 3) == start)
    }

    @Test func japaneseRunsChangeWithTheScript() {
        let document = Fixtures.document(text: "吾輩は猫である。名前はまだ無い。\n")
        let text = CanonicalText(document: document)
        let start = document.blocks[0].start
        #expect(text.string(start, text.wordEnd(after: start)) == "吾輩")
        #expect(text.string(start + 2, text.wordEnd(after: start + 2)) == "は")
    }
}
