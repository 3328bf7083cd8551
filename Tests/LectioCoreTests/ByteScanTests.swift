import Testing
@testable import LectioCore

/// The word-at-a-time scans agree with Swift's own count and with a byte-by-byte look.
@Suite struct ByteScanTests {
    @Test(arguments: [0, 1, 7, 8, 9, 63, 1_000])
    func scalarsAreCountedAsSwiftCountsThem(length: Int) {
        var rng = SeededGenerator(seed: UInt64(length) + 1)
        let pieces = ["a", "é", "中", "👍🏽", "e\u{301}", " ", "\n", "ß", "🇫🇷"]
        let text = (0..<length).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        #expect(text.scalarCount == text.unicodeScalars.count)
        #expect(Substring(text).dropFirst(min(3, text.count)).scalarCount == Substring(text).dropFirst(min(3, text.count)).unicodeScalars.count)
    }

    @Test func eachKindOfByteThatNeedsNormalisingIsFoundWhereverItStands() {
        let padding = String(repeating: "plain words ", count: 3)
        for (odd, expected) in [("\r", "\n"), ("\t", " "), ("\u{7F}", "\u{2421}"), ("\u{85}", "\u{FFFD}"), ("\u{FEFF}", "")] {
            for shift in 0..<9 {
                let text = String(padding.prefix(shift)) + "x" + odd + "y" + padding
                let normalised = SourceDecoder.normalise(text)
                #expect(normalised != text, "\(odd.unicodeScalars.first!.value) at \(shift)")
                #expect(odd == "\t" || normalised.contains("x" + expected + "y"), "\(odd.unicodeScalars.first!.value) at \(shift)")
            }
        }
        let clean = padding + "é中\n" + padding
        #expect(SourceDecoder.normalise(clean) == clean)
    }
}
