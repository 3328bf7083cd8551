import Foundation
import Testing
import LectioCore
import LectioTestSupport

/// What Markdown asks of the page: entities, tight and nested lists, the end of the text.
@Suite struct MarkdownTypographyTests {
    @Test func entitiesAndNumericReferencesAreDecoded() throws {
        let document = try Fixtures.document("typography.md")
        let paragraph = try #require(document.blocks.first { $0.text.hasPrefix("A paragraph") }).text
        #expect(paragraph.contains("entity—like this one & a numeric one “quoted” and —hex."))
        #expect(!paragraph.contains("&mdash;") && !paragraph.contains("&#"))
        // An unknown name stays as written; code keeps its ampersands.
        let other = Fixtures.document(text: "Fish &chips; and `&amp;` here", name: "x.md")
        #expect(other.blocks[0].text == "Fish &chips; and &amp; here")
    }

    @Test func tightListsJoinLooseListsDoNot() throws {
        let document = try Fixtures.document("typography.md")
        let items = document.blocks.filter { $0.kind == .listItem }
        let one = try #require(items.first { $0.text == "• one" })
        let three = try #require(items.first { $0.text == "• three" })
        let alpha = try #require(items.first { $0.text == "• alpha" })
        #expect(one.joinsNext && !three.joinsNext && !alpha.joinsNext)
        let layout = DocumentLayout(document: document, width: 60, measure: .unicode)
        let index = try #require(document.blocks.firstIndex { $0.text == "• one" })
        #expect(layout.lines(ofBlock: index).map(\.text) == ["• one"])
    }

    @Test func nestedListsKeepTheirDepthAndNumbers() throws {
        let document = try Fixtures.document("typography.md")
        let depths = document.blocks.filter { $0.kind == .listItem }.map { ($0.text, $0.depth) }
        let expected: [(String, Int)] = [("1. First step", 0), ("2. Second step", 0), ("• a nested point", 1),
                                         ("• nested deeper", 2), ("• back one level", 1), ("3. Third step", 0)]
        for (text, depth) in expected {
            #expect(depths.contains { $0.0 == text && $0.1 == depth }, "\(text) at depth \(depth): \(depths)")
        }
        let layout = DocumentLayout(document: document, width: 60, measure: .unicode)
        let indents = expected.map { item in document.blocks.firstIndex { $0.text == item.0 }.map { layout.lines(ofBlock: $0)[0].indent } }
        #expect(indents == [2, 2, 4, 6, 4, 2])
    }

    @Test func theEndMarkStandsBeforeTheGutenbergLicence() throws {
        let document = try Fixtures.document("study-in-scarlet.txt")
        let layout = DocumentLayout(document: document, width: 72, measure: .unicode)
        let licence = try #require(document.sections.first { $0.isMatter && $0.block > document.startBlock && $0.title.contains("licence") })
        #expect(layout.endOfText < licence.block)
        let mark = layout.line(at: layout.endMark)
        #expect(mark.ornament == .endOfText && mark.text == "— end —")
        #expect(mark.indent == (72 - 7) / 2)
        // The cursor's lines step over it; offsets are not moved by it.
        #expect(layout.isSpacing(layout.endMark))
        #expect(layout.position(ofCanonical: layout.canonicalOffset(of: layout.endMark)) != layout.endMark)
    }

    @Test func tablesAreAlignedRows() throws {
        let document = try Fixtures.document("typography.md")
        let table = try #require(document.blocks.first { $0.text.hasPrefix("Team") })
        let rows = table.text.split(separator: "\n").map(String.init)
        #expect(rows.count == 4)
        // Every row's second and third columns begin at the same column, markup taken out.
        func column(of word: String, in row: String) -> Int? {
            row.range(of: word).map { row.distance(from: row.startIndex, to: $0.lowerBound) }
        }
        let seats = [column(of: "Seats", in: rows[0]), column(of: "1", in: rows[1]), column(of: "1", in: rows[2]), column(of: "0", in: rows[3])]
        #expect(Set(seats).count == 1 && seats[0] == "Language design".count + 2)
        #expect(rows[1].hasSuffix("the rustc team") && rows[2].hasSuffix("lang"))
        #expect(!table.text.contains("|") && !table.text.contains("---"))
        #expect(table.styles.contains { $0.style == .code } && table.styles.contains { $0.style == .strong })
    }
}
