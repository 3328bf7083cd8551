import Testing
import LectioTestSupport
@testable import LectioCore

/// Footnote conventions of printed books set in plain text (hand-made cases, one per convention).
@Suite struct PrintedFootnoteConventionsTests {
    func links(_ d: Document) -> [String?] { d.footnotes.map { $0.note.map { d.notes[$0].text } } }

    @Test func aSymbolAfterASpaceAndNumberedStarsOfOneParagraph() {
        let d = Fixtures.document(text: """
            Some Title Here

            “Bonjour, mon ami,” * said he. “C’est la vie.” *(2) He left the
            room. “Au revoir.”*(3)

                 * Good day, my friend.

                 * (2) That is life.

                 *(3) Goodbye.
            """)
        #expect(d.footnotes.map(\.label) == ["*", "*(2)", "*(3)"])
        #expect(links(d) == ["Good day, my friend.", "That is life.", "Goodbye."])
    }

    @Test func arithmeticBulletsAndAStarWithoutANoteAreNoMarkers() {
        let d = Fixtures.document(text: """
            Some Title Here

            It cost 5 * 3 roubles, he wrote *, and the list went:
            * bread
            * salt

            Nothing more.
            """)
        #expect(d.footnotes.isEmpty)
        #expect(d.notes.isEmpty)
    }

    @Test func caretNumbersRestartInEachPoemAndAMissingNoteStealsNoOther() {
        let d = Fixtures.document(text: """
            Title Here

            POEM ONE

            A line^1 and another^2 here.

            [Footnote 1: Poem one, note one.]

            POEM TWO

            Again^1 here and^2 there.

            [Footnote 1: Poem two, note one.]

            [Footnote 2: Poem two, note two.]
            """)
        // Poem one's ^2 has no note: it is not taken for a marker rather than linked to poem two's.
        #expect(links(d) == ["Poem one, note one.", "Poem two, note one.", "Poem two, note two."])
        #expect(d.footnotes.map { d.blocks[$0.block].line } == [5, 11, 11])
    }

    @Test func twoMarkersOfOnePassageShareTheirNote() {
        let d = Fixtures.document(text: """
            Title Here

                 The drowsy clock^2 had number’d two,
                 and the old tower^2 had sworn it true:

                 [Footnote 2: The two steeples.]
            """)
        #expect(links(d) == ["The two steeples.", "The two steeples."])
    }

    @Test func eachSymbolHasItsOwnRunOfNotes() {
        let d = Fixtures.document(text: """
            Some Title Here

            The Romanesque zone* ends where the Renaissance begins.**

                 *  About the zone.

            A paragraph between the notes, long enough to be one of the text.

                 **  About the Renaissance.

            The Paris of the Tuileries;*--the Messidor” ** taste.

                 *  About the Tuileries.

                 **  About Messidor.
            """)
        #expect(links(d) == ["About the zone.", "About the Renaissance.", "About the Tuileries.", "About Messidor."])
    }

    @Test func withMoreStarsThanNotesTheNoteGoesToTheLastAndAStrayStarIsDropped() {
        let d = Fixtures.document(text: """
            Some Title Here

            “If these stones could speak,” he said, “they would say that a
            * very unhappy man stands here.”

            On the parchment was written this charm, _Quand le pareil
            retrouveras_.*

                 *  When thou shalt find its mate.
            """)
        #expect(d.footnotes.count == 1)
        #expect(d.blocks[d.footnotes[0].block].line == 6)
        #expect(links(d) == ["When thou shalt find its mate."])
    }

    @Test func aMisprintedOrLostNumberLinksWhereTheNumberingSaysTheNoteIsDue() {
        let d = Fixtures.document(text: """
            Title Here

            The Prince[36] spoke, and the P. R.[2] answered.

            [36] A prince.

            [37] Prince Regent.

            A poem of Numbers^5 and of Phineas^6 and of Zipporah^7.

                 [Footnote 5: Numbers.]

                 [Footnote : Phineas, in Numbers xxv.]

                 [Footnote 7: Zipporah.]
            """)
        #expect(links(d) == ["A prince.", "Prince Regent.", "Numbers.", "Phineas, in Numbers xxv.", "Zipporah."])
    }

    /// `Lodovico(*)`, `Charles)(+)`, `whole.(1)`: labels in parentheses glued to the word, the
    /// note an indented paragraph opening on the same label after the paragraph; `(*)` comes
    /// back in every chapter.
    @Test func labelsInParenthesesWithTheirNotesAfterTheParagraph() {
        let d = Fixtures.document(text: """
            Some Title Here

            It was enough for the Duke Lodovico(*) to raise insurrections, and
            I will speak of Louis(*) (and not of Charles)(+) as the one who held it.

                 (*) Duke Lodovico was Lodovico Moro.

                 (*) Louis XII, King of France.

                 (+) Charles VIII, King of France.

            The whole.(1) This doctrine will be shown to be false.

                 (1) Declaration of Independence.
            """)
        #expect(d.footnotes.map(\.label) == ["(*)", "(*)", "(+)", "(1)"])
        #expect(links(d) == ["Duke Lodovico was Lodovico Moro.", "Louis XII, King of France.", "Charles VIII, King of France.",
                             "Declaration of Independence."])
        #expect(d.blocks.filter { $0.kind == .footnote }.count == 4)
    }

    /// An enumeration (`(1) … (2) …`, `(1) First,` opening a paragraph), a clause `3(1)`, a
    /// function `f(2)` with no note: no marker, no note.
    @Test func enumerationsInParenthesesAreNoMarkersNorNotes() {
        let d = Fixtures.document(text: """
            Some Title Here

            The rule has two parts: (1) the law, and (2) the custom; see section 3(1) and
            the value f(2) of the function.

            (1) First, the law must be known to all.

            (2) Second, the custom must be old.
            """)
        #expect(d.footnotes.isEmpty)
        #expect(d.notes.isEmpty)
        #expect(d.blocks.allSatisfy { $0.kind == .paragraph || $0.kind == .title })
    }

    /// A note set off by two blank lines where the book's paragraphs have one runs over its
    /// paragraphs to the next wide gap (Moby-Dick, Notre-Dame); a note followed at once by the
    /// wide gap is one paragraph, and the text after it stays text.
    @Test func aNoteSetOffByAWideGapRunsOverItsParagraphs() {
        let d = Fixtures.document(text: """
            Some Title Here

            Aside from those more obvious considerations touching Moby Dick, which
            could not but occasionally awaken in any man's soul some alarm.

            It was the whiteness of the whale that above all things appalled me.
            But how can I hope to explain myself here; and yet, in some dim way.

            Though in many natural objects, whiteness refiningly enhances beauty,
            as if imparting some special virtue of its own, as in marbles.

            So that not the fierce-fanged tiger can so stagger courage as the
            white-shrouded bear or shark.*


            *With reference to the Polar bear, it may possibly be urged by him
            who would fain go still deeper into this matter.

            As for the white shark, the French call him REQUIN.


            Bethink thee of the albatross, and of that white phantom, sailing in all
            imaginations; God's great, unflattering laureate, Nature.*


            *I remember the first albatross I ever saw.


            Whiteness is not so much a colour as the visible absence of colour.

            And of all these things the Albino whale was the symbol.
            """)
        #expect(links(d) == [
            "With reference to the Polar bear, it may possibly be urged by him who would fain go still deeper into this matter.\nAs for the white shark, the French call him REQUIN.",
            "I remember the first albatross I ever saw.",
        ])
        #expect(d.blocks.filter { $0.kind == .paragraph }.map { String($0.text.prefix(10)) }.suffix(4) == ["So that no", "Bethink th", "Whiteness ", "And of all"])
        // A note whose first line is set in further than the rest keeps its first words.
        let indented = Fixtures.document(text: """
            Some Title Here

            There is the cathedral of Rouen, which would be entirely Gothic if it did
            not bathe the tip of its central spire in the zone of the Renaissance.*

            It was the moment when the sun, already declining towards the west,
            looks the cathedral almost full in the face, and the square is bright.

            Its rays, growing more and more horizontal, withdraw slowly from the
            pavement of the square, and mount up the perpendicular façade.


                 *  This is the same which is called, according to locality,
            climate, and races, Lombard, Saxon, or Byzantine.

              Facies non omnibus una,
              No diversa tamen, qualem, etc.


            However, all these shades, all these differences, do not affect the
            surfaces of edifices only.
            """)
        #expect(links(indented).first??.hasPrefix("This is the same which is called") == true)
        #expect(links(indented).first??.hasSuffix("qualem, etc.") == true)
        // Its first paragraph of short lines, set in further than the second line: still whole.
        let verse = Fixtures.document(text: """
            Some Title Here

            There is the cathedral of Rouen, which would be entirely Gothic if it did
            not bathe the tip of its central spire in the zone of the Renaissance.*

            It was the moment when the sun, already declining towards the west,
            looks the cathedral almost full in the face, and the square is bright.

            Its rays, growing more and more horizontal, withdraw slowly from the
            pavement of the square, and mount up the perpendicular façade.


                 *  Facies non omnibus una,
            No diversa tamen.

            Their faces not all alike, nor yet different.


            However, all these shades, all these differences, do not affect the
            surfaces of edifices only.
            """)
        #expect(links(verse).first??.hasPrefix("Facies non omnibus una,") == true, "\(links(verse))")
    }

    /// `whole.(1)` with its note `1. text` after the paper's signature (the Federalist); a
    /// numbered list with no marker waiting stays a list.
    @Test func numberedNotesAfterTheSignatureAnswerMarkersInParentheses() {
        let d = Fixtures.document(text: """
            Some Title Here

            It has been said that we must resort to separate confederacies of distinct
            portions of the whole.(1) This doctrine will be propagated, and the chances
            are as thirteen to nine(2) in favor of amendment.

            PUBLIUS

              1. The same idea is held out in several of the late publications.

            2. It may rather be said TEN.

            3. A third point, in a list of the author's own.
            """)
        #expect(links(d) == ["The same idea is held out in several of the late publications.", "It may rather be said TEN."])
        #expect(d.blocks.last?.kind == .paragraph)
    }

    /// `the Parrhasian (1).`, after a word and a space, with ` (1) text` after the paragraph,
    /// the count starting again in each chapter; `(1659)` is a year, `and (2) the custom` an
    /// enumeration.
    @Test func numbersInParenthesesAfterASpace() {
        let d = Fixtures.document(text: """
            ANABASIS

            Cyrus went up with three hundred heavy armed men, under the command of
            Xenias the Parrhasian (1). The comedy was first played in Paris (1659).

             (1) Parrhasia, a district and town in the south-west of Arcadia.

            The rule has two parts, the law (1) and (2) the custom of the land, as
            the Thessalian Aristippus, Cyrus's friend (2), who, said.

             (2) Lit. "guest-friend."
            """)
        #expect(d.footnotes.map(\.label) == ["(1)", "(2)"])
        #expect(links(d) == ["Parrhasia, a district and town in the south-west of Arcadia.", "Lit. \"guest-friend.\""])
        // Before a word going on (`assume (1) that`), an enumeration: no note taken for it.
        let e = Fixtures.document(text: """
            WAR AND PEACE

            Either to assume (1) that the will of the people is always transferred to
            the ruler, or (2) that it is not.

            (1) What is power?

            (2) What force produces the movement of the nations?
            """)
        #expect(e.footnotes.isEmpty && e.notes.isEmpty)
    }

    /// `[454a]`, `[454b]`: a page's two notes, labelled by page and letter.
    @Test func pageNumberLabelsWithALetter() {
        let d = Fixtures.document(text: """
            GULLIVER'S TRAVELS

            The king was much pleased[454a] with the account I gave him of my travels,
            and of our manners[454b] and government.

            FOOTNOTES:

            [454a] A satire on the English court.

            [454b] Of England in the reign of Queen Anne.
            """)
        #expect(d.footnotes.map(\.label) == ["454a", "454b"])
        #expect(links(d) == ["A satire on the English court.", "Of England in the reign of Queen Anne."])
    }

    /// Thousands of stars before one note: the note goes with the last star, at once (weighing
    /// every star against every note is cubic in their number); a `(*)` opening a paragraph
    /// is no marker.
    @Test func thousandsOfStarsBeforeOneNote() {
        let d = PlainTextImporter.document(from: "Stars\n\n" + String(repeating: "ab* ", count: 20_000) + "\n\n* c\n\nSome prose here.\n\n(*) A stray line.\n", fallbackTitle: "t")
        #expect(d.footnotes.count == 20_000)
        #expect(d.footnotes.last?.note.map { d.notes[$0].text } == "c")
        #expect(d.footnotes.last?.range.lowerBound == 4 * 19_999 + 2)
        #expect(d.footnotes.dropLast().allSatisfy { $0.note == nil })
        #expect(d.title == "Stars")
    }

    /// `[1]` markers with their notes written `1. text` under a `Footnotes` heading (texts made
    /// from HTML); `[I]t contains`, an editor's letter inside a word, is no marker.
    @Test func numberedNotesUnderAFootnotesHeading() {
        let d = Fixtures.document(text: """
            THE ART OF WAR

            Ssu-ma Ch’ien gives the following biography of Sun Tzŭ: [1] and it was not
            a good translation because, according to Dr. Giles, "[I]t contains a great deal
            that Sun Tzŭ did not write," as Ho Lu, [2] King of Wu, said.

            Footnotes

            1. _Shih Chi_, ch. 65.

            2. He reigned from 514 to 496 B.C.
            """)
        #expect(d.footnotes.map(\.label) == ["1", "2"])
        #expect(links(d) == ["Shih Chi, ch. 65.", "He reigned from 514 to 496 B.C."])
    }

    @Test func aYearInBracketsIsNoMarker() {
        let d = Fixtures.document(text: "Title Here\n\nSketch—New Year’s Day [1790] and a note [1].\n\n[1] The note.")
        #expect(d.footnotes.map(\.label) == ["1"])
    }
}
