/// One line of wrapped text as it stands on screen.
public struct VisualLine: Sendable, Equatable {
    /// What a line is besides text.
    public enum Ornament: Sendable, Equatable {
        /// Words of the text.
        case none
        /// The blank line after a block.
        case separator
        /// The mark after the last line of the text, before back matter: `— end —`.
        case endOfText
    }

    /// Scalar offset in the block of the first character shown.
    public var start: Int
    /// Scalar offset in the block where the next line starts.
    public var end: Int
    /// The characters shown, without the spaces where the line was broken.
    public var text: String
    /// Columns taken by `text` (with the hyphen of a soft-hyphen break).
    public var width: Int
    /// Columns of indent before `text`.
    public var indent: Int
    /// Whether the line goes on with the line above (a wrap, not a line break of the source).
    public var continues = false
    /// Whether the line ends at a soft hyphen, drawn as `-`.
    public var hyphenated = false
    /// What the line is besides text.
    public var ornament: Ornament = .none

    /// A line.
    public init(start: Int, end: Int, text: String, width: Int, indent: Int = 0, ornament: Ornament = .none) {
        self.start = start; self.end = end; self.text = text; self.width = width; self.indent = indent
        self.ornament = ornament
    }
}

/// Wraps text to a width in columns by grapheme clusters, breaking where `LineBreakRules`
/// allows (spaces, after dashes and soft hyphens, around CJK characters, never before closing
/// or after opening punctuation); splits a word only when it is longer than the line; keeps
/// `"\n"` as a break.
public struct TextWrapper: Sendable {
    /// The measure of characters.
    public var measure: CharacterWidth

    /// A wrapper for this measure.
    public init(measure: CharacterWidth) { self.measure = measure }

    struct Glyph {
        var character: Character
        var offset: Int
        var width: Int
        var kind: LineBreakRules.Kind
    }

    /// Wraps `text` to `width` columns; `indent` columns are added before every line, and
    /// `hanging` more before every line but the first of each paragraph (a list item's text
    /// under its text, not under its bullet). A `continuing` text goes on from a line above
    /// (a piece of a long block, see `ParagraphChunks`): its first line is a wrap.
    public func wrap(_ text: String, width: Int, indent: Int = 0, hanging: Int = 0, continuing: Bool = false) -> [VisualLine] {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(text.utf8.count)
        var offset = 0
        for c in text {
            let w = c == "\n" ? 0 : measure.width(of: c)
            glyphs.append(Glyph(character: c, offset: offset, width: w, kind: LineBreakRules.kind(of: c, width: w)))
            offset += c.unicodeScalars.count
        }
        let total = offset
        var lines: [VisualLine] = []
        var i = 0
        var paragraphStart = !continuing
        while i < glyphs.count || lines.isEmpty {
            if !paragraphStart { while i < glyphs.count, glyphs[i].kind == .space, glyphs[i].character != "\n" { i += 1 } }
            let lineIndent = paragraphStart ? indent : indent + hanging
            let room = max(1, width - lineIndent)
            // `shown` is the width without the spaces at the end; `beforeSpaces` the class of
            // the last character before them.
            var j = i, used = 0, shown = 0, lastBreak = -1
            var beforeSpaces: LineBreakRules.Kind?
            while j < glyphs.count, glyphs[j].character != "\n" {
                let g = glyphs[j]
                if j > i, g.kind != .space {
                    // A break before `g`: the line would end at `j` (a soft hyphen adds its `-`).
                    // After spaces the pair is the character before them and `g`: no break
                    // before closing punctuation even across a space, none after an opening one.
                    let previous = glyphs[j - 1].kind
                    let allowed = previous == .space
                        ? beforeSpaces.map { LineBreakRules.canBreak(between: $0, and: .space) && LineBreakRules.canBreak(between: .space, and: g.kind) } ?? false
                        : LineBreakRules.canBreak(between: previous, and: g.kind)
                    let hyphen = previous == .softHyphen ? 1 : 0
                    if allowed, shown + hyphen <= room { lastBreak = j }
                }
                if g.kind != .space, used + g.width > room { break }
                used += g.width
                if g.kind != .space { shown = used; beforeSpaces = g.kind }
                j += 1
            }
            var end: Int, next: Int
            let wasParagraphStart = paragraphStart
            if j >= glyphs.count || glyphs[j].character == "\n" {
                end = j; next = j + 1
                paragraphStart = true
            } else if lastBreak > i {
                end = lastBreak; next = lastBreak
                paragraphStart = false
            } else {
                end = max(j, i + 1); next = end
                paragraphStart = false
            }
            var shownEnd = end
            while shownEnd > i, glyphs[shownEnd - 1].kind == .space { shownEnd -= 1 }
            var s = ""
            var w = 0
            for k in i..<min(shownEnd, glyphs.count) { s.append(glyphs[k].character); w += glyphs[k].width }
            let startOffset = i < glyphs.count ? glyphs[i].offset : total
            let endOffset = next < glyphs.count ? glyphs[next].offset : total
            var line = VisualLine(start: startOffset, end: endOffset, text: s, width: w, indent: lineIndent)
            line.continues = !wasParagraphStart
            // (A word split where it fills the line ends in no hyphen that would stick out.)
            if !paragraphStart, shownEnd > i, glyphs[shownEnd - 1].kind == .softHyphen, w < room {
                line.hyphenated = true
                line.width += 1
            }
            lines.append(line)
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
