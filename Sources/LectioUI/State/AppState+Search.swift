import LectioCore

extension AppState {
    /// A prompt's text, submitted: a search or a go-to, kept in its history.
    func submit(_ prompt: Prompt) {
        let text = prompt.text.trimmed
        guard !text.isEmpty else { return }
        switch prompt.kind {
        case .search:
            search.remember(search: text)
            runSearch(text)
        case .notesFilter:
            notesPane.filter(byWords: text)
            message = notesInPane.isEmpty ? "No note holds “\(text)” (Esc clears the filter)" : nil
        case .goTo:
            search.remember(goTo: text)
            goTo(text)
        }
    }

    /// The folded position of the start of the cursor's line.
    var cursorFoldedPosition: Int {
        searchIndex.foldedPosition(block: cursor.block, offset: layout.line(at: cursor).start)
    }

    /// Searches, then goes to the first match after the cursor.
    public func runSearch(_ query: String) {
        let result = searchIndex.search(query)
        guard !result.hits.isEmpty else {
            message = "Not found: \(query)"
            search.clear()
            return
        }
        search.result = result
        let here = cursorFoldedPosition
        let after = result.hits.firstIndex { $0 > here }
        if let after {
            goToMatch(after, recording: true)
        } else {
            goToMatch(0, recording: true)
            message = "Search wrapped to the start"
        }
    }

    /// `n` / `N`: the next or previous match, wrapping at the ends with a notice.
    func nextMatch(forward: Bool) {
        guard let (next, notice) = search.step(forward: forward) else {
            message = "No search yet: / searches"
            return
        }
        goToMatch(next)
        if let notice { message = notice }
    }

    /// Goes to match `index`. The search itself is a jump (recorded, so Back returns to where
    /// it began); `n` and `N` move within it without filling the history. A match inside a
    /// footnote's note opens that note's popup over the place of its marker.
    func goToMatch(_ index: Int, recording: Bool = false) {
        guard let result = search.result else { return }
        search.currentMatch = index
        let range = searchIndex.canonicalRange(of: result.hits[index], length: result.length)
        let block = document.blockIndex(containing: range.lowerBound)
        layers.pop(FootnotePopup.self)
        if recording { history.record(cursorOffset) }
        if let note = document.notes.firstIndex(where: { $0.block == block }),
           let marker = document.footnotes.firstIndex(where: { $0.note == note }) {
            jump(toCanonical: document.canonicalOffset(ofFootnote: marker), marker: marker)
            layers.push(FootnotePopup(marker: marker))
            message = "match \(index + 1) of \(result.hits.count), in the note of this marker"
            return
        }
        jump(toCanonical: range.lowerBound)
        // The word cursor stands on the match: `v` selects from there.
        reading.caret = range.lowerBound
    }

    /// The canonical ranges of the matches in blocks `blocks` (at most 2,000).
    func matchRanges(inBlocks blocks: ClosedRange<Int>) -> [(range: Range<Int>, current: Bool)] {
        guard let result = search.result else { return [] }
        return searchIndex.hitIndices(of: result, inBlocks: blocks).prefix(2000).map {
            (searchIndex.canonicalRange(of: result.hits[$0], length: result.length), $0 == search.currentMatch)
        }
    }

    /// `m`+letter sets a mark; `'`+letter goes to it; `''` goes back before the last jump.
    func completePrefix(_ prefix: Character, with key: Key) -> [Effect] {
        message = nil
        guard case .char(let c) = key else { return [] }
        if prefix == "m" {
            guard c.isLetter else { message = "Marks are letters"; return [] }
            marks[c] = cursorOffset
            message = "Mark \(c) set"
            return []
        }
        if c == "'" {
            guard let place = history.back.last else { message = "No earlier place"; return [] }
            history.record(cursorOffset)
            jump(toCanonical: place)
            return []
        }
        guard let place = marks[c] else { message = "Mark \(c) is not set"; return [] }
        history.record(cursorOffset)
        jump(toCanonical: place)
        return []
    }

    /// `:` — `40%`, a paragraph reference `3.12`, a section number (`7` finds "Chapter 7" or
    /// "CHAPTER VII"), or a section title prefix. The status line says where it went; several
    /// matching sections are offered in a chooser.
    public func goTo(_ text: String) {
        let target = text.trimmed
        if target.hasSuffix("%"), let percent = Double(target.dropLast()) {
            let offset = Int(Double(document.scalarCount) * min(100, max(0, percent)) / 100)
            history.record(cursorOffset)
            jump(toCanonical: min(offset, max(0, document.scalarCount - 1)))
            return
        }
        if target.contains("."), let block = paragraphReferences.block(for: target) {
            jump(to: LinePosition(block: block, line: 0))
            message = "→ paragraph \(target)" + (currentSection.map { " › \($0.title)" } ?? "")
            return
        }
        let matches = sections(matching: target)
        switch matches.count {
        case 0: message = "Nothing to go to for “\(target)”"
        case 1: goToSection(matches[0])
        default: layers.push(SectionChooser(query: target, candidates: matches))
        }
    }

    /// Jumps to a section and says which.
    func goToSection(_ index: Int) {
        jump(to: LinePosition(block: document.sections[index].block, line: 0))
        message = "→ \(document.sections[index].title)"
    }

    /// The sections a go-to names: by number (`7`: every "Chapter 7", "Book VII"…, those in the
    /// part the reader is in first; else the 7th section), or by title prefix (else by a word
    /// inside the title).
    func sections(matching text: String) -> [Int] {
        let sections = document.sections
        if let n = Int(text) {
            let numbered = sections.indices.filter { i in
                let words = sections[i].title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
                return words.indices.dropLast().contains { w in
                    ["chapter", "part", "book", "section", "letter", "act", "volume", "canto", "epilogue"].contains(words[w]) && Self.number(words[w + 1]) == n
                } || Self.leadingNumber(sections[i].title) == n
            }
            if !numbered.isEmpty { return hereFirst(numbered) }
            return sections.indices.contains(n - 1) ? [n - 1] : []
        }
        let key = SearchIndex.fold(text.lowercased())
        let folded = sections.map { SearchIndex.fold($0.title.lowercased()) }
        let prefixed = folded.indices.filter { folded[$0].starts(with: key) }
        if !prefixed.isEmpty { return hereFirst(prefixed) }
        return hereFirst(folded.indices.filter { folded[$0].firstRange(of: key) != nil })
    }

    /// Sections of the part the cursor is in first, then the others in order.
    func hereFirst(_ candidates: [Int]) -> [Int] {
        let here = document.sectionIndex(containing: cursor.block).flatMap { document.enclosingSection(of: $0) ?? $0 }
        let (mine, others) = candidates.reduce(into: ([Int](), [Int]())) { acc, i in
            if here != nil, document.enclosingSection(of: i) == here || i == here { acc.0.append(i) } else { acc.1.append(i) }
        }
        return mine + others
    }

    /// The number a title opens with, written as a heading numbers itself: `XII.` or `12.`
    /// (a capital Roman or Arabic number and a full stop), as letters and numbered chapters
    /// without a structural word are headed; `nil` otherwise (a title opening with the word
    /// "I" is no number).
    static func leadingNumber(_ title: String) -> Int? {
        let token = title.trimmed.prefix { $0 != " " }
        guard token.count >= 2, token.last == ".", case let digits = token.dropLast(),
              digits.allSatisfy({ $0.isNumber }) || digits.allSatisfy({ "IVXLCDM".contains($0) }) else { return nil }
        return number(String(digits).lowercased())
    }

    /// `7`, `vii` or `seven` as a number.
    static func number(_ word: String) -> Int? {
        if let n = Int(word) { return n }
        let spelled = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                       "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        if let i = spelled.firstIndex(of: word) { return i + 1 }
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000]
        guard !word.isEmpty, word.allSatisfy({ values[$0] != nil }) else { return nil }
        var total = 0, previous = 0
        for c in word.reversed() {
            let v = values[c]!
            total += v < previous ? -v : v
            previous = max(previous, v)
        }
        return total
    }
}
