import Foundation

/// Where an entry's data stands in the bytes of a ZIP file, and how it is stored: what
/// `EPUBArchive` needs to inflate the entry in one call from the bytes in memory, which
/// ZIPFoundation (it reads through a `FILE` and streams in chunks) does not say.
///
/// Read from the central directory, record by record in the order ZIPFoundation lists the
/// entries; the local header is checked when the entry is read. Anything unusual (ZIP64, a
/// record that runs past the end, a method other than stored or deflated) gives no location,
/// and the entry is read through ZIPFoundation instead.
struct ZIPLocation: Equatable {
    /// The offset of the entry's local header.
    var header: Int
    /// 0 stored, 8 deflated.
    var method: UInt16
    var compressedSize: Int
    var uncompressedSize: Int

    /// The locations of the central directory's records, in order; `nil` for a record that
    /// cannot be used (see above). Empty when the end of the central directory is not found.
    static func all(in bytes: Data) -> [ZIPLocation?] {
        bytes.withUnsafeBytes { raw in
            guard let end = endOfDirectory(raw) else { return [] }
            let count = Int(u16(raw, end + 10))
            var offset = Int(u32(raw, end + 16))
            var found: [ZIPLocation?] = []
            found.reserveCapacity(count)
            for _ in 0..<count {
                guard offset >= 0, offset + 46 <= raw.count, u32(raw, offset) == 0x0201_4B50 else { break }
                let method = u16(raw, offset + 10)
                let compressed = u32(raw, offset + 20), uncompressed = u32(raw, offset + 24)
                let header = u32(raw, offset + 42)
                let usable = (method == 0 || method == 8) && compressed != 0xFFFF_FFFF && uncompressed != 0xFFFF_FFFF
                    && header != 0xFFFF_FFFF
                found.append(usable ? ZIPLocation(header: Int(header), method: method, compressedSize: Int(compressed),
                                                  uncompressedSize: Int(uncompressed)) : nil)
                offset += 46 + Int(u16(raw, offset + 28)) + Int(u16(raw, offset + 30)) + Int(u16(raw, offset + 32))
            }
            return found
        }
    }

    /// The range of the entry's data in `bytes`, after its local header; `nil` when the local
    /// header is not where the central directory says or the data runs past the end.
    func dataRange(in bytes: Data) -> Range<Int>? {
        bytes.withUnsafeBytes { raw -> Range<Int>? in
            guard header + 30 <= raw.count, Self.u32(raw, header) == 0x0403_4B50 else { return nil }
            let start = header + 30 + Int(Self.u16(raw, header + 26)) + Int(Self.u16(raw, header + 28))
            guard start + compressedSize <= raw.count else { return nil }
            return start..<(start + compressedSize)
        }
    }

    /// The offset of the end-of-central-directory record: its signature, searched backwards
    /// over the last 64 KB (the most a comment can take).
    private static func endOfDirectory(_ raw: UnsafeRawBufferPointer) -> Int? {
        guard raw.count >= 22 else { return nil }
        var offset = raw.count - 22
        let lowest = max(0, raw.count - 22 - 0xFFFF)
        while offset >= lowest {
            if u32(raw, offset) == 0x0605_4B50 { return offset }
            offset -= 1
        }
        return nil
    }

    private static func u16(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt16 {
        UInt16(raw[at]) | UInt16(raw[at + 1]) << 8
    }

    private static func u32(_ raw: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(raw[at]) | UInt32(raw[at + 1]) << 8 | UInt32(raw[at + 2]) << 16 | UInt32(raw[at + 3]) << 24
    }
}
