/// The document's canonical text as scalars, for anchoring and search: blocks joined by `\n`.
public struct CanonicalText: Sendable {
    public let scalars: [Unicode.Scalar]

    /// The canonical text of `document`.
    public init(document: Document) {
        var s: [Unicode.Scalar] = []
        s.reserveCapacity(document.scalarCount)
        for (i, block) in document.blocks.enumerated() {
            if i > 0 { s.append("\n") }
            s.append(contentsOf: block.scalars)
        }
        scalars = s
    }

    /// Any text as scalars (the decoded source file, for anchors that index it).
    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// What separates words in a text: a space, a line end, a no-break space, an ideographic space.
    public static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || s == "\u{A0}" || s == "\u{3000}" }


    /// The end of the word that starts at or after `offset`: up to the next space, or in
    /// Chinese and Japanese the end of the run of one script and the punctuation after it
    /// (see `CharacterRun`).
    public func wordEnd(after offset: Int) -> Int {
        var i = offset
        while i < scalars.count, Self.isSpace(scalars[i]) { i += 1 }
        guard i < scalars.count else { return i }
        let run = CharacterRun(scalars[i])
        if run.isCJK {
            while i < scalars.count, CharacterRun(scalars[i]) == run { i += 1 }
            while i < scalars.count, CharacterRun(scalars[i]) == .punctuation { i += 1 }
            return i
        }
        while i < scalars.count, !Self.isSpace(scalars[i]), !CharacterRun(scalars[i]).isCJK { i += 1 }
        return i
    }

    /// The start of the word that ends at or before `offset` (the run before any punctuation,
    /// in Chinese and Japanese).
    public func wordStart(before offset: Int) -> Int {
        var i = offset
        while i > 0, Self.isSpace(scalars[i - 1]) { i -= 1 }
        guard i > 0 else { return i }
        if CharacterRun(scalars[i - 1]).isCJK {
            while i > 0, CharacterRun(scalars[i - 1]) == .punctuation { i -= 1 }
            guard i > 0, CharacterRun(scalars[i - 1]).isCJK else { return i }
            let run = CharacterRun(scalars[i - 1])
            while i > 0, CharacterRun(scalars[i - 1]) == run { i -= 1 }
            return i
        }
        while i > 0, !Self.isSpace(scalars[i - 1]), !CharacterRun(scalars[i - 1]).isCJK { i -= 1 }
        return i
    }

    /// The first offset at or after `offset` that is not a space.
    public func skippingSpaces(from offset: Int) -> Int {
        var i = offset
        while i < scalars.count, Self.isSpace(scalars[i]) { i += 1 }
        return i
    }

    /// `range` without spaces at either end (but never empty).
    public func trimmed(_ range: Range<Int>) -> Range<Int> {
        var r = range
        while r.count > 1, Self.isSpace(scalars[r.lowerBound]) { r = (r.lowerBound + 1)..<r.upperBound }
        while r.count > 1, Self.isSpace(scalars[r.upperBound - 1]) { r = r.lowerBound..<(r.upperBound - 1) }
        return r
    }

    /// Text of a range, clamped.
    public func string(_ start: Int, _ end: Int) -> String {
        let lo = max(0, min(start, scalars.count)), hi = max(lo, min(end, scalars.count))
        return String(String.UnicodeScalarView(scalars[lo..<hi]))
    }

    /// Every offset where `needle` occurs.
    public func occurrences(of needle: [Unicode.Scalar], limit: Int = .max) -> [Int] {
        guard let first = needle.first, needle.count <= scalars.count else { return [] }
        var found: [Int] = []
        var i = 0
        let last = scalars.count - needle.count
        while i <= last {
            if scalars[i] == first {
                var k = 1
                while k < needle.count, scalars[i + k] == needle[k] { k += 1 }
                if k == needle.count {
                    found.append(i)
                    if found.count >= limit { break }
                }
            }
            i += 1
        }
        return found
    }

    // MARK: Motions of the word cursor (as vim's `w`, `e`, `b`, `(`, `)`)

    /// What a scalar is for word motions: a space, part of a word (letters, digits, an
    /// apostrophe between letters), or punctuation (a run of it is a word of its own).
    enum WordClass { case space, word, punctuation }

    func wordClass(at i: Int) -> WordClass {
        let s = scalars[i]
        if Self.isSpace(s) || s.properties.isWhitespace { return .space }
        if s.properties.isAlphabetic || s.properties.numericType != nil || s == "_" || s.properties.generalCategory == .nonspacingMark {
            return .word
        }
        if s == "'" || s == "\u{2019}", i > 0, i + 1 < scalars.count,
           scalars[i - 1].properties.isAlphabetic, scalars[i + 1].properties.isAlphabetic {
            return .word
        }
        return .punctuation
    }

    /// The start of the next word after the one at `offset` (vim's `w`).
    public func nextWordStart(from offset: Int) -> Int {
        guard offset < scalars.count else { return scalars.count }
        var i = offset
        let here = wordClass(at: i)
        if here != .space { while i < scalars.count, wordClass(at: i) == here { i += 1 } }
        while i < scalars.count, wordClass(at: i) == .space { i += 1 }
        return min(i, max(0, scalars.count - 1))
    }

    /// The last scalar of the word at or after `offset + 1` (vim's `e`).
    public func wordEnd(from offset: Int) -> Int {
        var i = offset + 1
        while i < scalars.count, wordClass(at: i) == .space { i += 1 }
        guard i < scalars.count else { return max(0, scalars.count - 1) }
        let here = wordClass(at: i)
        while i + 1 < scalars.count, wordClass(at: i + 1) == here { i += 1 }
        return i
    }

    /// The start of the word before `offset`, or of the word it is inside (vim's `b`).
    public func previousWordStart(from offset: Int) -> Int {
        var i = min(offset, scalars.count) - 1
        while i > 0, wordClass(at: i) == .space { i -= 1 }
        guard i > 0 else { return 0 }
        let here = wordClass(at: i)
        while i > 0, wordClass(at: i - 1) == here { i -= 1 }
        return i
    }

    /// Where the sentence after the one at `offset` begins (vim's `)`): after `.`, `!` or `?`
    /// (and any closing quotes or brackets) and a space, or at the next paragraph.
    public func nextSentenceStart(from offset: Int) -> Int {
        var i = offset
        while i < scalars.count {
            if scalars[i] == "\n" { return skippingSpaces(from: i) }
            if isSentenceEnd(at: i) {
                var j = i + 1
                while j < scalars.count, Self.closers.contains(scalars[j]) { j += 1 }
                if j >= scalars.count || Self.isSpace(scalars[j]) { return min(skippingSpaces(from: j), max(0, scalars.count - 1)) }
            }
            i += 1
        }
        return max(0, scalars.count - 1)
    }

    /// Where the sentence that holds `offset` begins, or the one before if `offset` is its start
    /// (vim's `(`).
    public func sentenceStart(before offset: Int) -> Int {
        // The last sentence start before `offset`: scan back to a paragraph start, then forward.
        var p = min(offset, scalars.count) - 1
        while p > 0, scalars[p - 1] != "\n" { p -= 1 }
        if p < 0 { return 0 }
        var i = p, start = p
        while i < offset {
            let next = nextSentenceStart(from: i)
            if next >= offset || next <= i { break }
            start = next
            i = next
        }
        return start
    }

    static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", "\u{BB}", "*"]

    func isSentenceEnd(at i: Int) -> Bool {
        let s = scalars[i]
        return s == "." || s == "!" || s == "?" || s == "\u{2026}"
    }
}
