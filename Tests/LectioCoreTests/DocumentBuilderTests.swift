import Testing
import LectioCore

/// The one builder every importer feeds: a document made halfway is whole as far as it goes,
/// and what was built apart joins with everything that points into it shifted.
@Suite struct DocumentBuilderTests {
    /// A chapter with a numbered note reference, its note at the end of the chapter.
    func chapter(_ number: Int, into builder: inout DocumentBuilder, line: Int) {
        let heading = builder.append(.heading(level: 1), text: "CHAPTER \(number)", line: line)
        builder.addSection(Section(title: "CHAPTER \(number)", level: 1, block: heading, line: line))
        let text = "The trial began in August.[\(number)]"
        let paragraph = builder.append(.paragraph, text: text, line: line + 2)
        let marker = "[\(number)]"
        let start = text.unicodeScalars.count - marker.unicodeScalars.count
        builder.addFootnote("\(number)", block: paragraph, range: start..<text.unicodeScalars.count)
        let note = builder.append(.footnote, text: "[\(number)] Moscow, 1936.", line: line + 4)
        builder.addNote("\(number)", block: note, text: "Moscow, 1936.", line: line + 4)
    }

    @Test func aDocumentMadeHalfwayHoldsOnlyWhatStandsInItsBlocks() {
        var builder = DocumentBuilder()
        builder.title = "Trials"
        chapter(1, into: &builder, line: 1)
        // A section opened for a block still to come waits for it.
        builder.openSection("Notes", level: 1, line: 7, isMatter: true)
        let partial = builder.document(fallbackTitle: "file")
        #expect(partial.title == "Trials")
        #expect(partial.blocks.count == 3)
        #expect(partial.sections.map(\.title) == ["CHAPTER 1"])
        #expect(partial.footnotes.map(\.note) == [0])
        #expect(partial.scalarCount == partial.blocks.map(\.scalarCount).reduce(0, +) + 2)

        builder.append(.footnote, text: "Further notes.", line: 7)
        let whole = builder.document(fallbackTitle: "file")
        #expect(whole.sections.map(\.title) == ["CHAPTER 1", "Notes"])
        #expect(whole.sections.last?.block == 3)
        #expect(whole.blocks[3].start == partial.scalarCount + 1)
    }

    @Test func aMarkerFindsANoteThatComesLaterOnceItIsThere() {
        var builder = DocumentBuilder()
        let text = "As he wrote,* the end was near."
        let block = builder.append(.paragraph, text: text, line: 1)
        builder.addFootnote("*", block: block, range: 12..<13)
        #expect(builder.document(fallbackTitle: "t").footnotes.first?.note == nil)
        let note = builder.append(.footnote, text: "* He wrote it in 1937.", line: 3)
        builder.addNote("*", block: note, text: "He wrote it in 1937.", line: 3)
        #expect(builder.document(fallbackTitle: "t").footnotes.first?.note == 0)
    }

    @Test func aTentativeMarkerStaysOnlyIfItFindsANote() {
        var builder = DocumentBuilder()
        let block = builder.append(.paragraph, text: "Prices rose 5 * 3 times; see note 2^1.", line: 1)
        builder.addFootnote("*", block: block, range: 14..<15, tentative: true)
        builder.addFootnote("1", block: block, range: 36..<37, tentative: true)
        let note = builder.append(.footnote, text: "1 Figures of 1936.", line: 3)
        builder.addNote("1", block: note, text: "Figures of 1936.", line: 3)
        let document = builder.document(fallbackTitle: "t")
        #expect(document.footnotes.map(\.label) == ["1"])
        #expect(document.footnotes.first?.note == 0)
    }

    @Test func linksRecordedAsLinkedAreKeptAsTheImporterLinkedThem() {
        var builder = DocumentBuilder()
        let block = builder.append(.paragraph, text: "See 1 and 2.", line: 1)
        let second = builder.append(.footnote, text: "Second.", line: 2)
        let first = builder.append(.footnote, text: "First.", line: 3)
        builder.addNote("2", block: second, text: "Second.", line: 2)
        builder.addNote("1", block: first, text: "First.", line: 3)
        // The importer followed the references: "1" leads to the note it points at, whatever its label.
        builder.addFootnote("1", block: block, range: 4..<5, note: 0)
        builder.addFootnote("2", block: block, range: 10..<11, note: 1)
        #expect(builder.document(fallbackTitle: "t", linking: .asRecorded).footnotes.map(\.note) == [0, 1])
        #expect(builder.document(fallbackTitle: "t").footnotes.map(\.note) == [1, 0])
    }

    @Test func whatWasBuiltApartJoinsWithEverythingShifted() {
        var book = DocumentBuilder()
        book.beginPart("OPS/ch1.xhtml")
        chapter(1, into: &book, line: 1)
        var apart = DocumentBuilder()
        chapter(2, into: &apart, line: 1)
        apart.addLink(block: 1, range: 0..<3, target: .passage(block: 0, offset: 4))
        book.beginPart("OPS/ch2.xhtml")
        #expect(book.join(apart) == 3)
        let document = book.document(fallbackTitle: "t")
        #expect(document.sections.map(\.block) == [0, 3])
        #expect(document.notes.map(\.block) == [2, 5])
        #expect(document.footnotes.map(\.block) == [1, 4])
        #expect(document.footnotes.map(\.note) == [0, 1])
        #expect(document.links.first?.block == 4)
        #expect(document.links.first?.target == .passage(block: 3, offset: 4))
        #expect(document.sourcePart(containing: 2) == "OPS/ch1.xhtml")
        #expect(document.sourcePart(containing: 3) == "OPS/ch2.xhtml")
    }

    @Test func sectionsStayInBlockOrderAndTakeTheirLevelToTheirHeading() {
        var builder = DocumentBuilder()
        builder.openSection("Project Gutenberg header", level: 1, line: 1, isMatter: true)
        builder.append(.frontMatter, text: "The Project Gutenberg eBook", line: 1)
        let part = builder.append(.heading(level: 1), text: "PART ONE", line: 5)
        builder.addSection(Section(title: "PART ONE", level: 1, block: part, line: 5))
        let chapter = builder.append(.heading(level: 1), text: "CHAPTER I", line: 9)
        builder.addSection(Section(title: "CHAPTER I", level: 1, block: chapter, line: 9))
        builder.append(.paragraph, text: "It began.", line: 11)
        builder.openSection("Project Gutenberg licence", level: 1, line: 13, isMatter: true)
        builder.append(.frontMatter, text: "End of the Project Gutenberg eBook", line: 13)
        // A section found afterwards goes where its block stands.
        #expect(builder.addSection(Section(title: "Notes", level: 1, block: 3, line: 11, isMatter: true)) == 3)
        builder.setLevel(ofSection: 2, to: 2)
        let document = builder.document(fallbackTitle: "t")
        #expect(document.sections.map(\.title) == ["Project Gutenberg header", "PART ONE", "CHAPTER I", "Notes", "Project Gutenberg licence"])
        #expect(document.blocks[chapter].kind == .heading(level: 2))
        // A section that is no heading keeps its block as it is.
        builder.setLevel(ofSection: 0, to: 2)
        #expect(builder.document(fallbackTitle: "t").blocks[0].kind == .frontMatter)
    }
}
