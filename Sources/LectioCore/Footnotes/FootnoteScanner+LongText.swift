extension FootnoteScanner {
    /// Markers in a text of any length, as `markers(in:)` finds them in its scalars. A long text
    /// (a paragraph of megabytes, a file that is one line) is scanned in stretches of about
    /// `stretch` bytes cut between words far from anything that may be a marker, and a stretch
    /// that can hold none is skipped: no array of all its scalars (four bytes each), no look
    /// at each of them.
    static func markers(inText text: String, stretch: Int = 64 * 1024) -> [Found] {
        guard text.utf8.count > stretch,
              let found = text.utf8.withContiguousStorageIfAvailable({ markers(inBytes: $0, stretch: stretch) }) else {
            return markers(in: Array(text.unicodeScalars))
        }
        return found
    }

    static func markers(inBytes bytes: UnsafeBufferPointer<UInt8>, stretch: Int) -> [Found] {
        var found: [Found] = []
        var emphasisOpen = false
        var start = 0, scalarStart = 0
        while start < bytes.count {
            var end = min(bytes.count, start + stretch)
            while end < bytes.count {
                if let cut = cut(in: bytes, from: end, to: min(bytes.count, end + 4096)) { end = cut; break }
                end = min(bytes.count, end + 4096)
            }
            let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if mayHoldMarkers(bytes: piece) {
                let scalars = Array(String(decoding: piece, as: UTF8.self).unicodeScalars)
                for var f in markers(in: scalars, emphasisOpen: &emphasisOpen) {
                    f.range = (f.range.lowerBound + scalarStart)..<(f.range.upperBound + scalarStart)
                    found.append(f)
                }
            }
            scalarStart += ByteScan.scalarCount(piece)
            start = end
        }
        return found
    }

    /// A place in `from..<to` just after a space, before a word, with nothing within 16 bytes
    /// either side that takes part in a marker (`*`, brackets, `^`, and the lead bytes of `†‡§`
    /// and superscript digits) and a word within the 16 before: no marker is found differently
    /// in the two stretches than in the whole.
    static func cut(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        func isCandidate(_ b: UInt8) -> Bool { b == 0x2A || b == 0x5B || b == 0x5D || b == 0x5E || b == 0xC2 || b == 0xE2 || b == 0x28 }
        var p = max(from, 17)
        while p < to - 16 {
            if bytes[p - 1] == 0x20, bytes[p] != 0x20, bytes[p] & 0xC0 != 0x80 {
                let around = bytes[(p - 16)..<(p + 16)]
                if !around.contains(where: isCandidate), bytes[(p - 16)..<(p - 1)].contains(where: { $0 != 0x20 }) { return p }
            }
            p += 1
        }
        return nil
    }
}
