import Testing
import LectioTestSupport
@testable import LectioCore

/// A paragraph of millions of characters (a file that is one line) is wrapped a piece at a
/// time, only where it is shown, and moving through it stays consistent.
@Suite struct LongParagraphLayoutTests {
    /// Text of random words, with accents, combining marks, CJK, emoji and punctuation.
    static func randomText(scalars: Int, seed: UInt64, spaces: Bool = true) -> String {
        var rng = SeededGenerator(seed: seed)
        let pieces = ["alpha", "délta", "e\u{301}te\u{301}", "中文字", "漢字。", "「引」", "👍🏽", "🇫🇷", "1,234.5", "-5", "well-known",
                      "omega,", "“quoted”", "soft\u{AD}hyphen", "ｶﾀｶﾅ", "한국어", "a\u{300}\u{301}\u{302}"]
        var out = ""
        var count = 0
        while count < scalars {
            let word = pieces[Int(rng.next() % UInt64(pieces.count))]
            out += word
            count += word.unicodeScalars.count
            if spaces || rng.next() % 4 == 0 { out += rng.next() % 9 == 0 ? "  " : " "; count += 1 }
        }
        return out
    }

    static func document(_ text: String, kind: Block.Kind = .paragraph) -> Document {
        Document(title: "Long", blocks: [Block(kind: .heading(level: 1), text: "Long", line: 1), Block(kind: kind, text: text, line: 3),
                                         Block(kind: .paragraph, text: "After.", line: 5)])
    }

    @Test func theFirstScreenOfAFiveMegabyteParagraphWrapsOnlyItsFirstPiece() {
        let text = String(repeating: "alpha beta gamma delta. epsilon, ", count: 5_000_000 / 33)
        let layout = DocumentLayout(document: Self.document(text), width: 72, measure: .unicode)
        #expect(layout.pieceCount(ofBlock: 1) > 250)
        let bottom = layout.move(layout.first, by: 39)
        #expect(bottom.block == 1)
        #expect(layout.line(at: bottom).text.count > 60)
        #expect(layout.piecesWrapped == 1)
        // The end of the text, then the page above it: the last pieces only.
        let last = layout.move(layout.last, by: -40)
        #expect(last.block == 1 && last.piece == layout.pieceCount(ofBlock: 1) - 1)
        #expect(layout.piecesWrapped <= 3)
        // A place in the middle, as a search match or a saved position would ask for it.
        let middle = layout.position(ofCanonical: layout.document.blocks[1].start + 2_500_000)
        #expect(layout.canonicalOffset(of: middle) <= layout.document.blocks[1].start + 2_500_000)
        #expect(layout.piecesWrapped <= 4)
    }

    @Test func aResizeRewrapsOnlyThePiecesShown() {
        let text = Self.randomText(scalars: 600_000, seed: 7)
        let document = Self.document(text)
        let narrow = DocumentLayout(document: document, width: 50, measure: .unicode)
        let offset = document.blocks[1].start + 300_000
        let before = narrow.position(ofCanonical: offset)
        let wide = DocumentLayout(document: document, width: 90, measure: .unicode, reusing: narrow)
        let after = wide.position(ofCanonical: narrow.canonicalOffset(of: before))
        #expect(wide.piecesWrapped == 1)
        #expect(wide.pieces === narrow.pieces)
        let line = wide.line(at: after)
        let start = document.blocks[1].start
        #expect(start + line.start <= offset && offset < start + line.end)
    }

    @Test func scrollingToTheEndAndBackIsConsistent() {
        let text = Self.randomText(scalars: 60_000, seed: 11)
        let layout = DocumentLayout(document: Self.document(text), width: 61, measure: .unicode, pieces: PieceTable(threshold: 4096, pieceSize: 2048))
        #expect(layout.pieceCount(ofBlock: 1) > 25)
        // Down line by line, each line starting where the one above ends, offsets rising.
        var p = layout.first
        var previous: LinePosition?
        var steps = 0
        while p != layout.last {
            let next = layout.move(p, by: 1)
            #expect(next > p)
            #expect(layout.distance(from: p, to: next) == 1)
            if next.block == 1, p.block == 1, !layout.isSpacing(next) {
                #expect(layout.line(at: p).end == layout.line(at: next).start)
            }
            previous = p
            p = next
            steps += 1
        }
        #expect(previous != nil)
        // The whole way back in one move, then forward again in pages across the pieces.
        #expect(layout.move(layout.last, by: -steps) == layout.first)
        #expect(layout.distance(from: layout.first, to: layout.last) == steps)
        var q = layout.first
        var travelled = 0
        while q != layout.last {
            let next = layout.move(q, by: 37)
            travelled += layout.distance(from: q, to: next)
            #expect(layout.move(next, by: -layout.distance(from: q, to: next)) == q)
            q = next
        }
        #expect(travelled == steps)
        // Every place maps to its offset and back.
        for k in stride(from: 0, to: steps, by: 97) {
            let place = layout.move(layout.first, by: k)
            guard !layout.isSpacing(place) else { continue }
            #expect(layout.position(ofCanonical: layout.canonicalOffset(of: place)) == place)
        }
    }

    /// Lines broken by the source (`\n`) are cut there: the pieces' lines are exactly those of
    /// the whole block wrapped at once, across every cut.
    @Test(arguments: [3, 5, 8, 13])
    func piecesCutAtLineBreaksWrapExactlyAsTheWhole(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var text = ""
        while text.utf8.count < 40_000 {
            text += Self.randomText(scalars: Int(rng.next() % 300), seed: rng.next(), spaces: rng.next() % 3 != 0) + "\n"
        }
        text.removeLast()
        let document = Self.document(text, kind: .preformatted)
        for width in [7, 23, 40] {
            let layout = DocumentLayout(document: document, width: width, measure: .unicode, pieces: PieceTable(threshold: 2048, pieceSize: 1024))
            #expect(layout.pieceCount(ofBlock: 1) > 20)
            let whole = TextWrapper(measure: .unicode).wrap(text, width: width, indent: DocumentLayout.indent(of: .preformatted))
            let pieced = layout.lines(ofBlock: 1).filter { $0.ornament == .none }
            #expect(pieced == whole, "width \(width)")
        }
    }

    /// Running text cut between words: every line is the text at its offsets, whole clusters
    /// only, within the width, and the lines follow each other with nothing left out.
    @Test(arguments: [1, 2, 4, 9, 21])
    func piecesOfRunningTextKeepEveryCharacterWhole(seed: UInt64) {
        let text = Self.randomText(scalars: 30_000, seed: seed, spaces: seed % 2 == 1)
        let scalars = Array(text.unicodeScalars)
        var boundaries: Set<Int> = [0]
        var offset = 0
        for c in text { offset += c.unicodeScalars.count; boundaries.insert(offset) }
        let layout = DocumentLayout(document: Self.document(text), width: 33, measure: .unicode, pieces: PieceTable(threshold: 2048, pieceSize: 1024))
        #expect(layout.pieceCount(ofBlock: 1) > 10)
        let lines = layout.lines(ofBlock: 1).filter { $0.ornament == .none }
        #expect(lines.first?.start == 0 && lines.last?.end == scalars.count)
        for (k, line) in lines.enumerated() {
            #expect(line.width <= 33, "\(line)")
            #expect(boundaries.contains(line.start) && boundaries.contains(line.end), "\(line)")
            let shown = line.text.unicodeScalars.count
            #expect(String(String.UnicodeScalarView(scalars[line.start..<(line.start + shown)])) == line.text)
            #expect(scalars[(line.start + shown)..<line.end].allSatisfy { $0 == " " } || line.hyphenated)
            if k + 1 < lines.count { #expect(line.end == lines[k + 1].start) }
        }
        // A text short enough to be one piece wraps as the whole, cut nowhere.
        var short = ""
        for c in text where short.utf8.count + c.utf8.count <= 2_000 { short.append(c) }
        #expect(short.utf8.count > 1_900)
        let one = DocumentLayout(document: Self.document(short), width: 33, measure: .unicode, pieces: PieceTable(threshold: 2048, pieceSize: 1024))
        #expect(one.lines(ofBlock: 1).filter { $0.ornament == .none } == TextWrapper(measure: .unicode).wrap(short, width: 33))
    }
}

/// A small deterministic generator (SplitMix64), so random texts are the same every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
