import Foundation

extension StringProtocol {
    /// The text without spaces (and no-break spaces) at either end: a fast trim for lines whose
    /// tabs and line ends were already normalised.
    var trimmedSpaces: SubSequence {
        var start = startIndex, end = endIndex
        while start < end, self[start] == " " || self[start] == "\u{A0}" { start = index(after: start) }
        while end > start {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\u{A0}" else { break }
            end = before
        }
        return self[start..<end]
    }
}

extension String {
    /// The lines of the text (split at `\n`, which normalisation made the only line end),
    /// found by scanning bytes rather than characters.
    var linesByUTF8: [Substring] {
        // Newline offsets from the contiguous bytes, then substrings at those offsets.
        let offsets: [Int] = utf8.withContiguousStorageIfAvailable { buffer in
            var found: [Int] = []
            guard let base = buffer.baseAddress else { return found }
            var from = 0
            while from < buffer.count, let hit = memchr(base + from, 0x0A, buffer.count - from) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                found.append(i)
                from = i + 1
            }
            return found
        } ?? utf8.indices.filter { utf8[$0] == 0x0A }.map { utf8.distance(from: utf8.startIndex, to: $0) }
        var lines: [Substring] = []
        lines.reserveCapacity(offsets.count + 1)
        var start = startIndex
        for offset in offsets {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(self[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(self[start..<endIndex])
        return lines
    }
}

extension StringProtocol {
    /// The number of Unicode scalars, counted from the UTF-8 bytes (every byte that does not
    /// continue a sequence starts a scalar): faster than walking the scalar view.
    var scalarCount: Int {
        utf8.withContiguousStorageIfAvailable(ByteScan.scalarCount) ?? utf8.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }
}

extension StringProtocol {
    /// The text without white space at either end.
    public var trimmed: String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}
