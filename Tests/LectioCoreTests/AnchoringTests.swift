import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore

@Suite struct AnchoringTests {
    let original: Document
    let text: CanonicalText

    init() throws {
        original = try Fixtures.bundledDocument()
        text = CanonicalText(document: original)
    }

    func anchor(_ quote: String) throws -> Anchor {
        let start = try #require(text.occurrences(of: Array(quote.unicodeScalars)).first)
        return Anchoring.anchor(document: original, text: text, start: start, end: start + quote.unicodeScalars.count)
    }

    func edited(_ change: (inout String) -> Void) throws -> CanonicalText {
        var raw = try String(contentsOfFile: Fixtures.bundledTextPath, encoding: .utf8)
        change(&raw)
        return CanonicalText(document: Fixtures.document(text: raw))
    }

    @Test func anAnchorRecordsQuoteContextAndSection() throws {
        let a = try anchor("The truth will out.")
        #expect(a.exact == "The truth will out.")
        #expect(a.prefix == "f the hardships to be overcome. ")
        #expect(a.suffix.hasPrefix("\nNot one piece"))
        #expect(a.prefix.unicodeScalars.count == 32)
        #expect(a.section == "Chapter 7 — The Pen Against the Moscow Trials [excerpt]")
        #expect(Anchoring.place(a, in: text).status == .exact)
    }

    @Test func insertionBeforeThePassageMovesTheNoteWithIt() throws {
        let a = try anchor("The truth will out.")
        let changed = try edited { $0 = $0.replacingOccurrences(of: "Chapter 7\n", with: "A new paragraph of forty-odd characters.\n\nChapter 7\n") }
        let (range, status) = Anchoring.place(a, in: changed)
        let r = try #require(range)
        #expect(status == .moved)
        #expect(changed.string(r.lowerBound, r.upperBound) == "The truth will out.")
        #expect(r.lowerBound > a.start)
    }

    @Test func aQuoteThatOccursTwiceIsFoundByItsContext() throws {
        // "the trial" occurs many times; the note must stay on its own occurrence.
        let quote = "the trial of the 16."
        let a = try anchor(quote)
        let changed = try edited { $0 = "Preface added later about the trial of the 16. by someone.\n\n" + $0 }
        let (range, _) = Anchoring.place(a, in: changed)
        let r = try #require(range)
        #expect(changed.string(r.lowerBound - 20, r.lowerBound).hasSuffix("solid criticism of "))
    }

    @Test func aTypoFixedInsideThePassageStillAnchors() throws {
        let quote = "almost 20 years after the October Revoution: Salaries of 100 rubles"
        let a = try anchor(quote)
        let changed = try edited { $0 = $0.replacingOccurrences(of: "October Revoution", with: "October Revolution") }
        let (range, status) = Anchoring.place(a, in: changed)
        let r = try #require(range)
        #expect(status == .fuzzy)
        #expect(changed.string(r.lowerBound, r.upperBound) == "almost 20 years after the October Revolution: Salaries of 100 rubles")
    }

    @Test func aDeletedPassageMakesAnOrphan() throws {
        let a = try anchor("The truth will out.")
        let changed = try edited { $0 = $0.replacingOccurrences(of: " regardless of the hardships to be overcome. The truth will out.", with: "") }
        let (range, status) = Anchoring.place(a, in: changed)
        #expect(range == nil)
        #expect(status == .orphan)
    }

    @Test func tagsComeFromHashWords() {
        #expect(Annotation.tags(in: "On #trials and #Stalin-era (#tone), not a#b or # alone; #trials again") == ["trials", "Stalin-era", "tone"])
    }
}

