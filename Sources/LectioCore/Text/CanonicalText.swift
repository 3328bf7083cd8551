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
}
