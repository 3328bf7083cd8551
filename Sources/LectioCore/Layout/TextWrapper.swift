/// One line of wrapped text as it stands on screen.
public struct VisualLine: Sendable, Equatable {
    /// Scalar offset in the block of the first character shown.
    public var start: Int
    /// Scalar offset in the block where the next line starts.
    public var end: Int
    /// The characters shown, without the spaces where the line was broken.
    public var text: String
    /// Columns taken by `text`.
    public var width: Int
    /// Columns of indent before `text`.
    public var indent: Int

    /// A line.
    public init(start: Int, end: Int, text: String, width: Int, indent: Int = 0) {
        self.start = start; self.end = end; self.text = text; self.width = width; self.indent = indent
    }
}

/// Wraps text to a width in columns: breaks at spaces, after dashes, around wide (CJK)
/// characters; splits a word only when it is longer than the line; keeps `"\n"` as a break.
public struct TextWrapper: Sendable {
    /// The measure of characters.
    public var measure: CharacterWidth

    /// A wrapper for this measure.
    public init(measure: CharacterWidth) { self.measure = measure }

    struct Glyph {
        var character: Character
        var offset: Int
        var width: Int
    }

    /// Wraps `text` to `width` columns; `indent` columns are added before every line.
    public func wrap(_ text: String, width: Int, indent: Int = 0) -> [VisualLine] {
        let room = max(1, width - indent)
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(text.utf8.count)
        var offset = 0
        for c in text {
            glyphs.append(Glyph(character: c, offset: offset, width: c == "\n" ? 0 : measure.width(of: c)))
            offset += c.unicodeScalars.count
        }
        let total = offset
        var lines: [VisualLine] = []
        var i = 0
        var paragraphStart = true
        while i < glyphs.count || lines.isEmpty {
            if !paragraphStart { while i < glyphs.count, glyphs[i].character == " " { i += 1 } }
            var j = i, used = 0, lastBreak = -1
            while j < glyphs.count, glyphs[j].character != "\n" {
                let g = glyphs[j]
                if used + g.width > room { break }
                if g.character == " " { lastBreak = j } else if g.width == 2, j > i { lastBreak = j }
                used += g.width
                j += 1
                if g.width == 2 || ((g.character == "—" || g.character == "–" || g.character == "-")
                    && j < glyphs.count && glyphs[j].character != " " && j - 1 > i) {
                    lastBreak = j
                }
            }
            var end: Int, next: Int
            if j >= glyphs.count || glyphs[j].character == "\n" {
                end = j; next = j + 1
                paragraphStart = true
            } else if glyphs[j].character == " " {
                end = j; next = j
                paragraphStart = false
            } else if lastBreak > i {
                end = lastBreak; next = lastBreak
                paragraphStart = false
            } else {
                end = max(j, i + 1); next = end
                paragraphStart = false
            }
            var shownEnd = end
            while shownEnd > i, glyphs[shownEnd - 1].character == " " { shownEnd -= 1 }
            var s = ""
            var w = 0
            for k in i..<min(shownEnd, glyphs.count) { s.append(glyphs[k].character); w += glyphs[k].width }
            let startOffset = i < glyphs.count ? glyphs[i].offset : total
            let endOffset = next < glyphs.count ? glyphs[next].offset : total
            lines.append(VisualLine(start: startOffset, end: endOffset, text: s, width: w, indent: indent))
            if glyphs.isEmpty { break }
            i = next
            if i >= glyphs.count, glyphs.last?.character == "\n", paragraphStart {
                lines.append(VisualLine(start: total, end: total, text: "", width: 0, indent: indent))
                break
            }
        }
        // A line ends where the next begins (the spaces of a break belong to neither).
        for k in lines.indices.dropLast() { lines[k].end = lines[k + 1].start }
        return lines
    }
}
