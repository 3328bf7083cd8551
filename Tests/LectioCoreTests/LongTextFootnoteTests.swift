import Testing
@testable import LectioCore

/// Footnote markers in a paragraph of megabytes are found in stretches, exactly as in the whole.
@Suite struct LongTextFootnoteTests {
    static func text(seed: UInt64, words: Int) -> String {
        var rng = SeededGenerator(seed: seed)
        let pieces = ["word", "claim.*", "trials*", "see [1]", "[12]", "[sic]", "*emphasis*", "*open", "close*", "5 * 3",
                      "* * *", "them.” *", "vous. *(2)", "note†", "x‡", "word²³", "e=mc^2", "[A]", "été", "中文", "—", "(aside)",
                      "word", "word", "word", "and", "the"]
        return (0..<words).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: " ")
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 21])
    func markersFoundInStretchesAreThoseOfTheWhole(seed: UInt64) {
        let text = Self.text(seed: seed, words: 6_000)
        let whole = FootnoteScanner.markers(in: Array(text.unicodeScalars))
        let stretched = FootnoteScanner.markers(inText: text, stretch: 256)
        #expect(whole.count > 50)
        #expect(stretched == whole)
    }

    @Test func stretchesWithoutMarkersAreSkippedAndOffsetsStayRight() {
        let plain = String(repeating: "alpha beta gamma délta 中文 ", count: 20_000)
        let text = plain + "a claim.* and [3] here " + plain + "trials†"
        let found = FootnoteScanner.markers(inText: text, stretch: 4_096)
        #expect(found.map(\.label) == ["*", "3", "†"])
        let scalars = Array(text.unicodeScalars)
        #expect(found.map { String(String.UnicodeScalarView(scalars[$0.range])) } == ["*", "[3]", "†"])
    }

    @Test func theTextBeforeEachOffsetIsReadInOneWalk() {
        let text = Self.text(seed: 4, words: 2_000)
        let scalars = Array(text.unicodeScalars)
        var reader = TextBefore(text: text)
        for (start, end) in [(0, 10), (5, 400), (1_000, 1_400), (900, 950), (scalars.count - 30, scalars.count + 10)] {
            let expected = String(String.UnicodeScalarView(scalars[min(start, scalars.count)..<min(end, scalars.count)]))
            #expect(reader.text(from: start, to: end) == expected, "\(start)..<\(end)")
        }
    }
}
