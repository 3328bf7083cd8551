import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore

/// The bytes decide what a file is, the name only between kinds of text.
@Suite struct ImporterPipelineTests {
    @Test func anEPUBIsAnEPUBWhateverItsName() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("epub/moby-dick.epub")))
        #expect(SourceKind.of(bytes, path: "book.txt") == .epub)
        #expect(SourceKind.of(bytes, path: "book") == .epub)
        let opened = try TextOpener.open(bytes, path: "renamed.txt")
        #expect(opened.document.title.contains("Moby-Dick"))
    }

    @Test func textKindsByName() {
        let text = Data("# Title\n\nSome *text*.\n".utf8)
        #expect(SourceKind.of(text, path: "notes.md") == .markdown)
        #expect(SourceKind.of(text, path: "notes.MARKDOWN") == .markdown)
        #expect(SourceKind.of(text, path: "notes.txt") == .plainText)
        // The Markdown importer drew the emphasis; the plain-text one keeps the text as written.
        #expect((try? TextOpener.open(text, path: "a.md"))?.document.blocks.last?.text == "Some text.")
        #expect((try? TextOpener.open(text, path: "a.txt"))?.document.blocks.last?.text.contains("*text*") == true)
    }

    @Test func aZipThatIsNoEPUBIsRefusedAsBinary() {
        var zip = Data([0x50, 0x4B, 0x03, 0x04])
        zip.append(Data(repeating: 0, count: 64))
        #expect(SourceKind.of(zip, path: "archive.zip") == .plainText)
        #expect(throws: TextLoadError.binary("archive.zip")) { try TextOpener.open(zip, path: "archive.zip") }
    }
}
