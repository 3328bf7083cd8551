import Testing
import LectioCore
import LectioTestSupport

/// The command line finds a passage with the reader's notion of "the same words".
struct PassageFinderTests {
    let document: Document
    let finder: PassageFinder
    init() throws {
        document = try Fixtures.bundledDocument()
        finder = PassageFinder(document: document)
    }

    func quote(_ range: Range<Int>) -> String { CanonicalText(document: document).string(range.lowerBound, range.upperBound) }

    @Test func plainQuotesDashesAndLineBreaksFindTypographicText() throws {
        #expect(quote(try finder.passage(quote: "defend Trotsky's honor", at: nil, section: nil, occurrence: nil)) == "defend Trotsky’s honor")
        // Case ignored without a capital, accents ignored.
        #expect(quote(try finder.passage(quote: "the truth  will\nout", at: nil, section: nil, occurrence: nil)) == "The truth will out")
    }

    @Test func anAmbiguousQuoteListsItsOccurrencesWithTheirPlaces() throws {
        #expect(throws: PassageFinder.Failure.self) { try finder.passage(quote: "Moscow", at: nil, section: nil, occurrence: nil) }
        do {
            _ = try finder.passage(quote: "Moscow", at: nil, section: nil, occurrence: nil)
        } catch let failure as PassageFinder.Failure {
            guard case .ambiguous(_, let occurrences) = failure else { Issue.record("\(failure)"); return }
            #expect(occurrences.count == 8)
            #expect(occurrences[0].paragraph == "1.5")
            #expect(occurrences[0].section == "Introduction by Peter Katel")
            let message = failure.message(in: "book.txt")
            #expect(message.contains("8 occurrences"))
            #expect(message.contains("--occurrence N"))
        }
        let third = try finder.passage(quote: "Moscow", at: nil, section: nil, occurrence: 3)
        #expect(third == finder.occurrences(of: "Moscow")[2].range)
        #expect(throws: PassageFinder.Failure.noSuchOccurrence(quote: "Moscow", wanted: 9, found: 8)) {
            try finder.passage(quote: "Moscow", at: nil, section: nil, occurrence: 9)
        }
    }

    @Test func aParagraphOrASectionNarrowsTheSearch() throws {
        let here = try finder.passage(quote: "Moscow", at: "3.2", section: nil, occurrence: nil)
        #expect(ParagraphReferences(document: document).label(ofBlock: document.blockIndex(containing: here.lowerBound)) == "3.2")
        let paragraph = try finder.passage(quote: nil, at: "3.2", section: nil, occurrence: nil)
        #expect(paragraph.contains(here.lowerBound))
        #expect(throws: PassageFinder.Failure.noSuchParagraph("9.99")) { try finder.passage(quote: nil, at: "9.99", section: nil, occurrence: nil) }
        let intro = try finder.passage(quote: "Moscow", at: nil, section: "Introduction", occurrence: nil)
        #expect(intro == finder.occurrences(of: "Moscow")[0].range)
        #expect(throws: PassageFinder.Failure.noSuchSection("Epilogue")) { try finder.passage(quote: "Moscow", at: nil, section: "Epilogue", occurrence: nil) }
        #expect(throws: PassageFinder.Failure.notFound(quote: "not in this book")) { try finder.passage(quote: "not in this book", at: nil, section: nil, occurrence: nil) }
    }
}
