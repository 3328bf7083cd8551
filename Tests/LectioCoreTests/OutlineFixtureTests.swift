import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore

/// Each real book's outline against its expected outline (sections with levels, footnotes with
/// their notes), derived from the book itself by `Tests/Fixtures/expected/derive.py`.
@Suite struct OutlineFixtureTests {
    static let books = [
        "war-and-peace.txt", "notre-dame-de-paris.txt", "leviathan.txt", "austen-letters.txt",
        "burns-poems.txt", "sanguo-yanyi.txt", "study-in-scarlet.txt",
    ]

    static func comparison(_ name: String) throws -> OutlineComparison {
        let stem = name.split(separator: ".").dropLast().joined(separator: ".")
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("expected/\(stem).expected.json")))
        let expected = try JSONDecoder().decode(OutlineComparison.Expected.self, from: data)
        let opened = try TextOpener.open(path: Fixtures.path(name))
        return OutlineComparison(expected: expected, actual: Outline(document: opened.document, encoding: opened.encoding))
    }

    /// Exact where Lectio reaches the expectation; else at least the documented floor, and
    /// never a footnote linked to the wrong note.
    @Test(arguments: books) func outlineMatchesTheExpectedOne(_ name: String) throws {
        let c = try Self.comparison(name)
        let floors = c.expected.floors
        let report = Comment(rawValue: c.report)
        if floors.sectionsFound == nil && floors.footnotesRight == nil {
            let exact = c.isExact
            #expect(exact, report)
            return
        }
        let titleRight = c.actual.title == c.expected.title
        let (wrong, extra) = (c.footnotesWrong.count, c.sectionsExtra.count)
        let (sections, footnotes) = (c.sectionsFound, c.footnotesRight)
        #expect(titleRight, report)
        #expect(wrong == 0, report)
        #expect(extra == 0, report)
        #expect(sections >= floors.sectionsFound ?? c.expected.sections.count, report)
        #expect(footnotes >= floors.footnotesRight ?? c.expected.footnotes.count, report)
    }

    /// The comparison itself notices a wrong link, a missing section and an extra marker.
    @Test func theComparisonFindsDifferences() throws {
        let expected = try JSONDecoder().decode(OutlineComparison.Expected.self, from: Data("""
            {"file": "t.txt", "title": "T", "floors": {},
             "sections": [{"title": "CHAPTER I", "level": 1, "line": 3, "matter": false},
                          {"title": "CHAPTER II", "level": 1, "line": 9, "matter": false}],
             "footnotes": [{"line": 5, "noteLine": 7}]}
            """.utf8))
        let d = Fixtures.document(text: "T\n\nCHAPTER I\n\nIt was a long claim, said he.* And another one.*\n\n*One.\n\n*Two.\n\nCHAPTER TWO\n")
        let c = OutlineComparison(expected: expected, actual: Outline(document: d))
        #expect(c.sectionsFound == 1)
        #expect(c.sectionsMissing.count == 1)
        #expect(c.sectionsExtra.count == 1)
        #expect(c.footnotesRight == 1)
        #expect(c.footnotesWrong.count == 1)
        let exact = c.isExact
        #expect(!exact)
    }
}
