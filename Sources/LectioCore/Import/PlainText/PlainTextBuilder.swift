import Foundation

extension PlainTextImporter {
    /// Classifies raw blocks into a `Document`.
    struct Builder {
        let raw: [RawBlock]
        let frame: GutenbergFrame
        let fallbackTitle: String

        /// What is built: blocks, sections, markers, notes, the title.
        var document = DocumentBuilder()
        var headingRanks: [Int?] = []  // per section, keyword rank
        /// Symbol markers (`*`, `†`) seen and not yet matched by a note: while one is pending, a
        /// line `* text` is a note rather than a list item.
        var pendingSymbols: [String: Int] = [:]
        var titleKey: String?
        /// Whether the text is built of numbered parts and chapters: then other headings must
        /// look like headings beyond doubt (capitals, no digits, no `!`), since letters,
        /// diaries and signatures inside chapters look like short title-case lines.
        var structured = false
        /// For each raw block of up to three lines, the rank of its first line's structural word.
        var ranks: [Int?] = []
        /// Whether a heading of the text itself has been seen (the title comes before any).
        var headingSeen = false
        /// Raw blocks that hold only a number of a counting series (`I.`, `II.`…) or a date of a
        /// diary: letters, entries.
        var numberedSeries = Set<Int>()
        /// Raw blocks that are a number and a title of a counting series (`I. The Period`).
        var numberedTitles = Set<Int>()
        /// Raw blocks that are headings by the blank lines that set them apart (see `findGapHeadings`).
        var gapHeadings = Set<Int>()
        /// The last of them that is a title rather than back matter (`Glossary`).
        var lastGapTitle = -1
        /// Blank lines that stand before the book's numbered headings; unnumbered ones need as many.
        var headingGap = 2
        /// Offsets of the `_`/`=` marks the last `append` removed.
        var removedMarks: [Int] = []
        /// The width of the book's hard-wrapped prose (in UTF-8 bytes), or `nil` when its
        /// paragraphs are not wrapped: lines well under it are verse, addresses, title pages.
        var proseWidth: Int?
        /// The numbering of the headings so far, to tell where a part begins unheaded.
        var numbering = HeadingNumbering()
        /// The blank lines that usually stand between the book's paragraphs.
        var paragraphGap = 1
        /// Whether the book sets numbers in the right margin of its prose (see `findMarginNumbers`).
        var marginNumbers = false
        /// Raw blocks of a title page set out over lines apart (see `findTitlePage`).
        var titlePage = Set<Int>()
        /// The first and last raw block of each such group.
        var titlePageGroups: [Int: Int] = [:]
        /// The structural word and number of the contents list's first entry (`chapter 1` for
        /// `CHAPTER I. Jonathan Harker’s Journal`): a heading with the same ends the list.
        var firstContentsNumber: String?
        /// The entries of the contents lists read so far (folded, less page numbers): a line of
        /// the text that reads as one of them is a heading, one word or not (`Economy`).
        var contentsKeys = Set<String>()
        /// The first word of the title (see `HeadingRules.firstWord`): the cheap test before folding.
        var titleFirstWord: String?
        /// Their first words (see `HeadingRules.firstWord`): the cheap test before folding a line.
        var contentsFirstWords = Set<String>()

        init(raw: [RawBlock], frame: GutenbergFrame, fallbackTitle: String) {
            self.raw = raw
            self.frame = frame
            self.fallbackTitle = fallbackTitle
        }

        mutating func build() -> Document {
            findTitle()
            // The structural word of each short block's first line, once for both passes.
            ranks = raw.map { r in
                r.lines.count <= 3 && r.lines[0].utf8.count <= 240 ? HeadingRules.keywordRank(r.lines[0].drop(while: { $0 == " " })) : nil
            }
            titleFirstWord = document.title.map { HeadingRules.firstWord($0) }
            findTitlePage()
            structured = raw.indices.filter { raw[$0].region == .body && (ranks[$0] ?? -1) >= 0 }.count >= 3
            findNumberedTitles()
            if structured {
                // `BOOK I`, then chapters numbered alone (`I.`, `II.`, again in each book): the
                // numbers standing apart as headings do.
                findNumberedSeries(apartOnly: true)
            } else {
                findNumberedSeries()
                if numberedSeries.isEmpty { findGapHeadings() }
                if numberedSeries.isEmpty && numberedTitles.isEmpty && gapHeadings.isEmpty { findDatedEntries() }
                structured = !numberedSeries.isEmpty || !numberedTitles.isEmpty || !gapHeadings.isEmpty
            }
            findHeadingGap()
            findProseWidth()
            findParagraphGap()
            findMarginNumbers()
            // In a Gutenberg text, credits between the header and the title line are not sections.
            // Credits are short lines: an introduction or a preface before the title line is the
            // book's own (Pope's Odyssey prints its title after the introduction).
            var creditsEnd: Int? = frame.start == nil ? nil : raw.indices.prefix(40).first { i in
                raw[i].region == .body && HeadingRules.folded(raw[i].lines.joined(separator: " ")) == titleKey
            }
            if let end = creditsEnd, raw.indices[..<end].contains(where: { k in
                raw[k].region == .body && (raw[k].lines.count > 4 || raw[k].lines.contains { $0.utf8.count > 100 } || ranks[k] == -1)
            }) {
                creditsEnd = nil
            }
            var i = 0
            var inContents = false
            var firstContentsEntry: String?
            var bodyStart: Int?
            var backStart: Int?
            while i < raw.count {
                let r = raw[i]
                if r.region == .front {
                    if document.blocks.isEmpty {
                        document.openSection("Project Gutenberg header", level: 1, line: r.firstLine, isMatter: true)
                        headingRanks.append(nil)
                    }
                    append(.frontMatter, linesOrParagraph(r.lines), r)
                    i += 1; continue
                }
                if r.region == .back {
                    // (A closing line alone, where the header was stripped, opens no section.)
                    if backStart == nil {
                        backStart = document.nextBlock
                        if frame.start != nil {
                            document.openSection("Project Gutenberg licence", level: 1, line: r.firstLine, isMatter: true)
                            headingRanks.append(nil)
                        }
                    }
                    append(.frontMatter, linesOrParagraph(r.lines), r)
                    i += 1; continue
                }
                if bodyStart == nil, creditsEnd == nil || i == creditsEnd { bodyStart = document.nextBlock }
                if let creditsEnd, i < creditsEnd {
                    append(.frontMatter, linesOrParagraph(r.lines), r)
                    i += 1; continue
                }
                i += classify(at: i, inContents: &inContents, firstContentsEntry: &firstContentsEntry)
            }
            addNotesSection()
            assignLevels()
            document.startBlock = bodyStart
            return document.document(fallbackTitle: fallbackTitle)
        }

        /// Classifies `raw[i]` (and any blocks it swallows); returns how many raw blocks it used.
        mutating func classify(at i: Int, inContents: inout Bool, firstContentsEntry: inout String?) -> Int {
            let r = raw[i]
            lazy var trimmed = r.lines.map { $0.trimmedSpaces }
            let first = r.lines[0].trimmedSpaces
            // Only short blocks can be headings, titles or contents entries: fold those alone.
            let short = r.lines.count <= 3 && r.lines.allSatisfy { $0.utf8.count <= 240 }
            lazy var key = short ? HeadingRules.folded(trimmed.joined(separator: " ")) : ""
            if r.lines.count == 1, short, FootnoteScanner.isSceneBreak(first) {
                append(.sceneBreak, (String(first), []), r); return 1
            }
            if first.utf8.first == 0x5B, HeadingRules.isIllustration(first) { return illustration(at: i) }
            if let b = first.utf8.first, b == 0x5B || b == 0x2A || b == 0xE2 || b == 0x28, let c = first.first, c == "[" || c == "*" || c == "†" || c == "‡" || c == "(",
               let (label, textStart) = FootnoteScanner.noteStart(first, symbolWithSpaceAllowed: pendingSymbols[FootnoteScanner.symbolBase(first), default: 0] > 0) {
                return note(at: i, label: label, textStart: textStart)
            }
            // `1. The same idea …` after the paper's end, for a `whole.(1)` waiting: its note.
            if !pendingSymbols.isEmpty, let b = first.utf8.first, b >= 0x31, b <= 0x39, let (label, textStart) = Self.numberedNoteStart(first),
               pendingSymbols[label, default: 0] > 0 {
                return note(at: i, label: label, textStart: textStart)
            }
            // `1. text` under a `Footnotes` heading: note 1, for the `[1]` before it.
            if let b = first.utf8.first, b >= 0x31, b <= 0x39, let section = document.sections.last,
               ["footnotes", "notes", "endnotes"].contains(HeadingRules.folded(section.title)),
               let (label, textStart) = Self.numberedNoteStart(first) {
                return note(at: i, label: String(label.dropFirst().dropLast()), textStart: textStart)
            }
            // A list of chapter lines is a table of contents, not chapters.
            if r.lines.count > 3, trimmed.allSatisfy({ $0.utf8.count < 80 && HeadingRules.keywordRank($0) != nil }) {
                if inContents, firstContentsEntry == nil {
                    firstContentsEntry = HeadingRules.folded(trimmed[0])
                    firstContentsNumber = HeadingRules.keywordAndNumber(trimmed[0])
                }
                append(.label, preformatted(r.lines), r); return 1
            }
            if headingSeen, let high = titlePageGroups[i], isProse(high + 1) {
                inContents = false
                addSection(raw[i...high].flatMap { $0.lines.map { $0.trimmedSpaces } }, r, rank: nil)
                return high - i + 1
            }
            // After a CONTENTS heading, short entries until the text itself begins: a long
            // paragraph, or the first entry again as a real heading.
            if inContents {
                // The first entry's chapter again, as printed in the text (`CHAPTER I` for the
                // entry `CHAPTER I. Jonathan Harker’s Journal`): the list has ended.
                // So has an entry printed again with prose after it (`Economy`, then its text).
                let repeatsFirst = short && firstContentsNumber != nil && HeadingRules.keywordAndNumber(first) == firstContentsNumber
                    || short && r.lines.count == 1 && contentsFirstWords.contains(HeadingRules.firstWord(first)) && contentsKeys.contains(key) && isProse(i + 1)
                if !repeatsFirst, isContentsEntry(i), key != firstContentsEntry || !short, !endsContents(at: i) {
                    if firstContentsEntry == nil {
                        firstContentsEntry = key
                        firstContentsNumber = HeadingRules.keywordAndNumber(first)
                    }
                    let block = append(.label, preformatted(r.lines), r)
                    for line in r.lines {
                        let entry = HeadingRules.folded(String(line.trimmedSpaces.reversed().drop(while: { $0.isNumber || $0 == " " || $0 == "." }).reversed()))
                        if entry.count >= 3 {
                            contentsKeys.insert(entry)
                            contentsFirstWords.insert(HeadingRules.firstWord(line.trimmedSpaces))
                        }
                    }
                    if r.lines.count == 1, let rank = ranks[i], rank >= 0, HeadingRules.isBareKeywordLine(first) {
                        numbering.standingEntry = (block: block, raw: i, rank: rank)
                    }
                    return 1
                }
                inContents = false
            }
            if titlePage.contains(i), !headingSeen {
                append(.title, paragraph(r.lines), r); return 1
            }
            // The title, or the title again as a half-title before the first story (`DUBLINERS`
            // after the contents, then `THE SISTERS`).
            if short, titleKey != nil, !headingSeen || (r.lines.count == 1 && HeadingRules.firstWord(first) == titleFirstWord
                && i + 1 < raw.count && raw[i + 1].lines.count <= 2
                && HeadingRules.isHeadingLike(raw[i + 1].lines.map { $0.trimmedSpaces }) && isProse(i + 2)), key == titleKey {
                append(.title, paragraph(r.lines), r); return 1
            }
            if short, r.lines.count == 1, HeadingRules.isByline(first) {
                append(.byline, (String(first), []), r); return 1
            }
            let rank = short ? ranks[i] : nil
            let indent = r.lines[0].prefix(while: { $0 == " " }).count
            if numberedTitles.contains(i) {
                addSection([first], r, rank: HeadingRules.keywordRanks["chapter"])
                return 1
            }
            if numberedSeries.contains(i) { return seriesHeading(at: i) }
            if gapHeadings.contains(i) {
                if ranks[i] == -1, key.hasPrefix("contents") || key.hasPrefix("tableofcontents") {
                    inContents = true; firstContentsEntry = nil; firstContentsNumber = nil
                }
                return gapHeading(at: i)
            }
            // In a text of numbered chapters, another heading must stand apart as they do.
            let apart = r.blankBefore >= min(headingGap, 3)
            // A line with no blank line above it (a text of one paragraph per line) is a heading
            // only by a structural word.
            let setOff = r.blankBefore > 0 || i == 0 || (rank ?? -1) >= 0
            // A line that reads as an entry of the book's contents, standing apart, is a heading.
            let listed = r.lines.count == 1 && !contentsKeys.isEmpty && short && r.blankBefore >= 1
                && contentsFirstWords.contains(HeadingRules.firstWord(first)) && contentsKeys.contains(key) && (r.blankBefore >= 2 || isProse(i + 1))
            if short, indent < 4, setOff, listed || HeadingRules.isHeadingLike(trimmed),
               listed || (rank ?? -1) >= 0 || !structured || apart && (rank == -1 || HeadingRules.isUnmistakableHeading(trimmed)) {
                if let titleKey, rank == nil, titleKey.contains(key) {
                    append(.label, paragraph(r.lines), r); return 1
                }
                var lines = trimmed
                var used = 1
                // `CHAPTER IV` then, after a blank line, its title.
                // `BOOK I`, `ARGUMENT.`, then the title (Pope's Homer, Dryden's Virgil): the title
                // joins the heading, the label stays below it over the argument.
                var argumentLabel: PlainTextImporter.RawBlock?
                if lines.count == 1, HeadingRules.isBareKeywordLine(first) || HeadingRules.isNameAndNumber(first), i + 1 < raw.count,
                   raw[i + 1].blankBefore <= 2 {
                    let next = raw[i + 1].lines.map { $0.trimmedSpaces }
                    if next.count == 1, HeadingRules.isArgumentLabel(next[0]), i + 2 < raw.count, raw[i + 2].lines.count == 1, raw[i + 2].blankBefore <= 2 {
                        let title = raw[i + 2].lines[0].trimmedSpaces
                        if HeadingRules.keywordRank(title) == nil, HeadingRules.isAllCaps(title), HeadingRules.isHeadingLike([title]) {
                            lines.append(title); used = 3
                            argumentLabel = raw[i + 1]
                        }
                    } else if next.count == 1, HeadingRules.keywordRank(next[0]) == nil, HeadingRules.isHeadingLike(next) {
                        lines.append(next[0]); used = 2
                    } else if next.count == 2, HeadingRules.isWrappedTitle(next) {
                        // `FEDERALIST No. 3` / `The Same Subject Continued (Concerning … and` / `Influence)`.
                        lines += next; used = 2
                    }
                }
                // A title in capitals that goes on, after a blank line, in capitals.
                if rank != nil, HeadingRules.isAllCaps(first) {
                    while used < 4, i + used < raw.count, let more = continuation(of: lines, at: i + used) {
                        lines += more; used += 1
                    }
                }
                if let rank, rank >= 0 { headUnheadedPart(before: first, rank: rank) }
                let (text, breaks) = HeadingRules.joinHeading(lines)
                let block = append(.heading(level: 1), (text, breaks), r)
                let found = document.blocks[block].scalarCount == 0 ? [] : markerRanges(block)
                let sectionTitle = HeadingRules.sectionTitle(text, markers: found).replacingOccurrences(of: "_", with: "")
                document.addSection(Section(title: sectionTitle, level: 1, block: block, line: r.firstLine))
                headingSeen = true
                headingRanks.append(rank)
                numbering.record(rank: rank, number: (rank ?? -1) >= 0 ? HeadingRules.keywordNumber(first) : nil)
                if rank == -1, key.hasPrefix("contents") || key.hasPrefix("tableofcontents") {
                    inContents = true; firstContentsEntry = nil; firstContentsNumber = nil
                }
                if let argumentLabel { append(.label, (String(argumentLabel.lines[0].trimmedSpaces), []), argumentLabel) }
                return used
            }
            // A play's speech: the speaker's name on a line of its own (`CHORUS.`), then the
            // speech, verse kept as lines.
            if r.lines.count > 1, HeadingRules.isSpeakerLabel(first) {
                append(.label, (String(first), []), r)
                let speech = PlainTextImporter.RawBlock(lines: Array(r.lines.dropFirst()), firstLine: r.firstLine + 1, region: r.region, blankBefore: 0)
                let verse = HeadingRules.isVerse(speech.lines) || speech.lines.count == 1
                let block = append(verse ? .preformatted : .paragraph, verse ? preformatted(speech.lines) : paragraph(speech.lines), speech)
                _ = markerRanges(block)
                return 1
            }
            let indents = r.lines.map { $0.prefix(while: { $0 == " " }).count }
            if r.lines.count > 1, indents.allSatisfy({ $0 >= 2 }),
               Set(indents).count > 1 || r.lines.allSatisfy({ $0.count < 55 }) || HeadingRules.isVerse(r.lines) {
                let block = append(.preformatted, preformatted(r.lines), r)
                _ = markerRanges(block)
                return 1
            }
            let kind: Block.Kind = indents.allSatisfy({ $0 >= 2 }) ? .quote : .paragraph
            let block = append(kind, linesOrParagraph(r.lines), r)
            // A first line indented over flush lines: the book starts its paragraphs so.
            if kind == .paragraph, r.lines.count > 1, (2...8).contains(indents[0]), indents.dropFirst().allSatisfy({ $0 == 0 }) {
                document.update(block: block) { $0.indentsFirstLine = true }
            }
            _ = markerRanges(block)
            return 1
        }

        /// The lines of `raw[j]` when they carry on a heading in capitals whose last line is
        /// unfinished (no full stop): one or two lines in capitals, one blank line above.
        func continuation(of lines: [Substring], at j: Int) -> [Substring]? {
            let next = raw[j]
            guard next.region == .body, next.blankBefore <= 1, next.lines.count <= 2, ranks[j] == nil,
                  let last = lines.last?.last, last != ".", last != "!", last != "?", last != ":" else { return nil }
            let more = next.lines.map { $0.trimmedSpaces }
            guard more.allSatisfy({ $0.count <= 80 && HeadingRules.isAllCaps($0) }),
                  more[0].first.map({ $0.isUppercase }) ?? false else { return nil }
            return more
        }
    }
}
