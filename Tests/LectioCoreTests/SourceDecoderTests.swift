import Foundation
import Testing
import LectioTestSupport
@testable import LectioCore

@Suite struct SourceDecoderTests {
    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try #require(SourceDecoder.decode(Array("Broué — “quoted”".utf8)))
        #expect(plain.text == "Broué — “quoted”")
        #expect(plain.encoding == .utf8)
        #expect(plain.notice == nil)
        let bom = try #require(SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("é".utf8)))
        #expect(bom.text == "é")
        #expect(bom.encoding == .utf8WithBOM)
    }

    @Test func utf16WithBOM() throws {
        let little = try #require(SourceDecoder.decode([0xFF, 0xFE, 0x42, 0x00, 0xE9, 0x00]))
        #expect(little.text == "Bé")
        #expect(little.encoding == .utf16LittleEndian)
        let big = try #require(SourceDecoder.decode([0xFE, 0xFF, 0x00, 0x42, 0x4E, 0x2D]))
        #expect(big.text == "B中")
    }

    @Test func invalidUTF8IsReadAsWindows1252WithANotice() throws {
        // "Broué" in Latin-1, a curly apostrophe (0x92) and CRLF line ends.
        let bytes: [UInt8] = [0x42, 0x72, 0x6F, 0x75, 0xE9, 0x92, 0x73, 0x0D, 0x0A, 0x6C, 0x69, 0x6E, 0x65]
        let decoded = try #require(SourceDecoder.decode(bytes))
        #expect(decoded.text == "Broué’s\nline")
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.notice?.contains("Windows-1252") == true)
    }

    @Test func lineEndsTabsAndControlCharacters() throws {
        let decoded = try #require(SourceDecoder.decode(Array("a\r\nb\rc\td\u{1B}]0;title\u{07}\u{1B}[2J".utf8)))
        #expect(decoded.text == "a\nb\nc       d␛]0;title␇␛[2J")
        #expect(!decoded.text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func binaryDataIsRefused() {
        #expect(SourceDecoder.decode([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00]) == nil)
        #expect(SourceDecoder.decode([UInt8](repeating: 0x01, count: 100)) == nil)
    }

    @Test func fileErrorsSayWhatIsWrong() throws {
        #expect(throws: TextLoadError.missing("/no/such/file")) { try SourceDecoder.load(path: "/no/such/file") }
        #expect(throws: TextLoadError.directory("/tmp")) { try SourceDecoder.load(path: "/tmp") }
        #expect(throws: TextLoadError.binary("/bin/ls")) { try SourceDecoder.load(path: "/bin/ls") }
    }

    @Test func emptyFileOpensWithANotice() throws {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("empty.txt")
        try Data().write(to: file)
        let opened = try TextOpener.open(path: file.path)
        #expect(opened.document.blocks.isEmpty)
        #expect(opened.document.notices.contains("empty text"))
    }
}
