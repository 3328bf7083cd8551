import Foundation
import Testing
import LectioCore
import ZIPFoundation

/// Reading the ZIP: entries inflated from the file's bytes, and what a damaged or lying entry
/// gives.
@Suite struct EPUBArchiveTests {
    /// A two-chapter book's bytes.
    static func twoChapters(_ compression: CompressionMethod = .deflate) throws -> [UInt8] {
        var book = EPUBTestBook()
        book.compression = compression
        book.chapter("c1.xhtml", "<p>One, " + String(repeating: "a long line of words, ", count: 40) + "end.</p>")
        book.chapter("c2.xhtml", "<p>Two.</p>")
        return [UInt8](try book.data())
    }

    /// The offset of the ZIP record with `signature` whose name (at `nameAt`) is `name`.
    static func record(_ signature: UInt32, nameAt: Int, named name: String, in bytes: [UInt8]) -> Int? {
        let name = Array(name.utf8)
        for i in 0..<max(0, bytes.count - nameAt - name.count) where u32(bytes, i) == signature {
            if Array(bytes[(i + nameAt)..<(i + nameAt + name.count)]) == name { return i }
        }
        return nil
    }

    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }

    static func document(_ bytes: [UInt8]) throws -> Document {
        try EPUBImporter.document(from: Data(bytes), path: "test.epub")
    }

    @Test func storedAndDeflatedEntriesReadAlike() throws {
        let deflated = try Self.document(Self.twoChapters(.deflate))
        let stored = try Self.document(Self.twoChapters(.none))
        #expect(deflated.blocks.count == 2)
        #expect(deflated.blocks.map(\.text) == stored.blocks.map(\.text))
        #expect(deflated.blocks.last?.text == "Two.")
    }

    @Test func anEntryThatExpandsBeyondItsDeclaredSizeIsRefused() throws {
        var bytes = try Self.twoChapters()
        // The central directory says c1 is 100 bytes smaller than it is.
        let entry = try #require(Self.record(0x0201_4B50, nameAt: 46, named: "OPS/c1.xhtml", in: bytes))
        let size = Self.u32(bytes, entry + 24) - 100
        for k in 0..<4 { bytes[entry + 24 + k] = UInt8(truncatingIfNeeded: size >> (8 * k)) }
        #expect {
            try Self.document(bytes)
        } throws: { error in
            guard case EPUBError.tooLarge(let why) = error else { return false }
            return why.contains("OPS/c1.xhtml") && why.contains("beyond its declared size")
        }
    }

    @Test func aDamagedEntryIsNamedAndTheRestIsRead() throws {
        var bytes = try Self.twoChapters()
        // The first byte of c1's deflate stream: a block of the reserved type 3.
        let header = try #require(Self.record(0x0403_4B50, nameAt: 30, named: "OPS/c1.xhtml", in: bytes))
        let nameLength = Int(bytes[header + 26]) | Int(bytes[header + 27]) << 8
        let extraLength = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
        let data = header + 30 + nameLength + extraLength
        bytes[data] = 0x07
        let d = try Self.document(bytes)
        #expect(d.blocks.map(\.text) == ["Two."])
        #expect(d.notices.contains { $0.contains("OPS/c1.xhtml") && $0.contains("cannot be inflated") }, "\(d.notices)")
    }
}
