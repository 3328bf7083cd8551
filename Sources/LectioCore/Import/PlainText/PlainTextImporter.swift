import Foundation

/// Reads plain text: one paragraph per line or hard-wrapped paragraphs, headings as short
/// lines, Project Gutenberg front and back matter, footnotes as `*`, `†`, `[n]`, `[Footnote n: …]`.
public enum PlainTextImporter {
    /// A run of non-blank lines.
    struct RawBlock {
        var lines: [Substring]
        var firstLine: Int
        var region: Region
        /// Blank lines before the block: headings stand apart by more of them than paragraphs.
        var blankBefore = 0
    }

    enum Region { case front, body, back }

    /// Builds a document from normalised text (see `SourceDecoder`).
    public static func document(from text: String, fallbackTitle: String) -> Document {
        let lines = text.linesByUTF8
        let frame = GutenbergFrame(lines: lines)
        let raw = rawBlocks(lines, frame: frame, mayHoldChapterRunOn: CJKText.mayHoldChapterMark(text))
        if raw.isEmpty {
            return Document(title: fallbackTitle, blocks: [], notices: ["empty text"])
        }
        var builder = Builder(raw: raw, frame: frame, fallbackTitle: fallbackTitle)
        return builder.build()
    }

    /// Splits lines into runs separated by blank lines (and at Gutenberg's frame lines).
    static func rawBlocks(_ lines: [Substring], frame: GutenbergFrame, mayHoldChapterRunOn: Bool = true) -> [RawBlock] {
        var blocks: [RawBlock] = []
        var current: [Substring] = []
        var first = 0
        var blanks = 0, blanksBefore = 0
        func flush() {
            if !current.isEmpty {
                blocks.append(RawBlock(lines: current, firstLine: first + 1, region: frame.region(ofLine: first), blankBefore: blanksBefore))
            }
            current = []
        }
        for (i, line) in lines.enumerated() {
            if line.allSatisfy({ $0 == " " }) { flush(); blanks += 1; continue }
            if frame.isBoundary(i) || (frame.isBoundary(i - 1) && !current.isEmpty) { flush() }
            // `　　` (ideographic spaces) opens a paragraph; a `第N回` heading stands alone.
            if !current.isEmpty, CJKText.startsWithIdeographicSpace(line) { flush() }
            // A chapter run on into the line before or after it, as careless transcriptions of
            // Chinese novels have it: `…且聽下回分解。第十三回　…` and `第二十五回　…　…話說鮑文卿…`.
            if mayHoldChapterRunOn, line.utf8.count > 30, let (before, heading, after) = CJKText.runOnHeading(line) {
                if !before.isEmpty {
                    if current.isEmpty { first = i; blanksBefore = blanks }
                    current.append(before)
                }
                flush(); first = i; blanksBefore = before.isEmpty ? blanks : 0; blanks = 0; current = [heading]; flush()
                if !after.isEmpty { first = i; blanksBefore = 0; current = [after] }
                continue
            }
            if CJKText.mayBeHeading(line), CJKText.headingRank(line) != nil {
                flush(); first = i; blanksBefore = blanks; blanks = 0; current = [line]; flush(); continue
            }
            if current.isEmpty { first = i; blanksBefore = blanks }
            blanks = 0
            current.append(line)
        }
        flush()
        return isUnwrapped(lines) ? splitUnwrapped(blocks) : blocks
    }

    /// Whether the text keeps each paragraph on one line (no hard wrap): lines over 200 bytes
    /// hold most of its text. Then lines not set apart by a blank line are paragraphs of their own.
    static func isUnwrapped(_ lines: [Substring]) -> Bool {
        var long = 0, total = 0
        for line in lines {
            let n = line.utf8.count
            total += n
            if n > 200 { long += n }
        }
        return total > 0 && long * 2 > total
    }

    /// Each line of a block that holds a line over 200 bytes as a block of its own, no blank
    /// line before it (`noBreakBefore`): a paragraph, never a heading by its gap.
    static func splitUnwrapped(_ blocks: [RawBlock]) -> [RawBlock] {
        var out: [RawBlock] = []
        out.reserveCapacity(blocks.count)
        for b in blocks {
            guard b.lines.count > 1, b.region == .body, b.lines.contains(where: { $0.utf8.count > 200 }) else { out.append(b); continue }
            for (n, line) in b.lines.enumerated() {
                out.append(RawBlock(lines: [line], firstLine: b.firstLine + n, region: b.region, blankBefore: n == 0 ? b.blankBefore : 0))
            }
        }
        return out
    }
}

/// Where a Project Gutenberg text's own header and licence footer stand, if it has them.
struct GutenbergFrame {
    /// Index of the `*** START OF …` line, or `nil`.
    var start: Int?
    /// Index of the first line of the back matter, or `nil`.
    var end: Int?
    /// `Title: …` from the header.
    var title: String?

    init(lines: [Substring]) {
        func isStart(_ l: Substring) -> Bool {
            let t = l.drop(while: { $0 == " " })
            return (t.hasPrefix("***") || t.hasPrefix("*** ")) && t.uppercased().contains("START OF")
                && t.uppercased().contains("GUTENBERG")
        }
        func isEnd(_ l: Substring) -> Bool {
            guard let b = l.utf8.first(where: { $0 != 0x20 }), b == 0x2A || b == 0x45 || b == 0x65 else { return false }
            let d = l.drop(while: { $0 == " " })
            let t = d.prefix(80).uppercased()
            return (t.hasPrefix("***") && t.contains("END OF") && t.contains("GUTENBERG"))
                || t.hasPrefix("END OF THE PROJECT GUTENBERG") || t.hasPrefix("END OF PROJECT GUTENBERG")
        }
        let head = min(lines.count, 400)
        start = lines[0..<head].firstIndex(where: isStart)
        guard let start else {
            // A text whose header was stripped may keep its closing line: the end of the text.
            let tail = max(0, lines.count - 12)
            if let k = lines[tail...].firstIndex(where: { Self.closingTitle($0) != nil }) {
                end = k
                title = Self.closingTitle(lines[k])
            }
            return
        }
        end = lines[(start + 1)...].firstIndex(where: isEnd)
        for i in 0..<start {
            let l = lines[i]
            if l.hasPrefix("Title:") {
                // A subtitle goes on an indented line, or after a run of spaces: one space between.
                var pieces = l.dropFirst(6).components(separatedBy: "  ").map { $0.trimmedSpaces }.filter { !$0.isEmpty }
                var j = i + 1
                while j < start, lines[j].hasPrefix("       ") { pieces.append(lines[j].trimmedSpaces); j += 1 }
                title = pieces.joined(separator: " ")
                break
            }
        }
    }

    /// `End of Project Gutenberg's The Letters of Jane Austen, by Jane Austen` → the title, in a
    /// text whose header was stripped but whose closing line remains.
    static func closingTitle(_ line: Substring) -> String? {
        let t = line.trimmedSpaces
        var rest: Substring?
        for prefix in ["End of Project Gutenberg's ", "End of Project Gutenberg’s ", "End of the Project Gutenberg EBook of ",
                       "End of the Project Gutenberg eBook of ", "End of Project Gutenberg EBook of "] where t.hasPrefix(prefix) {
            rest = t.dropFirst(prefix.count)
        }
        guard var rest else { return nil }
        if let by = rest.range(of: ", by ", options: .backwards) { rest = rest[..<by.lowerBound] }
        let title = rest.trimmedSpaces
        return title.isEmpty || title.count > 120 ? nil : String(title)
    }

    func region(ofLine i: Int) -> PlainTextImporter.Region {
        if let start, i <= start { return .front }
        if let end, i >= end { return .back }
        return .body
    }

    func isBoundary(_ i: Int) -> Bool { i >= 0 && (i == start || i == end) }
}
