import Testing
import LectioTestSupport
@testable import LectioCore

/// Short lines kept as lines, wrapped prose joined, and Gutenberg's `_italics_` and `=bold=`.
@Suite struct LinesAndEmphasisTests {
    /// A book of paragraphs wrapped at about 70 columns, then the given block.
    func book(with block: String) -> Document {
        let line = "and so the story went on from one day to the next without a pause,"
        let paragraphs = (0..<8).map { _ in "It was a time of great change in the country,\n\(line)\n\(line)\nuntil the end." }
        return Fixtures.document(text: "A Tale Of Days\n\n" + paragraphs.joined(separator: "\n\n") + "\n\n" + block + "\n")
    }

    @Test func wrappedProseIsJoinedAndVerseAtTheMarginKeepsItsLines() throws {
        let d = book(with: "Mon père est oiseau,\nMa mère est oiselle.\nJe passe l’eau sans nacelle,\nJe passe l’eau sans bateau.")
        let prose = try #require(d.blocks.first { $0.text.hasPrefix("It was a time") })
        #expect(!prose.text.contains("\n"))
        #expect(prose.text.contains("country, and so the story"))
        let verse = try #require(d.blocks.last)
        #expect(verse.text == "Mon père est oiseau,\nMa mère est oiselle.\nJe passe l’eau sans nacelle,\nJe passe l’eau sans bateau.")
        #expect(verse.lineBreaks.count == 3)
    }

    /// Indented verse whose lines are as long as the prose's (Whitman) keeps its lines: each
    /// opens on a capital; an indented quotation of wrapped prose is joined.
    @Test func indentedLongVerseKeepsItsLinesAndAnIndentedQuotationIsJoined() throws {
        let verse = "  Of Life immense in passion, pulse, and power, and of the years to come,\n"
            + "  Cheerful, for freest action form'd under the laws divine, and sung,\n  The Modern Man I sing."
        let d = book(with: verse)
        #expect(d.blocks.last?.text == "Of Life immense in passion, pulse, and power, and of the years to come,\nCheerful, for freest action form'd under the laws divine, and sung,\nThe Modern Man I sing.")
        let quotation = "    It is a truth universally acknowledged, that a single man in possession\n"
            + "    of a good fortune must be in want of a wife, and however little known\n    the feelings of such a man may be."
        let q = book(with: quotation)
        #expect(q.blocks.last?.text.contains("\n") == false)
        #expect(q.blocks.last?.kind == .quote)
    }

    /// Section numbers set in the right margin (`than to    5`), as a scholarly edition prints
    /// them on many lines: not part of the text.
    @Test func numbersInTheRightMarginAreNotText() {
        let paragraph = (1...12).map { n in
            "Darius and Parysatis had two sons: the elder was named Artaxerxes, and  \(n)\nthe younger Cyrus, who was better friends to himself than to    \(n + 1)\nthe king his brother."
        }.joined(separator: "\n\n")
        let d = Fixtures.document(text: "ANABASIS\n\n" + paragraph + "\n\nIn the year 401 the army marched from Sardis in three stages a distance of 12\nparasangs to the river Maeander, which is two hundred feet broad.\n")
        #expect(d.blocks[1].text == "Darius and Parysatis had two sons: the elder was named Artaxerxes, and the younger Cyrus, who was better friends to himself than to the king his brother.")
        #expect(d.blocks.last?.text == "In the year 401 the army marched from Sardis in three stages a distance of 12 parasangs to the river Maeander, which is two hundred feet broad.")
    }

    /// Blank verse at the margin whose lines come near the prose width (Milton), and a ballad
    /// whose even lines are indented (Brontë), keep their lines.
    @Test func blankVerseAndABalladAtTheMarginKeepTheirLines() {
        let milton = "Of Man's first disobedience, and the fruit\nOf that forbidden tree whose mortal taste\n"
            + "Brought death into the World, and all our woe, and the loss,\nWith loss of Eden, till one greater Man\nRestore us, and regain the blissful seat,"
        #expect(book(with: milton).blocks.last?.lineBreaks.count == 4)
        let ballad = "Why did they send me so far and so lonely,\n    Up where the moors spread and grey rocks are piled?\n"
            + "Men are hard-hearted, and kind angels only\n    Watch o’er the steps of a poor orphan child."
        #expect(book(with: ballad).blocks.last?.lineBreaks.count == 3)
    }

    /// `21_st_`: a superscript ordinal after a number shows as a style, not underscores.
    @Test func superscriptOrdinalsAfterANumber() {
        let d = Fixtures.document(text: "Title Here\n\nCURRER BELL, _December_ 21_st_, 1847, and _April_ 13_th_ after it.\n")
        #expect(d.blocks.last?.text == "CURRER BELL, December 21st, 1847, and April 13th after it.")
        #expect(d.blocks.last?.styles.count == 4)
    }

    @Test func aShortParagraphOfTwoProseLinesIsStillProse() throws {
        let d = book(with: "The prince answered nothing, but she looked at him significantly,\nawaiting a reply.")
        #expect(d.blocks.last?.text == "The prince answered nothing, but she looked at him significantly, awaiting a reply.")
    }

    @Test func italicsAndBoldLoseTheirMarksAndBecomeStyles() throws {
        let d = Fixtures.document(text: "Title Here\n\nShe paid four deniers _quatuor\ndenarios_ and said =very= loud: snake_case, a = b, _lone.")
        let p = try #require(d.blocks.last)
        #expect(p.text == "She paid four deniers quatuor denarios and said very loud: snake_case, a = b, _lone.")
        let scalars = Array(p.text.unicodeScalars)
        let spans = p.styles.map { (String(String.UnicodeScalarView(scalars[$0.range])), $0.style) }
        #expect(spans.map(\.0) == ["quatuor denarios", "very"])
        #expect(spans.map(\.1) == [.emphasis, .strong])
        #expect(p.sourceLine(at: p.text.scalarCount - 3) == 4)
    }

    @Test func aMarkerInsideItalicsStillLinksAndTheNoteLosesItsMarks() {
        let d = Fixtures.document(text: """
            Title Here

            One always finds a scar. _Tempus edax, homo edacior*_; which I translate.

                 *  _Time_ is a devourer; man, more so.
            """)
        #expect(d.footnotes.count == 1)
        #expect(d.footnotes.first?.note.map { d.notes[$0].text } == "Time is a devourer; man, more so.")
    }
}
