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
        var lines: [Substring] = []
        let utf8 = self.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if utf8[i] == 0x0A {
                lines.append(self[start..<i])
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        lines.append(self[start..<utf8.endIndex])
        return lines
    }
}

extension StringProtocol {
    /// The number of Unicode scalars, counted from the UTF-8 bytes (every byte that does not
    /// continue a sequence starts a scalar): faster than walking the scalar view.
    var scalarCount: Int {
        var n = 0
        for b in utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
