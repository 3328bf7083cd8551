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

    /// `第` found by its three bytes wherever it stands; its lead byte alone (in `簡` E7 B0 A1),
    /// or two of its bytes at the end, is not it.
    @Test func theChapterMarkByItsBytes() {
        func holds(_ text: String) -> Bool { var t = text; return t.withUTF8 { ByteScan.containsChapterMark($0) } }
        #expect(holds("且听下回分解。第十三回"))
        #expect(!holds("簡單的一句話"))
        #expect(!holds("War and Peace"))
        var bytes: [UInt8] = Array("abc".utf8) + [0xE7, 0xAC]
        #expect(!bytes.withUnsafeBufferPointer { ByteScan.containsChapterMark($0) })
        bytes.append(0xAC)
        #expect(bytes.withUnsafeBufferPointer { ByteScan.containsChapterMark($0) })
    }
}
