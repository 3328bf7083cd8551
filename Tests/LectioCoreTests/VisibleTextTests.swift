import Testing
@testable import LectioCore

/// The one sanitiser: no control character passes, line feeds and tabs only when allowed.
@Suite struct VisibleTextTests {
    @Test func escapeSequencesBecomeVisibleSymbols() {
        let hostile = "a\u{1B}]0;pwned\u{07}b\u{1B}[2Jc\u{9B}31md\u{7F}"
        let safe = VisibleText.sanitized(hostile)
        #expect(safe == "a␛]0;pwned␇b␛[2Jc\u{FFFD}31md␡")
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test func newlinesAndTabsPassOnlyWhenAllowed() {
        #expect(VisibleText.sanitized("a\nb\tc") == "a␊b␉c")
        #expect(VisibleText.sanitized("a\nb\tc", allowing: [.newlines, .tabs]) == "a\nb\tc")
        #expect(VisibleText.sanitized("a\r\nb", allowing: .newlines) == "a␍\nb")
        #expect(VisibleText.isSafe("Broué’s “Sedov” — 三國演義 👍🏽"))
    }

    @Test func jsonKeepsItsEscapesAndLosesRawC1Controls() {
        #expect(VisibleText.escapingC1(inJSON: "{\"a\":\"x\u{9B}y\u{7F}\"}") == "{\"a\":\"x\\u009by\\u007f\"}")
        #expect(VisibleText.escapingC1(inJSON: "{\n\t\"a\" : \"é\"\n}") == "{\n\t\"a\" : \"é\"\n}")
    }
}
