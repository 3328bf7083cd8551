/// How a note found its passage when the text was opened.
public enum AnchorStatus: String, Sendable, Equatable, Codable {
    /// The passage is where the note says.
    case exact
    /// The same words, found elsewhere (the text changed before them).
    case moved
    /// Words close to the quote, between its context (the passage itself was edited).
    case fuzzy
    /// The passage is gone: the note is kept, listed, and can be re-attached.
    case orphan
}

/// Makes anchors for passages, and finds them again in a text that may have changed, as the
/// W3C Web Annotation selectors are used by Hypothesis: position, then quote with context,
/// then a fuzzy match; else the note is an orphan.
public enum Anchoring {
    /// Characters of context kept on each side.
    public static let contextLength = 32

    /// An anchor for the canonical range `start..<end`.
    public static func anchor(document: Document, text: CanonicalText, start: Int, end: Int) -> Anchor {
        let block = document.blockIndex(containing: start)
        let section = document.sectionIndex(containing: block).map { document.sections[$0].title } ?? ""
        var anchor = Anchor(section: section, start: start, end: end, exact: text.string(start, end),
                            prefix: text.string(start - contextLength, start), suffix: text.string(end, end + contextLength))
        anchor.document = document.sourcePart(containing: block)
        return anchor
    }

    /// An anchor for the canonical range `start..<end`, with offsets, quote and context taken
    /// from the text that stored offsets index (the source file for plain text).
    public static func anchor(document: Document, text: SourceText, start: Int, end: Int) -> Anchor {
        guard text.isSourceFile else { return anchor(document: document, text: text.canonical, start: start, end: end) }
        let block = document.blockIndex(containing: start)
        let section = document.sectionIndex(containing: block).map { document.sections[$0].title } ?? ""
        let r = text.sourceRange(of: start..<end)
        let s = text.source
        return Anchor(section: section, start: r.lowerBound, end: r.upperBound, exact: s.string(r.lowerBound, r.upperBound),
                      prefix: s.string(r.lowerBound - contextLength, r.lowerBound), suffix: s.string(r.upperBound, r.upperBound + contextLength))
    }

    /// Where `anchor` (offsets into `text.source`) stands now, as a canonical range, and how it
    /// was found.
    public static func place(_ anchor: Anchor, in text: SourceText) -> (range: Range<Int>?, status: AnchorStatus) {
        var cache = SourceText.AlignmentCache()
        return place(anchor, in: text, cache: &cache)
    }

    /// `place(_:in:)`, reusing the block alignment `cache` holds (notes placed in order).
    public static func place(_ anchor: Anchor, in text: SourceText, cache: inout SourceText.AlignmentCache)
        -> (range: Range<Int>?, status: AnchorStatus) {
        let (range, status) = place(anchor, in: text.source)
        return (range.map { text.canonicalRange(of: $0, cache: &cache) }, status)
    }

    /// Where `anchor` stands in `text` now, and how it was found.
    public static func place(_ anchor: Anchor, in text: CanonicalText) -> (range: Range<Int>?, status: AnchorStatus) {
        let exact = Array(anchor.exact.unicodeScalars)
        guard !exact.isEmpty else { return (nil, .orphan) }
        let s = text.scalars
        if anchor.start >= 0, anchor.start + exact.count <= s.count, Array(s[anchor.start..<(anchor.start + exact.count)]) == exact {
            return (anchor.start..<(anchor.start + exact.count), .exact)
        }
        let found = text.occurrences(of: exact, limit: 10_000)
        if !found.isEmpty {
            let prefix = Array(anchor.prefix.unicodeScalars), suffix = Array(anchor.suffix.unicodeScalars)
            let best = found.max { a, b in
                score(a, exact.count, prefix, suffix, s, anchor.start) < score(b, exact.count, prefix, suffix, s, anchor.start)
            }!
            return (best..<(best + exact.count), .moved)
        }
        if let range = fuzzy(anchor, exact: exact, in: text) { return (range, .fuzzy) }
        return (nil, .orphan)
    }

    /// Context agreement first, nearness to the old place second.
    static func score(_ at: Int, _ length: Int, _ prefix: [Unicode.Scalar], _ suffix: [Unicode.Scalar],
                      _ s: [Unicode.Scalar], _ old: Int) -> Double {
        var before = 0
        while before < prefix.count, at - before - 1 >= 0, s[at - before - 1] == prefix[prefix.count - 1 - before] { before += 1 }
        var after = 0
        while after < suffix.count, at + length + after < s.count, s[at + length + after] == suffix[after] { after += 1 }
        let distance = Double(abs(at - old)) / Double(max(1, s.count))
        return Double(before + after) - distance
    }

    /// The quote's head and tail (or its context) found close together, with text between
    /// them similar enough to the quote: a passage edited inside.
    static func fuzzy(_ anchor: Anchor, exact: [Unicode.Scalar], in text: CanonicalText) -> Range<Int>? {
        let piece = min(12, max(4, exact.count / 3))
        var candidates: [Range<Int>] = []
        let heads = text.occurrences(of: Array(exact.prefix(piece)), limit: 500)
        let tails = text.occurrences(of: Array(exact.suffix(piece)), limit: 500)
        for h in heads {
            for t in tails where t + piece > h {
                let length = t + piece - h
                if length >= exact.count * 2 / 3, length <= exact.count * 3 / 2 + 8 { candidates.append(h..<(t + piece)) }
            }
        }
        let prefix = Array(anchor.prefix.unicodeScalars.suffix(16)), suffix = Array(anchor.suffix.unicodeScalars.prefix(16))
        if prefix.count >= 8, suffix.count >= 8 {
            let starts = text.occurrences(of: prefix, limit: 500).map { $0 + prefix.count }
            let ends = text.occurrences(of: suffix, limit: 500)
            for a in starts {
                for b in ends where b > a {
                    let length = b - a
                    if length >= exact.count / 2, length <= exact.count * 2 + 8 { candidates.append(a..<b) }
                }
            }
        }
        var best: (Range<Int>, Double)?
        for c in candidates {
            let similarity = Self.similarity(exact, Array(text.scalars[c]))
            if similarity >= 0.7, similarity > (best?.1 ?? 0) { best = (c, similarity) }
        }
        return best?.0
    }

    /// 1 − edit distance / longer length.
    static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Double {
        if a == b { return 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        if a.count > 4000 || b.count > 4000 {
            let head = zip(a, b).prefix { $0 == $1 }.count
            let tail = zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
            return Double(min(head + tail, min(a.count, b.count))) / Double(max(a.count, b.count))
        }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return 1 - Double(previous[b.count]) / Double(max(a.count, b.count))
    }
}
