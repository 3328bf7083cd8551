import Foundation

/// Reads Markdown: ATX and Setext headings, YAML front matter or a pandoc title block for the
/// title, paragraphs, block quotes, lists, fenced and indented code, thematic breaks, and
/// footnotes (`[^label]` references, `[^label]: …` definitions of one or more paragraphs,
/// wherever they stand). Link reference definitions are not footnotes and are not shown.
public enum MarkdownImporter {
    /// A block before inline parsing.
    struct RawBlock {
        var kind: Block.Kind
        var lines: [Substring]
        var line: Int
        /// For a footnote definition, its label.
        var label: String?
        /// For a list item, how deeply its list is nested.
        var depth = 0
        /// Whether the next block follows with no blank line (tight list items).
        var joinsNext = false
        /// Whether the block is a table: its lines are rows, kept as lines.
        var isTable = false
    }

    /// Builds a document from normalised Markdown text.
    public static func document(from text: String, fallbackTitle: String) -> Document {
        let lines = text.linesByUTF8
        var parser = MarkdownBlockParser(lines: lines)
        let raw = parser.parse()
        var document = DocumentBuilder()
        for r in raw {
            var source = r.lines.map { String($0.trimmedSpaces) }
            var separator = " "
            if r.kind == .preformatted {
                source = r.lines.map(String.init)
                separator = "\n"
            }
            if r.label != nil || r.isTable { separator = "\n" }
            let joined = source.joined(separator: separator)
            var inline = r.kind == .preformatted ? InlineMarkdown.plain(joined) : InlineMarkdown.parse(joined)
            if r.isTable, let headerEnd = inline.scalars.firstIndex(of: "\n") {
                inline.styles.append(StyleSpan(range: 0..<headerEnd, style: .strong))
            }
            var noteText: String?
            if let label = r.label {
                // The note shows with its label in the text; the note itself is without it.
                noteText = inline.text
                let prefix = Array("[\(label)] ".unicodeScalars)
                inline.scalars.insert(contentsOf: prefix, at: 0)
                inline.styles = inline.styles.map { StyleSpan(range: ($0.range.lowerBound + prefix.count)..<($0.range.upperBound + prefix.count), style: $0.style) }
                inline.references = inline.references.map { ($0.label, ($0.range.lowerBound + prefix.count)..<($0.range.upperBound + prefix.count)) }
            }
            // Where each further source line begins in the output (footnote paragraphs are not
            // source lines: their lines were joined first).
            var lineBreaks: [Int] = []
            if r.label == nil {
                var input = 0
                for l in source.dropLast() {
                    input += l.count + 1
                    lineBreaks.append(inline.outputOffset(ofInput: input))
                }
            }
            var block = Block(kind: r.kind, text: inline.text, line: r.line,
                              lineBreaks: lineBreaks, styles: inline.styles)
            block.depth = r.depth
            block.joinsNext = r.joinsNext
            let index = document.append(block)
            if case .heading(let level) = r.kind {
                document.addSection(Section(title: block.text, level: level, block: index, line: r.line))
            }
            if let label = r.label, let noteText {
                document.addNote(label, block: index, text: noteText, line: r.line)
            }
            for m in inline.references where r.label == nil {
                document.addFootnote(m.label, block: index, range: m.range)
            }
            // Links out of the text: Tab selects them and the status line shows where they lead.
            for link in inline.links where !link.url.hasPrefix("#") {
                let shift = r.label.map { Array("[\($0)] ".unicodeScalars).count } ?? 0
                document.addLink(block: index, range: (link.range.lowerBound + shift)..<(link.range.upperBound + shift), target: .external(link.url))
            }
        }
        // The title the front matter names, else the one top-level heading.
        var title = parser.title
        let sections = document.sections
        if title == nil, let first = sections.first, first.level == 1, sections.filter({ $0.level == 1 }).count == 1 {
            title = first.title
        }
        document.title = title.map { InlineMarkdown.parse($0).text }
        return document.document(fallbackTitle: fallbackTitle)
    }
}

/// Splits Markdown lines into blocks.
struct MarkdownBlockParser {
    let lines: [Substring]
    var i = 0
    var title: String?
    var blocks: [MarkdownImporter.RawBlock] = []
    /// The indents of the list markers of the lists open here, outermost first.
    var listIndents: [Int] = []

    init(lines: [Substring]) { self.lines = lines }

    /// The nesting depth of a list item whose marker stands `indent` spaces in: lists whose
    /// markers stand further in are closed, a marker further in than the open one opens a list.
    mutating func listDepth(markerIndent indent: Int) -> Int {
        while let last = listIndents.last, last > indent { listIndents.removeLast() }
        if listIndents.last != indent {
            // Past the cap a deeper marker belongs to the deepest list: shown flat.
            if listIndents.count >= Self.maximumNesting { return listIndents.count - 1 }
            listIndents.append(indent)
        }
        return listIndents.count - 1
    }

    static func indent(_ line: Substring) -> Int {
        var n = 0
        for c in line {
            if c == " " { n += 1 } else { break }
        }
        return n
    }

    static func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " } }

    static func atxHeading(_ line: Substring) -> (Int, String)? {
        guard indent(line) < 4 else { return nil }
        let t = line.drop(while: { $0 == " " })
        let hashes = t.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = t.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = String(rest.trimmedSpaces)
        // A closing run of #s.
        if let r = text.range(of: #"\s+#+$"#, options: .regularExpression) { text.removeSubrange(r) } else if text.allSatisfy({ $0 == "#" }) { text = "" }
        return (hashes, text)
    }

    static func isThematicBreak(_ line: Substring) -> Bool {
        guard indent(line) < 4 else { return false }
        // Bytes, stopping at the first that does not belong: the line may be megabytes long.
        var mark: UInt8 = 0
        var marks = 0
        for b in line.utf8 where b != 0x20 {
            if mark == 0, b == 0x2D || b == 0x2A || b == 0x5F { mark = b }
            guard b == mark else { return false }
            marks += 1
        }
        return marks >= 3
    }

    static func fence(_ line: Substring) -> Substring? {
        guard indent(line) < 4 else { return nil }
        let t = line.drop(while: { $0 == " " })
        for f in ["```", "~~~"] where t.hasPrefix(f) {
            let marker = t.prefix(while: { $0 == f.first })
            return marker
        }
        return nil
    }

    /// How deeply quotes and lists nest at most: deeper ones are shown at this depth, their
    /// text kept, so that a file of thousands of `>` a line parses in linear time.
    static let maximumNesting = 32

    /// The number of `>` markers that open a quote line (spaces between them allowed) and
    /// the text after them.
    static func quoteContent(_ line: Substring) -> (Int, Substring) {
        let utf8 = line.utf8
        var i = utf8.startIndex
        var levels = 0
        while i < utf8.endIndex, utf8[i] == 0x3E {
            levels += 1
            i = utf8.index(after: i)
            if i < utf8.endIndex, utf8[i] == 0x20 { i = utf8.index(after: i) }
            var j = i
            while j < utf8.endIndex, utf8[j] == 0x20 { j = utf8.index(after: j) }
            if j < utf8.endIndex, utf8[j] == 0x3E { i = j }
        }
        return (levels, line[i...])
    }

    /// `[^label]: text` at the start of a line: the label and the text.
    static func footnoteDefinition(_ line: Substring) -> (String, Substring)? {
        guard indent(line) < 4 else { return nil }
        let t = line.drop(while: { $0 == " " })
        guard t.hasPrefix("[^"), let close = t.firstIndex(of: "]") else { return nil }
        let label = t[t.index(t.startIndex, offsetBy: 2)..<close]
        let after = t[t.index(after: close)...]
        guard !label.isEmpty, !label.contains(" "), after.hasPrefix(":") else { return nil }
        return (String(label), after.dropFirst().drop(while: { $0 == " " }))
    }

    /// `[label]: url` — a link reference definition.
    static func isLinkDefinition(_ line: Substring) -> Bool {
        guard indent(line) < 4 else { return false }
        let t = line.drop(while: { $0 == " " })
        guard t.hasPrefix("["), !t.hasPrefix("[^"), let close = t.firstIndex(of: "]") else { return false }
        return t[t.index(after: close)...].hasPrefix(":")
    }

    /// A list item's marker length (`- `, `* `, `+ `, `1. `, `2) `), or nil.
    static func listMarker(_ line: Substring) -> Int? {
        let n = indent(line)
        let t = line.dropFirst(n)
        if let c = t.first, "-*+".contains(c), t.dropFirst().first == " " { return n + 2 }
        let digits = t.prefix(while: { $0.isASCII && $0.isNumber })
        if (1...9).contains(digits.count), let d = t.dropFirst(digits.count).first, d == "." || d == ")",
           t.dropFirst(digits.count + 1).first == " " {
            return n + digits.count + 2
        }
        return nil
    }

    mutating func parse() -> [MarkdownImporter.RawBlock] {
        frontMatter()
        var paragraph: [Substring] = []
        var paragraphLine = 0
        var paragraphKind: Block.Kind = .paragraph
        var listDepthOfParagraph = 0
        func flush(_ p: inout MarkdownBlockParser) {
            if !paragraph.isEmpty {
                p.blocks.append(.init(kind: paragraphKind, lines: paragraph, line: paragraphLine, depth: listDepthOfParagraph))
            }
            listDepthOfParagraph = 0
            paragraph = []
            paragraphKind = .paragraph
        }
        while i < lines.count {
            let line = lines[i]
            if Self.isBlank(line) { flush(&self); i += 1; continue }
            if let marker = Self.fence(line) {
                flush(&self)
                let start = i
                i += 1
                var body: [Substring] = []
                while i < lines.count, !(Self.fence(lines[i]).map { $0.count >= marker.count && $0.first == marker.first } ?? false) {
                    body.append(lines[i]); i += 1
                }
                i += 1
                blocks.append(.init(kind: .preformatted, lines: body.isEmpty ? [""] : body, line: start + 2))
                continue
            }
            if let (level, text) = Self.atxHeading(line) {
                flush(&self)
                listIndents = []
                blocks.append(.init(kind: .heading(level: level), lines: [Substring(text)], line: i + 1))
                i += 1; continue
            }
            // Setext: a paragraph's last line underlined with = or -.
            if !paragraph.isEmpty, paragraphKind == .paragraph, Self.indent(line) < 4 {
                let t = line.trimmedSpaces
                if !t.isEmpty, t.allSatisfy({ $0 == "=" }) || t.allSatisfy({ $0 == "-" }) {
                    blocks.append(.init(kind: .heading(level: t.first == "=" ? 1 : 2), lines: paragraph, line: paragraphLine))
                    paragraph = []
                    i += 1; continue
                }
            }
            if Self.isThematicBreak(line) {
                flush(&self)
                blocks.append(.init(kind: .sceneBreak, lines: ["* * *"], line: i + 1))
                i += 1; continue
            }
            if let (label, first) = Self.footnoteDefinition(line) {
                flush(&self)
                footnote(label: label, first: first)
                continue
            }
            if paragraph.isEmpty, Self.isLinkDefinition(line) { i += 1; continue }
            if paragraph.isEmpty, MarkdownTable.starts(at: i, in: lines) {
                let start = i
                var rows = [line]
                i += 2
                while i < lines.count, !Self.isBlank(lines[i]), lines[i].contains("|") { rows.append(lines[i]); i += 1 }
                blocks.append(.init(kind: .paragraph, lines: MarkdownTable.alignedRows(rows), line: start + 1, isTable: true))
                continue
            }
            if paragraph.isEmpty, Self.indent(line) >= 4, listIndents.isEmpty || Self.listMarker(line) == nil {
                var body: [Substring] = []
                let start = i
                while i < lines.count, Self.indent(lines[i]) >= 4 || (Self.isBlank(lines[i]) && i + 1 < lines.count && Self.indent(lines[i + 1]) >= 4) {
                    body.append(lines[i].dropFirst(min(4, Self.indent(lines[i])))); i += 1
                }
                blocks.append(.init(kind: .preformatted, lines: body, line: start + 1))
                continue
            }
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix(">") {
                // `> > text`: a quote in a quote, its depth capped (deeper ones shown at the cap).
                let (levels, q) = Self.quoteContent(trimmed)
                let depth = min(levels, Self.maximumNesting) - 1
                if paragraphKind != .quote || depth != listDepthOfParagraph { flush(&self) }
                if paragraph.isEmpty { paragraphLine = i + 1; paragraphKind = .quote; listDepthOfParagraph = depth }
                if q.allSatisfy({ $0 == " " }) { flush(&self) } else { paragraph.append(q) }
                i += 1; continue
            }
            if let m = Self.listMarker(line) {
                flush(&self)
                // Items with no blank line between them are a tight list: drawn without one.
                if i > 0, !Self.isBlank(lines[i - 1]), let last = blocks.indices.last, blocks[last].kind == .listItem {
                    blocks[last].joinsNext = true
                }
                let depth = listDepth(markerIndent: Self.indent(line))
                paragraphKind = .listItem
                listDepthOfParagraph = depth
                paragraphLine = i + 1
                let bullet = line.dropFirst(Self.indent(line)).first.map { "-*+".contains($0) } ?? false
                let text = line.dropFirst(m)
                paragraph = [bullet ? Substring("• " + text) : line.dropFirst(Self.indent(line))]
                i += 1; continue
            }
            if paragraph.isEmpty {
                paragraphLine = i + 1
                // A paragraph at the margin after a blank line ends the lists.
                if Self.indent(line) == 0, i > 0, Self.isBlank(lines[i - 1]) { listIndents = [] }
            }
            paragraph.append(line)
            i += 1
        }
        flush(&self)
        return blocks
    }

    /// YAML front matter (`---` … `---`) or a pandoc title block (`% Title`) at the very top.
    mutating func frontMatter() {
        guard let first = lines.first else { return }
        if first.trimmedSpaces == "---" {
            var j = 1
            while j < lines.count, !["---", "..."].contains(lines[j].trimmedSpaces) {
                let l = lines[j]
                if l.hasPrefix("title:") {
                    var t = String(l.dropFirst(6).trimmedSpaces)
                    if t.count >= 2, let q = t.first, q == "\"" || q == "'", t.last == q { t = String(t.dropFirst().dropLast()) }
                    title = t
                }
                j += 1
            }
            if j < lines.count { i = j + 1 } else { title = nil }
        } else if first.hasPrefix("% ") {
            title = String(first.dropFirst(2).trimmedSpaces)
            i = 1
            while i < lines.count, lines[i].hasPrefix("%") || lines[i].hasPrefix("  ") { i += 1 }
        }
    }

    /// A definition: its first line, lazy continuation lines, and further paragraphs indented by
    /// four spaces (or a tab, expanded) after blank lines.
    mutating func footnote(label: String, first: Substring) {
        let start = i
        var paragraphs: [[Substring]] = [[first]]
        i += 1
        while i < lines.count {
            let line = lines[i]
            if Self.isBlank(line) {
                var j = i
                while j < lines.count, Self.isBlank(lines[j]) { j += 1 }
                guard j < lines.count, Self.indent(lines[j]) >= 4 else { break }
                paragraphs.append([])
                i = j
                continue
            }
            if Self.indent(line) >= 4 {
                paragraphs[paragraphs.count - 1].append(line.drop(while: { $0 == " " }))
                i += 1; continue
            }
            if Self.footnoteDefinition(line) != nil || Self.atxHeading(line) != nil || Self.fence(line) != nil || Self.isThematicBreak(line) { break }
            paragraphs[paragraphs.count - 1].append(line)
            i += 1
        }
        let joined = paragraphs.map { $0.map { String($0.trimmedSpaces) }.joined(separator: " ") }
        blocks.append(.init(kind: .footnote, lines: joined.map { Substring($0) }, line: start + 1, label: label))
    }
}
