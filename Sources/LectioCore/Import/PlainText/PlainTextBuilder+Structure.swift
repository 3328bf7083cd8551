import Foundation

extension PlainTextImporter.Builder {
    /// The title: Gutenberg's `Title:` field, else the first heading-like line near the top that
    /// is not part of a longer one (running labels such as "French to English" are), less its byline.
    mutating func findTitle() {
        if let t = frame.title {
            document.title = t
            titleKey = HeadingRules.folded(t)
            return
        }
        var candidates: [(key: String, text: String)] = []
        var bracketDepth = 0
        for r in raw.prefix(30) where r.region == .body {
            var trimmed = r.lines.map { $0.trimmedSpaces }
            // An editorial bracket (`[Illustration]`, `[Transcriber's Note: …]`), with what it
            // holds over blank lines, is no title.
            let opensBracket = trimmed[0].hasPrefix("[") || trimmed[0].hasPrefix("]")
            if opensBracket || bracketDepth > 0 {
                for line in trimmed { for c in line.utf8 { if c == 0x5B { bracketDepth += 1 } else if c == 0x5D { bracketDepth -= 1 } } }
                bracketDepth = max(0, bracketDepth)
                if candidates.isEmpty { continue } else { break }
            }
            // `PRIDE.` / `and` / `PREJUDICE`: a title set over lines around a connective.
            if (3...4).contains(trimmed.count), trimmed.allSatisfy({ $0.count <= 40 }),
               trimmed.dropFirst().dropLast().contains(where: { Self.titlePageConnectives.contains(HeadingRules.folded($0)) }) {
                trimmed = [Substring(trimmed.enumerated().map { n, line in
                    n < trimmed.count - 1 && line.last == "." ? String(line.dropLast()) : String(line)
                }.joined(separator: " "))]
            }
            // `JANE EYRE` / `AN AUTOBIOGRAPHY`: a title in capitals over its subtitle.
            if trimmed.count == 2, HeadingRules.isAllCaps(trimmed[0]), HeadingRules.isAllCaps(trimmed[1]), HeadingRules.keywordRank(trimmed[0]) == nil,
               trimmed.allSatisfy({ $0.count <= 60 }) {
                trimmed = [trimmed[0]]
            }
            // `Frankenstein;` over `or, the Modern Prometheus`: the first title of a double one.
            if trimmed.count <= 2, let last = trimmed[0].last, last == ";" || last == ",",
               let nextLine = trimmed.count == 2 ? trimmed[1] : nil ?? nextBlockFirstLine(after: r),
               nextLine.lowercased().hasPrefix("or,") || nextLine.lowercased().hasPrefix("or ") {
                trimmed = [trimmed[0].dropLast()]
            }
            // The title stands before the text's first heading and its first paragraph of prose.
            if HeadingRules.keywordRank(trimmed[0]) != nil || trimmed.count >= 2 && trimmed.contains(where: { $0.count > 60 }) { break }
            // A line opening in lower case (`the traditions of warriors and`) or on a mark (`* c`)
            // is no title.
            if let c = trimmed[0].first, !(c.isUppercase || c.isNumber || "\"“‘'¿¡«_".contains(c) || (c.isLetter && !c.isLowercase)) {
                if candidates.isEmpty { continue } else { break }
            }
            // A date or a number (`1910`) is no title.
            if !trimmed[0].contains(where: { $0.isLetter }) || DateLine(trimmed[0]) != nil { if candidates.isEmpty { continue } else { break } }
            guard trimmed.count <= 2, HeadingRules.isHeadingLike(trimmed) || trimmed[0].prefix(121).count <= 120 && trimmed.count == 1,
                  HeadingRules.keywordRank(trimmed[0]) == nil, !HeadingRules.isByline(trimmed[0]) else {
                if candidates.isEmpty { continue } else { break }
            }
            // A paragraph indented with ideographic spaces, or one ending as a sentence ends (in
            // Latin or CJK punctuation), is no title.
            if CJKText.startsWithIdeographicSpace(r.lines[0]) { break }
            guard HeadingRules.isHeadingLike(trimmed) || (trimmed[0].last.map { !".!?,;。！？，；：」』”…".contains($0) } ?? false) else { break }
            candidates.append((HeadingRules.folded(trimmed.joined(separator: " ")), trimmed.joined(separator: " ")))
        }
        for (n, c) in candidates.enumerated() {
            let partOfLonger = candidates[(n + 1)...].contains { $0.key != c.key && $0.key.contains(c.key) }
            if !partOfLonger {
                titleKey = c.key
                document.title = Self.withoutByline(c.text).replacingOccurrences(of: "_", with: "")
                return
            }
        }
    }

    /// The first line of the raw block after `r` (by its line number), if any.
    func nextBlockFirstLine(after r: PlainTextImporter.RawBlock) -> Substring? {
        guard let k = raw.firstIndex(where: { $0.firstLine > r.firstLine }) else { return nil }
        return raw[k].lines[0].trimmedSpaces
    }

    /// Words that stand alone on a title page between the parts of a title or a credit.
    static let titlePageConnectives: Set<String> = ["of", "by", "and", "or", "with", "the", "translatedby", "editedby", "from", "on"]

    /// A title page set out over short lines apart (`THE THOUGHTS` / `OF` / `THE EMPEROR` /
    /// `MARCUS AURELIUS ANTONINUS`), recognised by a line that is only a connective: the lines
    /// around it, up to the first heading of the book's series, are its title, not sections.
    /// After the first heading, such a group followed by prose is one heading (`BIOGRAPHICAL
    /// SKETCH` / `OF` / `MARCUS AURELIUS ANTONINUS.`).
    mutating func findTitlePage() {
        let limit = min(raw.count, 40)
        for i in 0..<limit where raw[i].region == .body && raw[i].lines.count == 1
            && Self.titlePageConnectives.contains(HeadingRules.folded(raw[i].lines[0])) {
            func isPart(_ k: Int) -> Bool {
                let r = raw[k]
                guard r.region == .body, r.lines.count <= 2, ranks[k] == nil, r.lines.allSatisfy({ $0.trimmedSpaces.count <= 60 }) else { return false }
                let t = r.lines.map { $0.trimmedSpaces }
                return Self.titlePageConnectives.contains(HeadingRules.folded(t.joined(separator: " ")))
                    || t.allSatisfy { HeadingRules.isAllCaps($0) || HeadingRules.isTitleCase($0) }
            }
            var low = i, high = i
            while low > 0, raw[low].blankBefore <= 2, isPart(low - 1) { low -= 1 }
            while high + 1 < limit, raw[high + 1].blankBefore <= 2, isPart(high + 1) { high += 1 }
            if low < i && high > i {
                for k in low...high { titlePage.insert(k) }
                titlePageGroups[low] = high
            }
        }
    }

    /// `Leon Sedov: … Victim by Pierre Broué – …` → `Leon Sedov: … Victim`.
    static func withoutByline(_ text: String) -> String {
        guard let range = text.range(of: " by ", options: .backwards),
              let next = text[range.upperBound...].first, next.isUppercase,
              text[..<range.lowerBound].count >= 3 else { return text }
        return String(text[..<range.lowerBound].trimmedSpaces)
    }

    /// A "Notes" section where the text's closing run of notes begins, unless a heading leads it.
    mutating func addNotesSection() {
        let blocks = document.blocks, sections = document.sections
        guard let last = document.notes.last else { return }
        // Only a run of notes that closes the text (back matter aside) is a notes section.
        guard blocks[(last.block + 1)...].allSatisfy({ $0.kind == .footnote || $0.kind == .frontMatter || $0.kind == .sceneBreak }) else { return }
        var first = last.block
        while first > 0, blocks[first - 1].kind == .footnote || blocks[first - 1].kind == .sceneBreak { first -= 1 }
        if first > 0, blocks[first - 1].isHeading { return }
        if let s = sections.last(where: { $0.block <= first }), s.block == first { return }
        let at = document.addSection(Section(title: "Notes", level: 1, block: first, line: blocks[first].line, isMatter: true))
        headingRanks.insert(nil, at: at)
    }

    /// Levels from the ranks of structural words in use: with PART and CHAPTER, parts are 1 and
    /// chapters 2; with CHAPTER alone, chapters are 1. Other headings are 1.
    mutating func assignLevels() {
        let ranks = Array(Set(headingRanks.compactMap { $0 }.filter { $0 >= 0 })).sorted()
        for i in document.sections.indices {
            document.setLevel(ofSection: i, to: headingRanks[i].flatMap { r in ranks.firstIndex(of: r).map { $0 + 1 } } ?? 1)
        }
    }
}

extension PlainTextImporter.Builder {
    /// The width the book's prose is wrapped at: the 90th percentile of the lengths of lines
    /// that a paragraph goes on after (last lines of blocks aside).
    mutating func findProseWidth() {
        var counts = [Int](repeating: 0, count: 401)
        var total = 0
        for r in raw where r.lines.count >= 2 {
            for line in r.lines.dropLast() {
                counts[min(400, line.utf8.count)] += 1
                total += 1
            }
        }
        guard total >= 20 else { return }
        var seen = 0
        for (length, n) in counts.enumerated() {
            seen += n
            if seen * 10 >= total * 9 { proseWidth = length >= 30 ? length : nil; return }
        }
    }

    /// `… than to    5`: a number set in the right margin after a run of spaces (section or
    /// line numbers of a scholarly edition). When twenty lines or more of the book's prose end so,
    /// the numbers are margin, not text.
    mutating func findMarginNumbers() {
        var count = 0
        for r in raw where r.region == .body && r.lines.count >= 2 {
            for line in r.lines {
                // (The last byte first: most lines end in a letter or a stop.)
                guard let last = line.utf8.last, last >= 0x30 && last <= 0x39 || last == 0x20 else { continue }
                if Self.marginNumberStart(line) != nil { count += 1 }
            }
        }
        marginNumbers = count >= 20
    }

    /// Where a margin number (`    5` at the line's end, after text) begins, or `nil`.
    static func marginNumberStart(_ line: Substring) -> Substring.Index? {
        let u = line.utf8
        var end = u.endIndex
        while end > u.startIndex, u[u.index(before: end)] == 0x20 { end = u.index(before: end) }
        var k = end, digits = 0
        while k > u.startIndex, let b = Optional(u[u.index(before: k)]), b >= 0x30, b <= 0x39 { k = u.index(before: k); digits += 1 }
        guard (1...3).contains(digits) else { return nil }
        var spaces = 0
        var j = k
        while j > u.startIndex, u[u.index(before: j)] == 0x20 { j = u.index(before: j); spaces += 1 }
        guard spaces >= 2, j > u.startIndex else { return nil }
        return j
    }

    /// The most common number of blank lines before a paragraph of the body.
    mutating func findParagraphGap() {
        var counts = [Int](repeating: 0, count: 5)
        for r in raw where r.region == .body && r.blankBefore > 0 && r.lines.count >= 2 { counts[min(4, r.blankBefore)] += 1 }
        if let best = counts.indices.dropFirst().max(by: { counts[$0] < counts[$1] }), counts[best] > 0 { paragraphGap = best }
    }

    /// A run of short lines (verse, an address, a title page, a header's fields) kept as lines;
    /// else the lines joined into one paragraph. Short: no line but the last near the prose
    /// width (under three quarters of it: wrapped prose fills its lines to within a word), and
    /// on average under two thirds of it.
    func linesOrParagraph(_ lines: [Substring]) -> (String, [Int]) {
        guard lines.count >= 2, let width = proseWidth else { return paragraph(lines) }
        // Verse at the margin as long as the prose (Milton's blank verse, a ballad whose even
        // lines are indented): four lines or more each opening on a capital, most of them short
        // of the prose width; or lines set in under a first line at the margin.
        if HeadingRules.isVerse(lines) {
            let hanging = lines[0].first != " " && lines.dropFirst().contains { $0.hasPrefix("  ") }
            if hanging { return preformatted(lines) }
            if lines.count >= 4 {
                let lengths = lines.map(\.utf8.count).sorted()
                if lengths[lengths.count / 2] * 5 < width * 4 { return preformatted(lines) }
            }
        }
        var sum = 0
        for (n, line) in lines.enumerated() {
            let length = line.utf8.count
            if n < lines.count - 1, length * 4 >= width * 3 { return paragraph(lines) }
            sum += length
        }
        return sum * 3 < lines.count * width * 2 ? preformatted(lines) : paragraph(lines)
    }
}
