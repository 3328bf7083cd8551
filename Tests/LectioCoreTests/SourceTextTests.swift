import Foundation
import Testing
import LectioCore
import LectioTestSupport

/// Offsets in the source file: every word of the reader's text is found where the file has it,
/// whatever the importer did to the lines around it.
struct SourceTextTests {
    /// A document read from `text` as the file `name`, with its source text.
    func opened(_ text: String, name: String = "t.txt") throws -> (Document, SourceText, [Unicode.Scalar]) {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let document = try TextOpener.open(path: path).document
        let canonical = CanonicalText(document: document)
        let source = SourceText.of(file: path, document: document, canonical: canonical)
        // The decoded file: the text itself, less a byte-order mark.
        var file = Array(text.unicodeScalars)
        if file.first == "\u{FEFF}" { file.removeFirst() }
        if source.isSourceFile { #expect(source.source.scalars == file) }
        return (document, source, file)
    }

    /// Every word of the canonical text that the file holds maps to a source range holding it.
    func expectEveryWordInPlace(_ source: SourceText, _ file: [Unicode.Scalar], every step: Int = 1,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let c = source.canonical.scalars
        let fileWords = Set(String(String.UnicodeScalarView(file)).split(whereSeparator: \.isWhitespace).map(String.init))
        var i = 0, n = 0, checked = 0, wrong: [String] = []
        while i < c.count {
            while i < c.count, CanonicalText.isSpace(c[i]) { i += 1 }
            var j = i
            while j < c.count, !CanonicalText.isSpace(c[j]) { j += 1 }
            guard j > i else { break }
            let word = String(String.UnicodeScalarView(c[i..<j]))
            n += 1
            if n % step == 0, fileWords.contains(word) {
                let r = source.sourceRange(of: i..<j)
                let found = String(String.UnicodeScalarView(file[r]))
                if found != word { wrong.append("\(word) → \(found)") }
                #expect(source.canonicalRange(of: r) == i..<j, "\(word)", sourceLocation: sourceLocation)
                checked += 1
            }
            i = j
        }
        #expect(checked > 0, sourceLocation: sourceLocation)
        #expect(wrong.isEmpty, "\(wrong.prefix(10))", sourceLocation: sourceLocation)
    }

    @Test func theBundledTextMapsWordForWord() throws {
        let text = try String(contentsOfFile: Fixtures.bundledTextPath, encoding: .utf8)
        let (_, source, file) = try opened(text)
        #expect(source.isSourceFile)
        expectEveryWordInPlace(source, file)
        // The example: the file has the sentence at 7,379, the reader's text earlier.
        let quote = Array("The truth will out.".unicodeScalars)
        let canonicalStart = try #require(source.canonical.occurrences(of: quote).first)
        #expect(source.sourceRange(of: canonicalStart..<(canonicalStart + quote.count)) == 7379..<7398)
    }

    @Test func wrappedLinesCRLFTabsHyphensAndJoinedHeadingsKeepOffsets() throws {
        let text = "\u{FEFF}Chapter 7\r\nThe Pen\r\n\r\n\tAn indented, hard-wrapped para-\r\ngraph whose lines\r\n    are joined.\r\n\r\n"
            + String(repeating: " ", count: 60) + "CENTRED\r\n\r\nBell\u{07} rings.\r\n"
        let (_, source, file) = try opened(text)
        expectEveryWordInPlace(source, file)
        let c = source.canonical
        let joined = try #require(c.occurrences(of: Array("para-graph whose".unicodeScalars)).first)
        let r = source.sourceRange(of: joined..<(joined + 16))
        #expect(String(String.UnicodeScalarView(file[r])) == "para-\r\ngraph whose")
    }

    @Test func markdownOffsetsAreItsTextContent() throws {
        let (_, source, _) = try opened("# Title\n\nSome *emphasis* here.\n", name: "t.md")
        #expect(!source.isSourceFile)
        #expect(source.sourceRange(of: 3..<7) == 3..<7)
    }

    @Test func everyFixtureMapsWordForWord() throws {
        for name in ["study-in-scarlet.txt", "sedov-broue.txt"] {
            let text = try String(contentsOfFile: Fixtures.path(name), encoding: .utf8)
            let (_, source, file) = try opened(text)
            expectEveryWordInPlace(source, file, every: 7)
        }
    }
}
