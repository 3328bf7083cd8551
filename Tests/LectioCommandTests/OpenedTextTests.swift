import ArgumentParser
import Foundation
import Testing
import LectioAssets
import LectioCore
import LectioTestSupport
@testable import lectio

/// Opening the text to read: the bundled one from the bytes in the binary, or a file.
@Suite struct OpenedTextTests {
    @Test func theBundledTextOpensAsTheFileWould() throws {
        let bundled = try OpenedText.open(nil)
        let file = try OpenedText.open(Fixtures.path("sedov-broue.txt"))
        #expect(bundled.isBundled && !file.isBundled)
        #expect(bundled.path == BundledText.fileName)
        #expect(bundled.encoding == file.encoding)
        #expect(bundled.document.title == file.document.title)
        #expect(bundled.document.sections.map(\.title) == file.document.sections.map(\.title))
        #expect(bundled.document.blocks.count == file.document.blocks.count)
    }

    @Test func theNotesFileNamesTheBundledTextByTheHashOfItsBytes() throws {
        let fixture = try #require(FileManager.default.contents(atPath: Fixtures.path("sedov-broue.txt")))
        let identity = OpenedText.identity(title: "T", path: BundledText.fileName, isBundled: true)
        #expect(identity.sha256 == SHA256.hex([UInt8](fixture)))
        #expect(identity.path == BundledText.fileName)
        let ofFile = OpenedText.identity(title: "T", path: Fixtures.path("sedov-broue.txt"), isBundled: false)
        #expect(ofFile.sha256 == identity.sha256)
        #expect(ofFile.path.hasPrefix("/") && ofFile.path.hasSuffix("/Tests/Fixtures/sedov-broue.txt"))
    }

    @Test func aMissingFileExits1() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ExitCode(1)) { try OpenedText.open(folder.appendingPathComponent("absent.txt").path) }
    }
}
