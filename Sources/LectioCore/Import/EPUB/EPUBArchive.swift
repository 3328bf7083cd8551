import CZlibInflate
import Foundation
import ZIPFoundation

/// The ZIP container of an EPUB, read in memory (nothing is extracted to disk), with limits
/// against ZIP bombs and unsafe entry names.
struct EPUBArchive {
    /// The most any one entry may expand to.
    static let entryLimit: UInt64 = 64 << 20
    /// The most all entries read may expand to together.
    static let totalLimit: UInt64 = 256 << 20
    /// The highest compression ratio accepted for an entry larger than `ratioFloor`.
    static let ratioLimit: UInt64 = 200
    /// Entries smaller than this are never refused for their ratio.
    static let ratioFloor: UInt64 = 1 << 20

    private let archive: Archive
    /// The whole file, for further readers.
    private let bytes: Data
    /// Entries by their path in the ZIP (unsafe names left out).
    private let entries: [String: Entry]
    /// Where each entry's data stands in `bytes`, when it can be inflated from there directly.
    private let locations: [String: ZIPLocation]
    /// Notices about entries left out.
    private(set) var notices: [String] = []
    /// Bytes reserved so far (declared sizes; no entry may yield more than it declares).
    private var expanded: UInt64 = 0

    /// Whether `data` starts like an EPUB: a ZIP local header whose first entry is
    /// `mimetype` holding `application/epub+zip`.
    static func looksLikeEPUB(_ prefix: Data) -> Bool {
        let bytes = [UInt8](prefix.prefix(80))
        guard bytes.count >= 30, bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return false }
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        guard nameLength == 8, bytes.count >= 38, String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype" else { return false }
        let start = 38 + extraLength
        let type = Array("application/epub+zip".utf8)
        guard bytes.count >= start + type.count else { return false }
        return Array(bytes[start..<(start + type.count)]) == type
    }

    /// Opens the archive held in `data`.
    init(data: Data) throws {
        bytes = data
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw EPUBError.notAZip("no central directory")
        }
        var entries: [String: Entry] = [:]
        var locations: [String: ZIPLocation] = [:]
        var unsafe: [String] = []
        // ZIPFoundation lists the entries in the order of the central directory.
        let records = ZIPLocation.all(in: data)
        for (index, entry) in archive.enumerated() where entry.type == .file {
            let path = entry.path
            var names: [String] = []
            if Self.isSafe(path) { names.append(path) } else { unsafe.append(path) }
            // A name in UTF-8 without the ZIP's UTF-8 flag (common) is read as CP437 by
            // default; the package names it in UTF-8, so it is found under that name too.
            if !path.utf8.allSatisfy({ $0 < 0x80 }) {
                let utf8 = entry.path(using: .utf8)
                if utf8 != path, Self.isSafe(utf8), entries[utf8] == nil { names.append(utf8) }
            }
            let location = index < records.count ? records[index] : nil
            // A record whose sizes are not the entry's is not trusted (nor a location left
            // by an earlier entry of the same name).
            let matches = location.map { UInt64($0.compressedSize) == entry.compressedSize
                && UInt64($0.uncompressedSize) == entry.uncompressedSize } ?? false
            for name in names {
                entries[name] = entry
                locations[name] = matches ? location : nil
            }
        }
        self.entries = entries
        self.locations = locations
        if !unsafe.isEmpty {
            let shown = unsafe.prefix(3).map { "“\($0)”" }.joined(separator: ", ")
            notices.append("\(unsafe.count) ZIP \(unsafe.count == 1 ? "entry has" : "entries have") an unsafe name (\(shown)) and \(unsafe.count == 1 ? "was" : "were") left out")
        }
    }

    /// A name that stays inside the book: relative, no `..` part, no backslash, no NUL.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        if path.count >= 2, path.dropFirst().first == ":" { return false }
        return !path.split(separator: "/").contains("..")
    }

    /// Whether the archive holds a file at `path`.
    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of the entry at `path`, or `nil` when there is none; throws when the entry
    /// breaks the limits or cannot be inflated.
    mutating func data(at path: String) throws -> Data? {
        guard let entry = try reserve(path) else { return nil }
        if let data = try Self.inflate(entry, at: locations[path], path: path, from: bytes) { return data }
        return try Self.extract(entry, path: path, from: archive)
    }

    /// Where the entry at `path` stands in the file, if it can be inflated from there.
    func location(of path: String) -> ZIPLocation? { locations[path] }

    /// The bytes of the file, for `inflate` on other threads.
    var fileBytes: Data { bytes }

    /// Inflates a reserved entry straight from the file's bytes with zlib, in one call into a
    /// buffer of its declared size (it may not yield more); `nil` when the entry has no usable
    /// location, and ZIPFoundation must read it.
    static func inflate(_ entry: Entry, at location: ZIPLocation?, path: String, from bytes: Data) throws -> Data? {
        guard let location, let range = location.dataRange(in: bytes) else { return nil }
        let declared = Int(entry.uncompressedSize)
        if location.method == 0 {
            guard range.count == declared else { return nil }
            return bytes.withUnsafeBytes { Data(UnsafeRawBufferPointer(rebasing: $0[range])) }
        }
        let capacity = max(declared, 1)
        guard let buffer = malloc(capacity) else { return nil }
        var stream = z_stream()
        guard lectio_inflate_init_raw(&stream) == Z_OK else {
            free(buffer)
            return nil
        }
        defer { inflateEnd(&stream) }
        let result = bytes.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return Z_DATA_ERROR }
            stream.next_in = UnsafeMutablePointer(mutating: (base + range.lowerBound).assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(range.count)
            stream.next_out = buffer.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(capacity)
            return CZlibInflate.inflate(&stream, Z_FINISH)
        }
        guard result == Z_STREAM_END else {
            free(buffer)
            // The sizes in the ZIP may lie: what comes out may not exceed what is declared.
            if result == Z_BUF_ERROR, stream.avail_out == 0 { throw EPUBError.tooLarge("\(path) expands beyond its declared size") }
            throw EPUBError.notAZip("\(path) cannot be inflated")
        }
        return Data(bytesNoCopy: buffer, count: capacity - Int(stream.avail_out), deallocator: .free)
    }

    /// The entry at `path`, counted against the limits (its declared size, its compression
    /// ratio, the total); `nil` when there is none.
    mutating func reserve(_ path: String) throws -> Entry? {
        guard let entry = entries[path] else { return nil }
        let declared = entry.uncompressedSize
        if declared > Self.entryLimit {
            throw EPUBError.tooLarge("\(path) would expand to \(declared >> 20) MB (the limit is \(Self.entryLimit >> 20) MB)")
        }
        let compressed = max(entry.compressedSize, 1)
        if declared > Self.ratioFloor, declared / compressed > Self.ratioLimit {
            throw EPUBError.tooLarge("\(path) is compressed \(declared / compressed) to 1 (a ZIP bomb?)")
        }
        if expanded + declared > Self.totalLimit {
            throw EPUBError.tooLarge("its documents would expand to more than \(Self.totalLimit >> 20) MB")
        }
        expanded += declared
        return entry
    }

    /// Another reader of the same bytes, for a thread of its own (an `Archive` is not
    /// thread-safe).
    func reader() throws -> Archive {
        do { return try Archive(data: bytes, accessMode: .read) } catch { throw EPUBError.notAZip("no central directory") }
    }

    /// Inflates a reserved entry; it may not yield more than its declared size.
    static func extract(_ entry: Entry, path: String, from archive: Archive) throws -> Data {
        let declared = entry.uncompressedSize
        var out = Data()
        out.reserveCapacity(Int(declared))
        do {
            // Buffers fitted to the entry: ZIPFoundation zeroes a whole buffer for every chunk.
            // Its CRC-32 is computed byte by byte in Swift on Linux (slower than inflating), so
            // it is skipped: a damaged deflate stream still fails to inflate, and what comes
            // out is parsed as XML, never run.
            let buffer = Int(min(max(declared, entry.compressedSize, 512) + 64, 1 << 16))
            _ = try archive.extract(entry, bufferSize: buffer, skipCRC32: true) { chunk in
                // The sizes in the ZIP may lie: count what really comes out.
                guard UInt64(out.count + chunk.count) <= max(declared, 1) else { throw EPUBError.tooLarge("\(path) expands beyond its declared size") }
                out.append(chunk)
            }
        } catch let error as EPUBError {
            throw error
        } catch {
            throw EPUBError.notAZip("\(path) cannot be inflated")
        }
        return out
    }
}
