import Foundation

/// The one folding of text for comparison: accents off (`é` → `e`, `œ` → `oe`), typographic
/// quotes and dashes to their ASCII forms (`’` → `'`, `—` → `--`), runs of white space to one
/// space, marks and format characters dropped; case is kept (search decides by smart case).
/// Search, footnote linking by content and heading matching all compare through it.
public enum TextFolding {
    /// `text` folded, spaces trimmed at both ends.
    public static func folded(_ text: some StringProtocol) -> String {
        String(decoding: bytes(text), as: UTF8.self)
    }

    /// `text` folded, as UTF-8 bytes, spaces trimmed at both ends.
    public static func bytes(_ text: some StringProtocol) -> [UInt8] {
        var folder = Folder()
        var bytes: [UInt8] = []
        var none: [Int] = []
        folder.fold(text.unicodeScalars, into: &bytes, origins: &none, record: false)
        while bytes.first == 0x20 { bytes.removeFirst() }
        while bytes.last == 0x20 { bytes.removeLast() }
        return bytes
    }

    /// The rules of folding, with a cache of what non-ASCII scalars become.
    struct Folder {
        var cache: [UInt32: [UInt8]] = [:]

        /// Appends the folded form of `scalars` to `bytes`; with `record`, appends to `origins`
        /// the scalar offset each byte came from.
        mutating func fold(_ scalars: some Sequence<Unicode.Scalar>, into bytes: inout [UInt8], origins: inout [Int], record: Bool = true) {
            var lastWasSpace = false
            var offset = -1
            for s in scalars {
                offset += 1
                let v = s.value
                if v < 0x80 {
                    // ASCII, nearly all of a text: no lookup, no allocation.
                    if v == 0x20 || v == 0x0A || v == 0x09 {
                        if lastWasSpace { continue }
                        lastWasSpace = true
                        bytes.append(0x20)
                    } else {
                        lastWasSpace = false
                        bytes.append(UInt8(v))
                    }
                    if record { origins.append(offset) }
                    continue
                }
                let out: [UInt8]
                if let cached = cache[v] {
                    out = cached
                } else {
                    out = Self.foldScalar(s)
                    cache[v] = out
                }
                if out == [0x20] {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                } else if !out.isEmpty {
                    lastWasSpace = false
                }
                bytes.append(contentsOf: out)
                if record { origins.append(contentsOf: repeatElement(offset, count: out.count)) }
            }
        }

        static func foldScalar(_ s: Unicode.Scalar) -> [UInt8] {
            switch s.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return [UInt8(ascii: "'")]
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return [UInt8(ascii: "\"")]
            case 0x2014, 0x2015: return Array("--".utf8)
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: return [UInt8(ascii: "-")]
            case 0x2026: return Array("...".utf8)
            case 0x00C6: return Array("AE".utf8)
            case 0x00E6: return Array("ae".utf8)
            case 0x0152: return Array("OE".utf8)
            case 0x0153: return Array("oe".utf8)
            case 0x00DF: return Array("ss".utf8)
            default: break
            }
            let props = s.properties
            if props.isWhitespace { return [0x20] }
            switch props.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return []
            default: break
            }
            let decomposed = String(s).decomposedStringWithCanonicalMapping.unicodeScalars
            if let base = decomposed.first, base.value < 0x80 { return [UInt8(base.value)] }
            let lowered = String(s).lowercased()
            return Array(lowered.utf8)
        }
    }

}
