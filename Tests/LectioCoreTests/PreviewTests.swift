import Foundation
import LectioCore
import LectioTestSupport
import Testing

/// The preview (the first screen, imported from a window of the file before the whole) shows
/// what the whole import shows at the same place: the same words from the same place, and in
/// novels and treatises the same blocks. Collections of letters and poems, and title pages,
/// are judged on evidence from the whole book (dated letters run on through the book; a
/// title page is told from the contents after it): there the preview may style a line
/// otherwise until the whole is there.
@Suite struct PreviewTests {
    static let books = ["war-and-peace.txt", "leviathan.txt", "notre-dame-de-paris.txt", "austen-letters.txt",
                        "burns-poems.txt", "sanguo-yanyi.txt", "study-in-scarlet.txt"]
    static let collections: Set = ["austen-letters.txt", "burns-poems.txt"]

    /// The words of the blocks shown from `start` on, the first `count` characters of them.
    static func words(_ document: Document, from start: Int, count: Int = 3000) -> String {
        String(document.blocks[start...].prefix(40).map(\.text).joined(separator: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ").prefix(count))
    }

    /// The blocks shown from `start` on: kind and text, enough for a tall screen.
    static func shown(_ document: Document, from start: Int, count: Int = 25) -> [String] {
        document.blocks[start...].prefix(count).map { "\($0.kind): \($0.text.prefix(60))" }
    }

    /// The first block where two lists differ, both sides (nil: the same).
    static func firstDifference(_ a: [String], _ b: [String]) -> String? {
        guard a != b else { return nil }
        let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        return "block \(i): \(i < a.count ? a[i] : "(none)") ≠ \(i < b.count ? b[i] : "(none)")"
    }

    @Test(arguments: books)
    func theStartIsShownAsTheWholeShowsIt(_ book: String) throws {
        let bytes = try SourceFile.read(path: Fixtures.path(book))
        let whole = try TextOpener.open(bytes, path: book).document
        let preview = try #require(Preview.of(bytes, path: book))
        let top = preview.document.blockIndex(containing: preview.top)
        #expect(preview.percent == 0)
        #expect(Self.words(preview.document, from: top) == Self.words(whole, from: whole.startBlock))
        // The title, even one the text gives only in its last lines.
        #expect(preview.document.title == whole.title)
    }

    @Test(arguments: books)
    func aPlaceLeftIsShownAsTheWholeShowsIt(_ book: String) throws {
        let bytes = try SourceFile.read(path: Fixtures.path(book))
        let whole = try TextOpener.open(bytes, path: book).document
        for tenth in [1, 3, 5, 7, 9] {
            let block = whole.blocks.count * tenth / 10
            let top = whole.blocks[block].start + min(5, whole.blocks[block].scalarCount)
            let state = ReadingState(position: top + 40, top: top, history: JumpHistory(), marks: [:], searches: [])
            let point = try #require(ResumePoint(state, document: whole, bytes: bytes, modified: nil, percent: tenth * 10))
            let preview = try #require(Preview.of(bytes, path: book, resume: point))
            let shownBlock = preview.document.blockIndex(containing: preview.top)
            #expect(preview.top - preview.document.blocks[shownBlock].start == top - whole.blocks[block].start, "\(book) at \(tenth)0%")
            #expect(Self.words(preview.document, from: shownBlock) == Self.words(whole, from: block), "\(book) at \(tenth)0%")
            if !Self.collections.contains(book) {
                #expect(Self.firstDifference(Self.shown(preview.document, from: shownBlock), Self.shown(whole, from: block)) == nil,
                        "\(book) at \(tenth)0%")
            }
            // Bytes and blocks are not spread alike: a tenth of the blocks is about a tenth of the file.
            #expect(abs(preview.percent - tenth * 10) <= 15)
        }
    }

    /// A long file is not read whole for its preview: its start, and a stretch read further in.
    @Test func aSampleOfTheFileGivesThePreviewTheWholeBytesGive() throws {
        let path = Fixtures.path("war-and-peace.txt")
        let bytes = try SourceFile.read(path: path)
        let sample = try SourceFile.sample(path: path, count: Preview.sampleSize)
        #expect(sample.head.count == Preview.sampleSize)
        #expect(sample.size == bytes.count)
        #expect(sample.head == bytes.prefix(Preview.sampleSize))
        let whole = try TextOpener.open(bytes, path: path).document
        let fromStart = try #require(Preview.of(sample))
        #expect(Self.words(fromStart.document, from: fromStart.document.blockIndex(containing: fromStart.top))
                == Self.words(whole, from: whole.startBlock))
        for tenth in [4, 9] {
            let block = whole.blocks[whole.blocks.count * tenth / 10]
            let state = ReadingState(position: block.start, top: block.start, history: JumpHistory(), marks: [:], searches: [])
            let point = try #require(ResumePoint(state, document: whole, bytes: bytes, modified: nil, percent: tenth * 10))
            let read = try #require(Preview.of(sample, resume: point))
            let inMemory = try #require(Preview.of(bytes, path: path, resume: point))
            #expect(read.percent == inMemory.percent)
            #expect(Self.shown(read.document, from: read.document.blockIndex(containing: read.top))
                    == Self.shown(inMemory.document, from: inMemory.document.blockIndex(containing: inMemory.top)))
            #expect(read.document.blocks[read.document.blockIndex(containing: read.top)].text == block.text)
        }
        // A file that is not there any more: no preview, no crash (the import says why).
        let gone = FileSample(path: "/nonexistent/war-and-peace.txt", size: sample.size, modified: nil, head: sample.head)
        let state = ReadingState(position: whole.scalarCount / 2, top: whole.scalarCount / 2, history: JumpHistory(), marks: [:], searches: [])
        #expect(Preview.of(gone, resume: ResumePoint(state, document: whole, bytes: bytes, modified: nil, percent: 50)) == nil)
    }

    @Test func aShortFileHasNoPreview() throws {
        let short = Data("A title\n\nA paragraph.\n".utf8)
        #expect(Preview.of(short, path: "short.txt") == nil)
        // A ZIP's first bytes, then nothing a ZIP holds.
        #expect(Preview.of(Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x20, count: 200_000)), path: "damaged.epub") == nil)
    }

    /// An EPUB's preview is the document it opens on, or the one left, converted alone.
    @Test(arguments: ["moby-dick.epub", "childrens-literature.epub", "briefe-aus-dem-gefaengnis.epub", "epictetus-short-works.epub"])
    func anEPUBOpensOnTheDocumentTheWholeOpensOn(_ book: String) throws {
        let bytes = try SourceFile.read(path: Fixtures.path("epub/" + book))
        let whole = try TextOpener.open(bytes, path: book).document
        guard bytes.count >= Preview.minimumSize / 2 else { return }
        let preview = try #require(Preview.of(bytes, path: book))
        #expect(Self.words(preview.document, from: preview.document.blockIndex(containing: preview.top), count: 600)
                == Self.words(whole, from: whole.startBlock, count: 600), "\(book)")
        for tenth in [2, 5, 8] {
            let block = whole.blocks.count * tenth / 10
            let top = whole.blocks[block].start
            let state = ReadingState(position: top, top: top, history: JumpHistory(), marks: [:], searches: [])
            guard let point = ResumePoint(state, document: whole, bytes: bytes, modified: nil, percent: tenth * 10) else { continue }
            let left = try #require(Preview.of(bytes, path: book, resume: point))
            let shown = left.document.blockIndex(containing: left.top)
            #expect(Self.firstDifference(Self.shown(left.document, from: shown, count: 10), Self.shown(whole, from: block, count: 10)) == nil,
                    "\(book) at \(tenth)0%")
        }
    }

    @Test func aTextThatIsOneLongLineIsCutBetweenCharacters() throws {
        let line = String(repeating: "é mot 漢字 ", count: 40_000)
        let bytes = Data(line.utf8)
        let point = ResumePoint(byteOffset: bytes.count / 2, withinBlock: 0, cursorAfterTop: 0, fileSize: bytes.count, modified: nil,
                                title: "", section: nil, percent: 50)
        let preview = try #require(Preview.of(bytes, path: "line.txt", resume: point))
        let text = preview.document.blocks.map(\.text).joined()
        #expect(!text.contains("\u{FFFD}"))
        #expect(text.unicodeScalars.count < 60_000)
        #expect(preview.percent >= 45 && preview.percent <= 55)
    }

    /// Lines end where the decoder ends them: LF, CR LF, a lone CR, a form feed.
    @Test func lineEndsAreCountedAsTheDecoderCountsThem() throws {
        let bytes = Data("one\r\ntwo\rthree\u{0C}four\nfive\n".utf8)
        let decoded = try #require(SourceDecoder.decode([UInt8](bytes))).text
        let lines = decoded.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where !line.isEmpty {
            let offset = Preview.byteOffset(ofLine: i + 1, in: bytes)
            #expect(String(decoding: bytes[offset...].prefix(line.utf8.count), as: UTF8.self) == String(line), "line \(i + 1)")
        }
    }

    /// Far into a paragraph too long for a window, the place is kept in bytes, and shown.
    @Test func aPlaceFarIntoAVeryLongParagraphIsShownThere() throws {
        let words = (0..<60_000).map { "word\($0)" }
        let text = "A Title\n\n" + words.joined(separator: " ") + "\n"
        let bytes = Data(text.utf8)
        let whole = try TextOpener.open(bytes, path: "long.txt").document
        let block = try #require(whole.blocks.last)
        let place = block.text.range(of: "word30000 ").map { block.text.unicodeScalars.distance(from: block.text.unicodeScalars.startIndex, to: $0.lowerBound) }
        let top = block.start + (try #require(place))
        let state = ReadingState(position: top, top: top, history: JumpHistory(), marks: [:], searches: [])
        let point = try #require(ResumePoint(state, document: whole, bytes: bytes, modified: nil, percent: 50))
        #expect(point.withinBlock == 0)
        #expect(point.byteOffset > 200_000)
        let preview = try #require(Preview.of(bytes, path: "long.txt", resume: point))
        let shown = preview.document.blocks[preview.document.blockIndex(containing: preview.top)]
        let from = shown.text.unicodeScalars.dropFirst(preview.top - shown.start)
        #expect(String(String.UnicodeScalarView(from.prefix(40))).contains("word30000"))
    }

    @Test func theLineOfABlockIsFoundByItsByteOffset() {
        let bytes = Data("one\ntwo\n\nfour\n".utf8)
        #expect(Preview.byteOffset(ofLine: 1, in: bytes) == 0)
        #expect(Preview.byteOffset(ofLine: 2, in: bytes) == 4)
        #expect(Preview.byteOffset(ofLine: 4, in: bytes) == 9)
        #expect(Preview.byteOffset(ofLine: 9, in: bytes) == bytes.count)
    }
}
