import Foundation
import Testing
import LectioAssets
import LectioTestSupport

/// The bundled text compiled into the binary by the EmbedAssets plugin.
@Suite struct BundledTextTests {
    @Test func embeddedBytesAreTheTextByteForByte() throws {
        let fixture = try #require(FileManager.default.contents(atPath: Fixtures.path("sedov-broue.txt")))
        #expect(BundledText.bytes.count == fixture.count)
        #expect(BundledText.bytes == [UInt8](fixture))
    }

    @Test func embeddedBytesFollowTheAssetsFile() throws {
        // Assets/ is the single source of truth: what is compiled in is what the file holds now.
        let asset = try #require(FileManager.default.contents(atPath: Fixtures.bundledTextPath))
        #expect(BundledText.bytes == [UInt8](asset))
        #expect(URL(fileURLWithPath: Fixtures.bundledTextPath).lastPathComponent == BundledText.fileName)
    }
}
