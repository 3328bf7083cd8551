import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore

/// Hand-made cases for the conventions of plain-text books.
@Suite struct PlainTextConventionsTests {
    @Test func partsBooksAndChaptersWithSpelledNumbersAndATableOfContents() {
        let d = Fixtures.document(text: """
            The Book Of Tests

            CONTENTS

            PART ONE
            CHAPTER I
            CHAPTER II
            PART TWO
            CHAPTER I

            PART ONE

            CHAPTER I
            THE BEGINNING

            It was a dark and stormy night, and the rain fell in torrents.

            CHAPTER II

            The Middle Of It

            Then it stopped.

            PART TWO

            CHAPTER I. AGAIN.

            Numbering restarts in each part.
            """)
        #expect(d.sections.map(\.title) == ["CONTENTS", "PART ONE", "CHAPTER I — THE BEGINNING", "CHAPTER II — The Middle Of It", "PART TWO", "CHAPTER I. AGAIN."])
        #expect(d.sections.map(\.level) == [1, 1, 2, 2, 1, 2])
    }

    @Test func indentedNumberedNotesAndDaggerMarkers() throws {
        let d = Fixtures.document(text: """
            Some Title Here

            A claim[1] and a dagger† here.

                [1] The numbered note.

            †The dagger note.
            """)
        #expect(d.footnotes.map(\.label) == ["1", "†"])
        #expect(d.footnotes.map { $0.note.map { d.notes[$0].text } } == ["The numbered note.", "The dagger note."])
    }

    @Test func starNotesAfterTheirParagraph() {
        let d = Fixtures.document(text: """
            Some Title Here

            He spoke of the Proverb:* and left.

            * A saying of the people.

            Then the second part, about taxes.*

            * Taxes were high.

            - a list item, not a note
            """)
        #expect(d.footnotes.map { $0.note.map { d.notes[$0].text } } == ["A saying of the people.", "Taxes were high."])
        #expect(d.notes.count == 2)
    }

    @Test func aWrappedParagraphIsOneBlockWithItsLines() throws {
        let d = Fixtures.document(text: "Title Line Here\n\nA line that wraps\nonto a second line with a note [1]\nand a third.\n\n[Footnote 1: Note.]")
        let p = d.blocks[1]
        #expect(p.text == "A line that wraps onto a second line with a note [1] and a third.")
        let marker = try #require(d.footnotes.first)
        #expect(p.sourceLine(at: marker.range.lowerBound) == 4)
    }

    @Test func latin1WithCRLFShowsItsAccentsAndANotice() throws {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("latin1.txt")
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8, 0x6D, 0x65, 0x0D, 0x0A, 0x0D, 0x0A] + Array("Na".utf8) + [0xEF, 0x76, 0x65, 0x0D, 0x0A]
        try Data(bytes).write(to: file)
        let opened = try TextOpener.open(path: file.path)
        #expect(opened.encoding == .windows1252)
        #expect(opened.document.blocks.map(\.text) == ["Café crème", "Naïve"])
        #expect(opened.document.notices.first?.contains("Windows-1252") == true)
    }

    @Test func escapeSequencesInATextAreVisibleSymbols() {
        let d = Fixtures.document(text: "Title Of Text\n\nBefore \u{1B}]0;evil title\u{07} and \u{1B}[2J after.")
        #expect(d.blocks[1].text == "Before ␛]0;evil title␇ and ␛[2J after.")
    }

    /// Random bytes, truncations of real texts and random Markdown never crash the importers.
    @Test func fuzzedInputNeverCrashes() throws {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["*", "**", "[^", "]", "[", "]:", "#", "##", "\n", "\n\n", "    ", "`", "```", "_", "> ", "- ", "1. ",
                      "[Footnote 1:", "[1]", "†", "CHAPTER I", "PART II", "* * *", "é", "中", "\u{1B}", "\r\n", "\t", "---", "% t", "a", "word ",
                      "^1", " *(2)", "* (2) ", "§", "第一回：", "第一○○回", "　　", "XII.", "\n\n\n\n", "_", "=", "End of Project Gutenberg's "]
        let scarlet = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("study-in-scarlet.txt"))))
        let rfc = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("rfc-3392-leadership-council.md"))))
        let chinese = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("sanguo-yanyi.txt"))))
        for round in 0..<300 {
            let bytes: [UInt8]
            switch round % 3 {
            case 0: bytes = (0..<Int.random(in: 0...600, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            case 1:
                let source = round % 4 == 1 ? scarlet : round % 4 == 3 ? chinese : rfc
                let a = Int.random(in: 0..<source.count, using: &rng)
                bytes = Array(source[a..<min(source.count, a + Int.random(in: 0...4000, using: &rng))])
            default: bytes = Array((0..<Int.random(in: 0...200, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
            }
            guard let decoded = SourceDecoder.decode(bytes) else { continue }
            for name in ["f.txt", "f.md"] {
                let d = TextOpener.importDocument(decoded.text, path: name)
                // Everything the document points at is inside it.
                for m in d.footnotes {
                    #expect(d.blocks.indices.contains(m.block) && m.range.upperBound <= d.blocks[m.block].scalarCount)
                    if let n = m.note { #expect(d.notes.indices.contains(n)) }
                }
                for s in d.sections { #expect(d.blocks.indices.contains(s.block)) }
                let layout = DocumentLayout(document: d, width: 20, measure: .unicode)
                _ = layout.move(layout.first, by: 50)
                _ = Outline(document: d).text()
            }
        }
    }
}
