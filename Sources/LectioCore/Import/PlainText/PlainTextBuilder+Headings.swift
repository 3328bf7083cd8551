import Foundation

extension PlainTextImporter.Builder {
    /// The number of a line that holds only a number: `XII.`, `12.`, `No. 12`, `12`, also with a
    /// footnote marker after it (`XII.*`, `XII.[3]`).
    static func numberAlone(_ line: Substring) -> Int? {
        var t = line.trimmedSpaces
        if let marker = FootnoteScanner.markers(in: Array(t.unicodeScalars)).last, marker.range.upperBound == t.unicodeScalars.count {
            t = Substring(String(String.UnicodeScalarView(t.unicodeScalars.prefix(marker.range.lowerBound)))).trimmedSpaces
        }
        if t.hasPrefix("No. ") || t.hasPrefix("NO. ") { t = t.dropFirst(4).trimmedSpaces }
        if t.last == "." { t = t.dropLast() }
        guard !t.isEmpty, t.count <= 9 else { return nil }
        if t.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int(t) }
        return HeadingRules.romanValue(t)
    }

    /// Lines holding only a number that count up as a series (`I.`, `II.`, … or `1.`, `2.`, …):
    /// the letters of a collection, the entries of a diary. A number out of the series (a list
    /// item, a stanza number) is not one of them; nor is a series of fewer than three.
    mutating func findNumberedSeries(apartOnly: Bool = false) {
        var items: [(Int, Int)] = []
        for i in raw.indices where raw[i].region == .body && raw[i].lines.count == 1 && (!apartOnly || raw[i].blankBefore >= 2) {
            let line = raw[i].lines[0]
            guard line.utf8.count <= 24, line.prefix(while: { $0 == " " }).count < 4, let n = Self.numberAlone(line) else { continue }
            items.append((i, n))
        }
        let chains = Self.countingChains(items)
        // A chain of two (a short book's chapters) beside chains of three or more.
        guard chains.contains(where: { $0.count >= 3 }) else { return }
        numberedSeries = Set(chains.joined())
    }

    /// The runs of `(block, number)` that count up from one: each number the next, or one or two
    /// further when the number after it goes on from it (a number lost in its paragraph: `III`,
    /// `V`, `VI`). Runs of two or more.
    static func countingChains(_ items: [(Int, Int)]) -> [[Int]] {
        var chains: [[Int]] = []
        var current: [Int] = []
        var last = 0
        for (k, (i, n)) in items.enumerated() {
            let next = k + 1 < items.count ? items[k + 1].1 : nil
            if !current.isEmpty, n == last + 1 || (n > last + 1 && n <= last + 3 && next == n + 1) {
                current.append(i); last = n
            } else if n == 1 {
                if current.count >= 2 { chains.append(current) }
                current = [i]; last = 1
            }
        }
        if current.count >= 2 { chains.append(current) }
        return chains
    }

    /// `I. The Period`, `II. THE RED-HEADED LEAGUE`, `12. The Return`: a number and a title on one
    /// line, standing apart, counting up from one (again in each part, as chapters under `Book
    /// the Second` do): a book's chapters or stories. Chains of three or more make the series
    /// (of two, beside a chain of three); a numbered list inside a chapter stands apart less,
    /// and in a book of `CHAPTER` headings such lines are side-headings within the chapters.
    mutating func findNumberedTitles() {
        // In a book of `CHAPTER` headings, numbered titles are side-headings within the chapters.
        let chapterRank = HeadingRules.keywordRanks["chapter"]
        var chapters = 0
        for i in raw.indices where ranks[i] == chapterRank && raw[i].region == .body { chapters += 1 }
        guard chapters < 3 else { return }
        var items: [(Int, Int)] = []
        for i in raw.indices where raw[i].region == .body && raw[i].lines.count == 1 && raw[i].blankBefore >= 2 {
            if let n = Self.numberedTitle(raw[i].lines[0]) { items.append((i, n)) }
        }
        let chains = Self.countingChains(items)
        guard chains.contains(where: { $0.count >= 3 }) else { return }
        numberedTitles = Set(chains.joined())
    }

    /// The number of `IV. The Preparation` (a Roman numeral in capitals or a number, a full
    /// stop, a title in capitals or title case), or `nil`.
    static func numberedTitle(_ line: Substring) -> Int? {
        guard line.utf8.count <= 100, line.prefix(while: { $0 == " " }).count < 4 else { return nil }
        let t = line.trimmedSpaces
        guard let dot = t.prefix(8).firstIndex(of: "."), dot > t.startIndex else { return nil }
        let number = t[..<dot]
        let value = number.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(number)
            : number.allSatisfy({ $0.isUppercase }) ? HeadingRules.romanValue(number) : nil
        guard let value else { return nil }
        var title = t[t.index(after: dot)...].trimmedSpaces
        guard let first = title.first, first.isUppercase || "\"“‘'".contains(first) else { return nil }
        if title.last == "." { title = title.dropLast() }
        let single = HeadingRules.words(title).count == 1 && !title.contains(where: { ",;:!?".contains($0) })
        return single || HeadingRules.isHeadingLike([title]) ? value : nil
    }

    /// Lines holding only a date that run forward, five or more and at least one in forty
    /// blocks: a diary's entries (a few dated poems in a collection are not).
    mutating func findDatedEntries() {
        var found: [(Int, DateLine)] = []
        var body = 0
        for i in raw.indices where raw[i].region == .body {
            body += 1
            if raw[i].lines.count == 1, let date = DateLine(raw[i].lines[0]) { found.append((i, date)) }
        }
        guard found.count >= 5, found.count * 40 >= body, DateLine.runForward(found.map(\.1)) else { return }
        numberedSeries = Set(found.map(\.0))
    }

    /// How many blank lines stand before the book's own series of headings (the lower quartile):
    /// an unnumbered heading must stand apart as they do.
    mutating func findHeadingGap() {
        var gaps: [Int] = []
        for i in raw.indices where raw[i].region == .body && raw[i].blankBefore > 0 {
            if numberedSeries.contains(i) || numberedTitles.contains(i) || (ranks[i] ?? -1) >= 0 { gaps.append(raw[i].blankBefore) }
        }
        gaps.sort()
        headingGap = gaps.isEmpty ? 2 : gaps[gaps.count / 4]
    }
}

extension PlainTextImporter.Builder {
    /// A number of the series as a heading, with the line that follows it when that line is a
    /// short one of its own (`XII.` + `STEVENTON, Thursday.` or `To his Brother`).
    mutating func seriesHeading(at i: Int) -> Int {
        let r = raw[i]
        var lines = [r.lines[0].trimmedSpaces]
        if i + 1 < raw.count, raw[i + 1].region == .body, raw[i + 1].lines.count <= 2, !numberedSeries.contains(i + 1) {
            let next = raw[i + 1].lines.map { $0.trimmedSpaces }
            // A place and date set to the right, an addressee (`To his Brother`, `_To Miss A._`,
            // `MR. JOHN SMITH`); not the letter's own first line (`Dear John, …`).
            let setApart = raw[i + 1].lines[0].prefix(while: { $0 == " " }).count >= 4
            let firstWord = next[0].prefix { !$0.isWhitespace && $0 != "," }
            let addressee = next[0].hasPrefix("To ") || next[0].hasPrefix("_To ") || HeadingRules.isAllCaps(firstWord) && firstWord.count > 1
            let opening = (setApart || addressee) && (next[0].first.map { $0.isUppercase || $0.isNumber || "_\"“'‘".contains($0) } ?? false)
            if opening, next.allSatisfy({ $0.count <= (next.count == 1 ? 80 : 50) }), ranks[i + 1] == nil,
               !FootnoteScanner.isSceneBreak(next[0]), FootnoteScanner.noteStart(next[0], symbolWithSpaceAllowed: false) == nil {
                lines += next
            }
        }
        // Under stories numbered with their titles, numbers alone are their parts.
        addSection(lines, r, rank: numberedTitles.isEmpty ? HeadingRules.keywordRanks["letter"] : HeadingRules.keywordRanks["scene"])
        return lines.count > 1 ? 2 : 1
    }

    /// A heading block and its section; the title loses trailing markers and `_` marks.
    mutating func addSection(_ lines: [Substring], _ r: PlainTextImporter.RawBlock, rank: Int?) {
        let (text, breaks) = HeadingRules.joinHeading(lines)
        let block = append(.heading(level: 1), (text, breaks), r)
        let found = markerRanges(block)
        let title = HeadingRules.sectionTitle(text, markers: found).replacingOccurrences(of: "_", with: "")
        document.addSection(Section(title: title, level: 1, block: block, line: r.firstLine))
        headingSeen = true
        headingRanks.append(rank)
        numbering.record(rank: rank, number: nil)
    }

    /// Where the count of chapters starts again (`CHAPTER I.` after `CHAPTER V.`) a new part
    /// begins; when no part heading came since the last chapter while a contents list just
    /// before held a line of the form of the book's part headings standing alone (`BOOK
    /// ELEVENTH.` — a book whose heading was printed into the list before it), that line is the
    /// part's heading. A part line run on with its chapters (`BOOK TENTH. I. …`) is an entry.
    mutating func headUnheadedPart(before line: Substring, rank: Int) {
        guard let entry = numbering.standingEntry, entry.rank < rank, let number = HeadingRules.keywordNumber(line),
              numbering.restartsUnheaded(rank: rank, number: number, partRank: entry.rank) else { return }
        document.update(block: entry.block) { $0.kind = .heading(level: 1) }
        let text = document.blocks[entry.block].text
        let title = HeadingRules.sectionTitle(text, markers: []).replacingOccurrences(of: "_", with: "")
        let at = document.addSection(Section(title: title, level: 1, block: entry.block, line: raw[entry.raw].firstLine))
        headingRanks.insert(entry.rank, at: at)
        numbering.record(rank: entry.rank, number: HeadingRules.keywordNumber(Substring(text)))
    }

    /// In a text without numbered headings, the headings may be the short lines at the margin
    /// that stand apart by more blank lines (three or more) than anything else: a collection's
    /// poem titles and year headings. Taken when such lines are at least five and make up
    /// most of what stands that far apart.
    mutating func findGapHeadings() {
        func isCandidate(_ r: PlainTextImporter.RawBlock) -> Bool {
            r.lines.count <= 2 && r.lines.allSatisfy { $0.utf8.count <= 100 } && r.lines[0].first != " "
        }
        for gap in 3...6 {
            let apart = raw.indices.filter { raw[$0].region == .body && raw[$0].blankBefore >= gap }
            let candidates = apart.filter { isCandidate(raw[$0]) && (ranks[$0] ?? -1) < 0 }
            if candidates.count >= 5, candidates.count * 5 >= apart.count * 4 {
                gapHeadings = Set(candidates)
                lastGapTitle = candidates.last { ranks[$0] == nil } ?? -1
                return
            }
        }
    }

    /// A heading found by its gap; numbers alone (`1771 - 1779`, `1785`) rank above the others,
    /// and so does back matter (`Glossary`, `Index`) after the last of the others. A `Prologue`
    /// or `Postscript` among them is one of them.
    mutating func gapHeading(at i: Int) -> Int {
        let lines = raw[i].lines.map { $0.trimmedSpaces }
        let numeric = lines.allSatisfy { $0.allSatisfy { $0.isNumber || $0 == " " || $0 == "-" || $0 == "–" } }
        let backMatter = ranks[i] == -1 && i > lastGapTitle
        // `FEDERALIST No. 1`, then its title below it.
        var title = lines
        var used = 1
        if lines.count == 1, HeadingRules.isNameAndNumber(lines[0]), i + 1 < raw.count, raw[i + 1].blankBefore <= 2,
           !gapHeadings.contains(i + 1), raw[i + 1].region == .body {
            let next = raw[i + 1].lines.map { $0.trimmedSpaces }
            if next.count <= 2, next.count == 1 ? HeadingRules.isHeadingLike(next) && HeadingRules.keywordRank(next[0]) == nil : HeadingRules.isWrappedTitle(next) {
                title += next; used = 2
            }
        }
        addSection(title, raw[i], rank: numeric || backMatter ? 1 : 2)
        return used
    }
}

extension PlainTextImporter.Builder {
    /// Whether `raw[i]` can be an entry of a table of contents: a short block, or entries run
    /// on over a few lines (`BOOK SEVENTH. I. The Danger… II. A Priest…`).
    func isContentsEntry(_ i: Int) -> Bool {
        let r = raw[i]
        guard r.region == .body else { return false }
        if r.lines.count <= 3 && r.lines.allSatisfy({ $0.utf8.count <= 100 }) { return true }
        // A list of titles, one a line (`Economy` / `Where I Lived, and What I Lived For` / …).
        if r.lines.allSatisfy({ $0.utf8.count <= 80 }),
           r.lines.filter({ HeadingRules.isHeadingLike([$0.trimmedSpaces]) || HeadingRules.keywordRank($0.trimmedSpaces) != nil
               || ($0.trimmedSpaces.first?.isUppercase ?? false) && !($0.last.map { ".,;".contains($0) } ?? false) }).count * 5 >= r.lines.count * 4 {
            return true
        }
        guard r.lines.count <= 8 else { return false }
        let numerals = r.lines.reduce(0) { n, line in
            n + line.split(separator: " ").filter { $0.count >= 2 && $0.last == "." && HeadingRules.romanValue($0.dropLast()) != nil }.count
        }
        return numerals >= 3
    }

    /// Whether a run of prose starts at `raw[i]`: a paragraph that is no contents entry.
    func isProse(_ i: Int) -> Bool {
        guard i < raw.count, raw[i].region == .body else { return false }
        if !isContentsEntry(i) { return true }
        // A short sentence (`Many weeks had elapsed.`), not an entry (`1. OF SENSE`, `I. The Shoe`).
        let trimmed = raw[i].lines.map { $0.trimmedSpaces }
        guard let last = trimmed.last?.last, ".!?\"”".contains(last), !HeadingRules.isHeadingLike(trimmed) else { return false }
        // `ACT II` / `CHORUS.` / `Scene I. An open place…`: lines of headings, most of them numbered.
        if trimmed.count > 2, trimmed.filter({ HeadingRules.keywordRank($0) != nil }).count * 4 >= trimmed.count * 3 { return false }
        // Entries open on their number (`1.`, `XII.`, `IV)`); a sentence may open on `The` or `I`.
        let token = trimmed[0].prefix { $0 != " " }
        guard token.count >= 2, let mark = token.last, mark == "." || mark == ")" else { return true }
        // `M. Antoninus`, `C. Julius`: an initial, not the numeral.
        let number = token.dropLast()
        let roman = HeadingRules.romanValue(number) != nil && (number.count > 1 || "IVX".contains(number))
        return !(number.allSatisfy(\.isNumber) || roman)
    }

    /// The text itself begins at `raw[i]` when it is a heading followed by prose, or a heading
    /// standing apart as the book's headings do, followed by a numbered one (`BOOK I`, `CHAPTER I`).
    func endsContents(at i: Int) -> Bool {
        let trimmed = raw[i].lines.map { $0.trimmedSpaces }
        guard raw[i].lines[0].prefix(while: { $0 == " " }).count < 4, HeadingRules.isHeadingLike(trimmed) else { return false }
        if isProse(i + 1) { return true }
        guard raw[i].blankBefore >= max(3, headingGap), i + 1 < raw.count, raw[i + 1].lines.count <= 3 else { return false }
        return (ranks[i + 1] ?? -1) >= 0
    }
}

/// The numbers of a book's headings as they come, by rank: where a count starts again.
struct HeadingNumbering {
    private var last: [Int: (number: Int?, order: Int)] = [:]
    private var seen: [Int: Int] = [:]
    private var order = 0
    /// A contents entry since the last heading that has the form of a heading of a higher rank
    /// and stands on its own line (`BOOK ELEVENTH.`).
    var standingEntry: (block: Int, raw: Int, rank: Int)?

    /// A heading was made (of a structural word's `rank`, or none).
    mutating func record(rank: Int?, number: Int?) {
        order += 1
        standingEntry = nil
        guard let rank, rank >= 0 else { return }
        last[rank] = (number, order)
        seen[rank, default: 0] += 1
    }

    /// Whether a heading of `rank` numbered `number` starts the count again (not above the
    /// last one's) with no heading of `partRank` since that one, in a book with a series of
    /// such part headings.
    func restartsUnheaded(rank: Int, number: Int, partRank: Int) -> Bool {
        guard let previous = last[rank], let before = previous.number, number <= before,
              seen[partRank, default: 0] >= 2, let part = last[partRank] else { return false }
        return part.order < previous.order
    }
}
