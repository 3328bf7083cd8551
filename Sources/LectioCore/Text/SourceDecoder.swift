import Foundation

/// The encoding a text file was read in.
public enum SourceEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "Windows-1252"
}

/// Why a file could not be opened as a text.
public enum TextLoadError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case directory(String)
    case unreadable(String, String)
    case binary(String)
    /// A FIFO, a device, a socket…: the words say which.
    case notRegular(String, String)
    case tooLarge(String, size: Int, limit: Int)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case .directory(let path): return "\(path): is a directory, not a text file"
        case .unreadable(let path, let why): return "\(path): cannot be read (\(why))"
        case .binary(let path): return "\(path): not a text file (it holds binary data)"
        case .notRegular(let path, let what): return "\(path): not a regular file (\(what)); Lectio reads only files"
        case .tooLarge(let path, let size, let limit):
            return "\(path): too large to read (\(size >> 20) MB; the limit is \(limit >> 20) MB)"
        }
    }
}

/// A decoded text: one `String` with `\n` line ends, no tabs and no control characters.
public struct DecodedText: Sendable {
    /// The normalised text.
    public var text: String
    /// How the bytes were read.
    public var encoding: SourceEncoding
    /// A notice for the reader when the encoding was a guess (a legacy 8-bit file).
    public var notice: String?
}

/// Turns the bytes of a file into normalised text: BOMs, UTF-16, a Windows-1252 fallback,
/// CRLF/CR line ends, tab expansion, and control characters made visible.
public enum SourceDecoder {
    /// Reads and decodes the file at `path` (a regular file within `SourceFile.maximumSize`).
    public static func load(path: String) throws -> DecodedText {
        let data = try SourceFile.read(path: path)
        guard let decoded = data.withUnsafeBytes({ decode(UnsafeRawBufferPointer($0).bindMemory(to: UInt8.self)) }) else {
            throw TextLoadError.binary(path)
        }
        return decoded
    }

    /// Decodes bytes, or returns `nil` when they are binary data rather than text.
    public static func decode(_ bytes: [UInt8]) -> DecodedText? {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// Decodes bytes in place (no copy of a large file).
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedText? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            if let text = utf8(UnsafeBufferPointer(rebasing: bytes[3...])) { return DecodedText(text: normalise(text), encoding: .utf8WithBOM) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            if let text = utf16(Array(bytes.dropFirst(2))[...], littleEndian: little) {
                return DecodedText(text: normalise(text), encoding: little ? .utf16LittleEndian : .utf16BigEndian)
            }
            return nil
        }
        if looksBinary(bytes) { return nil }
        if let text = utf8(bytes) { return DecodedText(text: normalise(text), encoding: .utf8) }
        let text = windows1252(bytes)
        return DecodedText(
            text: normalise(text), encoding: .windows1252,
            notice: "not valid UTF-8: read as Windows-1252 (Latin-1)")
    }

    /// Whether bytes are binary data rather than text, as `decode` would find (without decoding
    /// them): a quick check before a text is imported in the background.
    public static func looksBinary(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
            return looksBinary(bytes)
        }
    }

    /// NUL bytes, or many control bytes, mean the file is not a text.
    static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // memchr: a book's few megabytes in a fraction of a millisecond.
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil { return true }
        let sample = bytes.prefix(8192)
        guard !sample.isEmpty else { return false }
        var controls = 0
        for b in sample where b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C && b != 0x1B {
            controls += 1
        }
        return controls * 10 > sample.count
    }

    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        if units.contains(0) { return nil }
        return String(validating: units, as: UTF16.self)
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F.
    static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Line ends to `\n`, tabs to spaces (stops every 8 columns), control characters to
    /// visible symbols (`␛` for ESC), so that a text can never drive the terminal.
    public static func normalise(_ text: String) -> String {
        // One pass over the bytes: control characters, C1 controls (C2 80–9F) and BOMs (EF BB BF).
        func needsWork(_ bytes: some Collection<UInt8>) -> Bool {
            var previous: UInt8 = 0, beforePrevious: UInt8 = 0
            for b in bytes {
                if (b < 0x20 && b != 0x0A) || b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F)
                    || (beforePrevious == 0xEF && previous == 0xBB && b == 0xBF) {
                    return true
                }
                beforePrevious = previous
                previous = b
            }
            return false
        }
        // Eight bytes at a time where none is a control, DEL, or the lead byte of a C1 control or a BOM.
        func needsWork(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = bytes.count
            return ByteScan.first(in: bytes, clean: { x in
                !ByteScan.hasByte(below: 0x20, in: x) && !ByteScan.hasByte(0x7F, in: x) && !ByteScan.hasByte(0xC2, in: x) && !ByteScan.hasByte(0xEF, in: x)
            }, suspicious: { i in
                let b = bytes[i]
                return (b < 0x20 && b != 0x0A) || b == 0x7F || (b == 0xC2 && i + 1 < n && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F)
                    || (b == 0xEF && i + 2 < n && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF)
            }) != nil
        }
        guard text.utf8.withContiguousStorageIfAvailable(needsWork(bytes:)) ?? needsWork(text.utf8) else { return text }
        return normaliseBytes(Array(text.utf8))
    }

    /// The work of `normalise` on valid UTF-8 bytes, byte by byte (linear, and fast on large
    /// files with CRLF line ends or stray BOMs): tab stops count characters since the line began.
    static func normaliseBytes(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var column = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            switch b {
            case 0x0D:
                out.append(0x0A)
                column = 0
                if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
            case 0x0A, 0x0C:
                out.append(0x0A)
                column = 0
            case 0x09:
                let spaces = 8 - column % 8
                out.append(contentsOf: repeatElement(0x20, count: spaces))
                column += spaces
            case 0x00..<0x20:
                // U+2400 + b: the control picture, E2 90 80+b.
                out.append(contentsOf: [0xE2, 0x90, 0x80 + b])
                column += 1
            case 0x7F:
                out.append(contentsOf: [0xE2, 0x90, 0xA1])
                column += 1
            case 0xC2 where i + 1 < n && (0x80...0x9F).contains(bytes[i + 1]):
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                column += 1
                i += 1
            case 0xEF where i + 2 < n && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
                i += 2
            default:
                out.append(b)
                if b & 0xC0 != 0x80 { column += 1 }
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
