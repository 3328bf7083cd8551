import Testing
import LectioTestSupport
@testable import LectioCore

/// Texts made to be slow: marks and markers by the hundred thousand still import in linear time.
@Suite struct PathologicalTextTests {
    @Test func blocksFullOfMarksLabelsAndLinesImportQuickly() {
        let marks = String(repeating: "_a =b a= ", count: 40_000)
        let labels = (0..<3_000).map { _ in "Claim [1] here.\n\n[1] Note.\n\nAgain [1] and *.\n\n* x" }.joined(separator: "\n\n")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let a = Fixtures.document(text: "Title Here\n\n" + marks)
            let b = Fixtures.document(text: "Title Here\n\n" + labels)
            #expect(a.blocks.count == 2)
            #expect(b.footnotes.filter { $0.note != nil }.count >= 3_000)
            let verse = Fixtures.document(text: "Title Here\n\n" + String(repeating: "    a verse line\n      and more\n", count: 30_000))
            #expect(verse.blocks.last?.lineBreaks.count == 59_999)
        }
        // Quadratic work here takes minutes (it did: 160 s); linear work, seconds in a debug build.
        #expect(elapsed < .seconds(60))
    }
}
