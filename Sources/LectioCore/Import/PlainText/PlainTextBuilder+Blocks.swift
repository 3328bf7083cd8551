import Foundation

extension PlainTextImporter.Builder {
    /// A note block; `[Footnote n: …]` may run over several paragraphs until its `]`.
    mutating func note(at i: Int, label: String, textStart: Int) -> Int {
        var used = 1
        var parts = [paragraph(raw[i].lines)]
        let bracketed = raw[i].lines[0].drop(while: { $0 == " " }).lowercased().hasPrefix("[footnote")
        if bracketed {
            func depth(_ s: String) -> Int { s.reduce(0) { $0 + ($1 == "[" ? 1 : $1 == "]" ? -1 : 0) } }
            var d = depth(parts[0].0)
            while d > 0, i + used < raw.count, used < 40, raw[i + used].region == .body {
                let next = paragraph(raw[i + used].lines)
                parts.append(next)
                d += depth(next.0)
                used += 1
            }
        }
        if !bracketed { used = noteParagraphs(from: i) }
        // (The first paragraph joined as before: the label's place is counted in its trimmed text.)
        if used > 1 { parts = [parts[0]] + ((i + 1)..<(i + used)).map { linesOrParagraph(raw[$0].lines) } }
        var text = ""
        var breaks: [Int] = []
        var count = 0
        for (n, part) in parts.enumerated() {
            if n > 0 { text += "\n"; count += 1; breaks.append(count) }
            breaks += part.1.map { $0 + count }
            text += part.0
            count += part.0.scalarCount
        }
        let block = append(.footnote, (text, breaks), raw[i])
        let start = textStart - FootnoteLinker.firstIndex(in: removedMarks, above: textStart - 1)
        var body = String(String.UnicodeScalarView(document.blocks[block].scalars[start...]))
        if bracketed, body.hasSuffix("]") { body.removeLast() }
        document.addNote(label, block: block, text: String(body.trimmedSpaces), line: raw[i].firstLine)
        let base = FootnoteScanner.symbolBase(label)
        if let n = pendingSymbols[base] { pendingSymbols[base] = n > 1 ? n - 1 : nil }
        return used
    }

    /// `[Illustration]`, `[Illustration: caption]`, the caption running on over lines and blank
    /// lines to its closing bracket: one caption block, never a title, heading or note. A chapter
    /// heading drawn in the picture and transcribed as the caption's last line (`Chapter I.]`)
    /// is the chapter's heading.
    mutating func illustration(at i: Int) -> Int {
        var lines: [Substring] = []
        var depth = 0
        var used = 0
        repeat {
            for line in raw[i + used].lines {
                for c in line.utf8 { if c == 0x5B { depth += 1 } else if c == 0x5D { depth -= 1 } }
                lines.append(line.trimmedSpaces)
            }
            used += 1
        } while depth > 0 && used < 12 && i + used < raw.count && raw[i + used].region == .body
        if depth > 0 {
            used = 1
            lines = raw[i].lines.map { $0.trimmedSpaces }
        }
        var heading: Substring?
        if lines.count > 1, let last = lines.last, last.hasSuffix("]") {
            let inner = last.dropLast().trimmedSpaces
            if let rank = HeadingRules.keywordRank(inner), rank >= 0, HeadingRules.isHeadingLike([inner]) {
                heading = inner
                lines[lines.count - 1] = "]"
            }
        }
        // Lines joined; a closing bracket alone goes with the line before it.
        var text = ""
        for line in lines where !line.isEmpty {
            if !text.isEmpty, line != "]" { text += " " }
            text += line
        }
        append(.label, (text, []), raw[i])
        if let heading {
            let r = raw[i + used - 1]
            addSection([heading], r, rank: HeadingRules.keywordRank(heading))
        }
        return used
    }

    /// `12. text`: the label `(12)` (the form of the marker it answers) and where the text starts,
    /// in scalars of the trimmed line.
    static func numberedNoteStart(_ line: Substring) -> (String, Int)? {
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...3).contains(digits.count) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". "), let text = rest.dropFirst(2).first, !text.isWhitespace else { return nil }
        return ("(\(digits))", digits.count + 2)
    }

    /// How many paragraphs the note opening at `raw[i]` runs over. A note set off from the text
    /// by a wider gap than the book's paragraphs (two blank lines where they have one) goes on
    /// over the paragraphs one gap apart after it, up to the next wide gap or the next note;
    /// only when that end comes within eight paragraphs, with no heading or marker on the way.
    func noteParagraphs(from i: Int) -> Int {
        let opening = raw[i].blankBefore
        guard opening > paragraphGap else { return 1 }
        var j = i + 1
        while j < raw.count, j - i <= 8, raw[j].region == .body, raw[j].blankBefore >= 1, raw[j].blankBefore < opening {
            let first = raw[j].lines[0].trimmedSpaces
            if FootnoteScanner.noteStart(first, symbolWithSpaceAllowed: true) != nil { break }
            if ranks[j] != nil || FootnoteScanner.mayHoldMarkers(raw[j].lines.joined(separator: " ")) { return 1 }
            j += 1
        }
        guard j > i + 1, j < raw.count, j - i <= 8 else { return 1 }
        let ends = raw[j].blankBefore >= opening || FootnoteScanner.noteStart(raw[j].lines[0].trimmedSpaces, symbolWithSpaceAllowed: true) != nil
        return ends && ranks[j] == nil ? j - i : 1
    }

    /// Scans a block for markers and records them; returns their ranges.
    mutating func markerRanges(_ block: Int) -> [Range<Int>] {
        guard FootnoteScanner.mayHoldMarkers(document.blocks[block].text) else { return [] }
        // Tentative symbols opening two source lines of a block are list bullets, not markers.
        var found = FootnoteScanner.markers(inText: document.blocks[block].text)
        let breaks = Set(document.blocks[block].lineBreaks)
        if found.filter({ $0.isTentative && breaks.contains($0.range.lowerBound) }).count > 1 {
            found.removeAll { $0.isTentative && breaks.contains($0.range.lowerBound) }
        }
        for f in found {
            document.addFootnote(f.label, block: block, range: f.range, tentative: f.isTentative)
            if FootnoteScanner.needsPendingMarker(f.label) { pendingSymbols[FootnoteScanner.symbolBase(f.label), default: 0] += 1 }
        }
        return found.map(\.range)
    }

    /// Appends a block; `_italics_` and `=bold=` become styles (outside Gutenberg's frame).
    @discardableResult
    mutating func append(_ kind: Block.Kind, _ content: (String, [Int]), _ r: PlainTextImporter.RawBlock) -> Int {
        removedMarks = []
        if kind != .frontMatter && kind != .sceneBreak, let e = GutenbergEmphasis.apply(content.0, lineBreaks: content.1) {
            removedMarks = e.removed
            return document.append(kind, text: e.text, line: r.firstLine, lineBreaks: e.lineBreaks, styles: e.styles)
        }
        return document.append(kind, text: content.0, line: r.firstLine, lineBreaks: content.1)
    }

    /// Lines joined into one paragraph, with the offsets where each source line begins.
    /// Built from the bytes: most books have tens of thousands of paragraphs.
    func paragraph(_ lines: [Substring]) -> (String, [Int]) {
        if lines.count == 1 { return (String(lines[0].trimmedSpaces), []) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        var breaks: [Int] = []
        var count = 0
        for (n, line) in lines.enumerated() {
            var t = line.trimmedSpaces
            if marginNumbers, let cut = Self.marginNumberStart(t) { t = t[..<cut] }
            if n > 0 {
                // A word broken at a hyphen joins without a space ("well-" + "known"), and
                // so do lines of Chinese or Japanese.
                let hyphen = bytes.count >= 2 && bytes[bytes.count - 1] == 0x2D
                    && (bytes[bytes.count - 2] | 0x20) >= 0x61 && (bytes[bytes.count - 2] | 0x20) <= 0x7A
                if !hyphen && !CJKText.joinsWithoutSpace(after: bytes, before: t) { bytes.append(0x20); count += 1 }
                breaks.append(count)
            }
            if t.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil { bytes.append(contentsOf: t.utf8) }
            count += t.scalarCount
        }
        return (String(decoding: bytes, as: UTF8.self), breaks)
    }

    /// Lines kept as they are, less their common indent.
    func preformatted(_ lines: [Substring]) -> (String, [Int]) {
        let indent = lines.map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        var breaks: [Int] = []
        var count = 0
        for (n, line) in lines.enumerated() {
            if n > 0 { bytes.append(0x0A); count += 1; breaks.append(count) }
            var l = line.dropFirst(indent)
            while l.last == " " { l = l.dropLast() }
            bytes.append(contentsOf: l.utf8)
            count += l.scalarCount
        }
        return (String(decoding: bytes, as: UTF8.self), breaks)
    }
}
