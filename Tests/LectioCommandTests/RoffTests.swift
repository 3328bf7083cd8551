import Testing
@testable import lectio

/// Escaping for the man page: nothing in a help string may act as a roff request or escape.
@Suite struct RoffTests {
    @Test func aLineStartingWithADotOrAnApostropheIsNotARequest() {
        #expect(Roff.textLine(".Sh INJECTED") == "\\&.Sh INJECTED")
        #expect(Roff.textLine("'br") == "\\&'br")
        #expect(Roff.textLine("Mark: ' then a letter") == "Mark: ' then a letter")
    }

    @Test func backslashesAndControlCharactersCannotEscape() {
        #expect(Roff.escape("C:\\fB") == "C:\\efB")
        #expect(Roff.escape("a\u{1B}[31mb\u{7}") == "a[31mb")
        #expect(Roff.escape("tab\there") == "tab here")
    }

    @Test func outsideASCIIIsWrittenAsCodePointsAndArrowsAsRoffArrows() {
        #expect(Roff.escape("Broué — “x”") == "Brou\\[u00E9] \\[u2014] \\[u201C]x\\[u201D]")
        #expect(Roff.escape("↑↓←→") == "\\(ua\\(da\\(<-\\(->")
        #expect(Roff.escape("𝔄") == "\\[u1D504]")
    }

    @Test func aMacroArgumentIsQuotedWithItsQuotesEscaped() {
        #expect(Roff.argument("say \"Ar\"") == "\"say \\(dqAr\\(dq\"")
    }

    @Test func paragraphsAreSeparatedByOnePpAndNoBlankLine() {
        #expect(Roff.paragraphs("one\ntwo\n\n\n.three\n\n") == ["one", "two", ".Pp", "\\&.three"])
        #expect(Roff.paragraphs("\n\n").isEmpty)
    }
}
