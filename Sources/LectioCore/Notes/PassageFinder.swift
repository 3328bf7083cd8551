/// Finds the passage a note from the command line is about, with the reader's notion of "the
/// same words": the quote is searched as `/` searches (smart case; accents, typographic quotes
/// and dashes, line breaks ignored), within a paragraph (`3.12`) or a section when named.
public struct PassageFinder {
    /// Why no single passage was found; `message(in:)` says it in words.
    public enum Failure: Error, Equatable {
        case notFound(quote: String)
        case noSuchParagraph(String)
        case noSuchSection(String)
        case ambiguous(quote: String, occurrences: [Occurrence])
        case noSuchOccurrence(quote: String, wanted: Int, found: Int)

        /// The message, naming the text at `path`.
        public func message(in path: String) -> String {
            switch self {
            case .notFound(let quote): return "the quote “\(quote)” is not in \(path)"
            case .noSuchParagraph(let r): return "there is no paragraph \(r) in \(path) (references look like 3.12: section.paragraph)"
            case .noSuchSection(let s): return "no section of \(path) is called “\(s)”"
            case .noSuchOccurrence(let quote, let wanted, let found):
                return "the quote “\(quote)” occurs \(found) time\(found == 1 ? "" : "s") in \(path), so there is no occurrence \(wanted)"
            case .ambiguous(let quote, let occurrences):
                var lines = ["the quote “\(quote)” is ambiguous: \(occurrences.count) occurrences in \(path):"]
                for (i, o) in occurrences.enumerated() {
                    let place = o.paragraph.map { "paragraph \($0)" } ?? "heading"
                    lines.append("  \(i + 1). \(place)\(o.section.map { " in \($0)" } ?? ""): …\(o.context)…")
                }
                lines.append("choose one with --occurrence N (or narrow with --at PARAGRAPH or --section)")
                return lines.joined(separator: "\n")
            }
        }
    }

    /// One place where a quote was found.
    public struct Occurrence: Equatable, Sendable {
        /// Canonical range.
        public var range: Range<Int>
        /// The paragraph reference (`3.12`).
        public var paragraph: String?
        /// The section's title.
        public var section: String?
        /// Some words around it.
        public var context: String
    }

    let document: Document
    let index: SearchIndex
    let references: ParagraphReferences
    let text: CanonicalText

    /// A finder for `document` (whose canonical text is `text`, when it is made already).
    public init(document: Document, text: CanonicalText? = nil) {
        self.document = document
        index = SearchIndex(document: document)
        references = ParagraphReferences(document: document)
        self.text = text ?? CanonicalText(document: document)
    }

    /// Every occurrence of `quote`, in reading order.
    public func occurrences(of quote: String) -> [Occurrence] {
        let result = index.search(quote)
        return result.hits.map { hit in
            let range = index.canonicalRange(of: hit, length: result.length)
            let block = document.blockIndex(containing: range.lowerBound)
            let section = document.sectionIndex(containing: block).map { document.sections[$0].title }
            let context = text.string(range.lowerBound - 25, range.upperBound + 25).split(whereSeparator: \.isNewline).joined(separator: " ")
            return Occurrence(range: range, paragraph: references.label(ofBlock: block), section: section, context: context)
        }
    }

    /// The canonical range of the passage: `quote` (its `occurrence`, 1-based, when it is found
    /// more than once) within the paragraph `at` or the section `section`; or the paragraph `at`.
    public func passage(quote: String?, at: String?, section: String?, occurrence: Int?) throws -> Range<Int> {
        var scope = 0..<(document.scalarCount + 1)
        if let section {
            guard let s = sectionIndex(named: section) else { throw Failure.noSuchSection(section) }
            let first = document.blocks[document.sections[s].block].start
            let next = s + 1 < document.sections.count ? document.blocks[document.sections[s + 1].block].start : document.scalarCount + 1
            scope = first..<next
        }
        if let at {
            guard let b = references.block(for: at) else { throw Failure.noSuchParagraph(at) }
            let block = document.blocks[b]
            let paragraph = block.start..<(block.start + block.scalarCount)
            if quote == nil { return paragraph }
            scope = max(scope.lowerBound, paragraph.lowerBound)..<max(scope.lowerBound, min(scope.upperBound, paragraph.upperBound))
        }
        guard let quote else { throw Failure.notFound(quote: "") }
        let found = occurrences(of: quote).filter { scope.contains($0.range.lowerBound) && $0.range.upperBound <= scope.upperBound }
        guard !found.isEmpty else { throw Failure.notFound(quote: quote) }
        if let occurrence {
            guard occurrence >= 1, occurrence <= found.count else {
                throw Failure.noSuchOccurrence(quote: quote, wanted: occurrence, found: found.count)
            }
            return found[occurrence - 1].range
        }
        guard found.count == 1 else { throw Failure.ambiguous(quote: quote, occurrences: found) }
        return found[0].range
    }

    /// A section named by number (`7`: the one whose title holds the number 7 as a word, else
    /// the 7th) or by the start of its title (case ignored), else by a word of it.
    func sectionIndex(named name: String) -> Int? {
        let sections = document.sections
        if let n = Int(name) {
            let words = { (t: String) in t.split { !$0.isLetter && !$0.isNumber }.map(String.init) }
            if let s = sections.firstIndex(where: { words($0.title).contains(String(n)) }) { return s }
            return n >= 1 && n <= sections.count ? n - 1 : nil
        }
        let lower = name.lowercased()
        return sections.firstIndex { $0.title.lowercased().hasPrefix(lower) }
            ?? sections.firstIndex { $0.title.lowercased().contains(lower) }
    }
}
