import Foundation
import Testing
import LectioCore
import LectioTestSupport

/// Damaged and hostile EPUBs: clear words, never a crash.
@Suite struct EPUBBadInputTests {
    @Test func aMissingDocumentIsNamedAndTheRestIsRead() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", "<p>Here.</p>")
        book.chapter("c2.xhtml", "<p>Gone.</p>")
        book.omitted = ["OPS/c2.xhtml"]
        let d = try book.document()
        #expect(d.blocks.map(\.text) == ["Here."])
        #expect(d.notices.contains { $0.contains("missing from the book") && $0.contains("OPS/c2.xhtml") })
    }

    @Test func malformedXHTMLKeepsWhatParsedAndNamesTheFile() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", "")
        book.chapter("c2.xhtml", "<p>Fine.</p>")
        book.files.append(("OPS/c1.xhtml", Data("<html><body><p>Kept.</p><p>Broken <b>bold</p><p>Lost.</p></body></html>".utf8)))
        let d = try book.document()
        #expect(d.blocks.first?.text == "Kept.")
        // libxml2 recovers past the error: the paragraph after it is there too.
        #expect(d.blocks.contains { $0.text == "Lost." }, "\(d.blocks.map(\.text))")
        #expect(d.blocks.last?.text == "Fine.")
        #expect(d.notices.contains { $0.hasPrefix("OPS/c1.xhtml: not well-formed XML at line 1") }, "\(d.notices)")
    }

    @Test func encryptedContentIsDRMButObfuscatedFontsAreFine() throws {
        func encryption(_ algorithm: String, _ uri: String) -> Data {
            Data("""
                <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
                <enc:EncryptedData><enc:EncryptionMethod Algorithm="\(algorithm)"/>
                <enc:CipherData><enc:CipherReference URI="\(uri)"/></enc:CipherData></enc:EncryptedData>
                </encryption>
                """.utf8)
        }
        var locked = EPUBTestBook()
        locked.chapter("c1.xhtml", "<p>Secret.</p>")
        locked.files.append(("META-INF/encryption.xml", encryption("http://www.w3.org/2001/04/xmlenc#aes128-cbc", "OPS/c1.xhtml")))
        #expect(throws: EPUBError.drm) { try locked.document() }
        #expect(EPUBError.drm.description.contains("this book is DRM-protected"))
        var fonts = EPUBTestBook()
        fonts.chapter("c1.xhtml", "<p>Open.</p>")
        fonts.files.append(("META-INF/encryption.xml", encryption("http://www.idpf.org/2008/embedding", "OPS/fonts/a.otf")))
        #expect(try fonts.document().blocks.map(\.text) == ["Open."])
    }

    @Test func aZipBombIsRefused() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", "<p>" + String(repeating: " ", count: 4 << 20) + "x</p>")
        #expect {
            try book.document()
        } throws: { error in
            guard case EPUBError.tooLarge(let why) = error else { return false }
            return why.contains("OPS/c1.xhtml") && why.contains("to 1")
        }
    }

    @Test func unsafeEntryNamesAreLeftOutAndUTF8NamesRead() throws {
        var book = EPUBTestBook()
        book.chapter("kapitel-%C3%A4.xhtml", "")
        book.files.append(("OPS/kapitel-ä.xhtml", Data(EPUBTestBook.xhtml("<p>Umlaut file.</p>").utf8)))
        book.chapter("../../evil.xhtml", "<p>Outside.</p>")
        book.files.append(("../../evil.xhtml", Data(EPUBTestBook.xhtml("<p>Outside.</p>").utf8)))
        book.files.append(("/etc/evil.xhtml", Data("x".utf8)))
        let d = try book.document()
        #expect(d.blocks.map(\.text) == ["Umlaut file."])
        #expect(d.notices.contains { $0.contains("unsafe name") && $0.contains("../../evil.xhtml") && $0.hasPrefix("3 ZIP entries") }, "\(d.notices)")
    }

    @Test func aUTF8NameWithoutTheZIPsUTF8FlagIsFoundToo() throws {
        var book = EPUBTestBook()
        book.chapter("kapitel-%C3%A4.xhtml", "")
        book.files.append(("OPS/kapitel-ä.xhtml", Data(EPUBTestBook.xhtml("<p>Found.</p>").utf8)))
        // Clear the UTF-8 flag (bit 11) in every local and central header, as sloppy zips do.
        var bytes = [UInt8](try book.data())
        for i in 0..<(bytes.count - 10) {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x03, bytes[i + 3] == 0x04 { bytes[i + 7] &= ~0x08 }
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x01, bytes[i + 3] == 0x02 { bytes[i + 9] &= ~0x08 }
        }
        let d = try EPUBImporter.document(from: Data(bytes), path: "x.epub")
        #expect(d.blocks.map(\.text) == ["Found."])
    }

    @Test func markupNestedTooDeepIsCutShortWithANotice() throws {
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", "<p>Before.</p>" + String(repeating: "<div>", count: 5000) + "deep" + String(repeating: "</div>", count: 5000))
        let d = try book.document()
        #expect(d.blocks.first?.text == "Before.")
        #expect(d.notices.contains { $0.hasPrefix("OPS/c1.xhtml: not well-formed XML") })
    }

    @Test func notAZipAndNoContainerAreClearErrors() throws {
        #expect {
            try EPUBImporter.document(from: Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 100)), path: "x.epub")
        } throws: { error in
            guard case EPUBError.notAZip = error else { return false }
            return true
        }
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", "<p>x</p>")
        let data = try book.data()
        // Rename the container in place: same length, so the ZIP stays valid.
        let renamed = Self.replacing("META-INF/container.xml", with: "META-INF/containex.xml", in: data)
        #expect(throws: EPUBError.noPackage("META-INF/container.xml is missing")) { try EPUBImporter.document(from: renamed, path: "x.epub") }
    }

    @Test func theOpenerSniffsAnEPUBAndReportsItsProblemsAsAFileThatCannotBeRead() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var book = EPUBTestBook()
        book.chapter("c1.xhtml", "<p>Opened through the sniffer.</p>")
        // No `.epub` extension: the bytes decide.
        let file = folder.appendingPathComponent("book.bin")
        try book.data().write(to: file)
        let opened = try TextOpener.open(path: file.path)
        #expect(opened.document.blocks.map(\.text) == ["Opened through the sniffer."])
        book.files.append(("META-INF/encryption.xml", Data(#"<encryption><EncryptedData><EncryptionMethod Algorithm="x"/><CipherData><CipherReference URI="OPS/c1.xhtml"/></CipherData></EncryptedData></encryption>"#.utf8)))
        try book.data().write(to: file)
        #expect {
            try TextOpener.open(path: file.path)
        } throws: { error in
            (error as? TextLoadError)?.description.contains("this book is DRM-protected") == true
        }
    }

    static func replacing(_ old: String, with new: String, in data: Data) -> Data {
        var bytes = [UInt8](data)
        let needle = Array(old.utf8), replacement = Array(new.utf8)
        var i = 0
        while i + needle.count <= bytes.count {
            if Array(bytes[i..<(i + needle.count)]) == needle { bytes.replaceSubrange(i..<(i + needle.count), with: replacement) }
            i += 1
        }
        return Data(bytes)
    }
}
