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

    /// What separates words in a text: a space, a line end, a no-break space.
    public static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || s == "\u{A0}" }

    /// The end of the word that starts at or after `offset`.
    public func wordEnd(after offset: Int) -> Int {
        var i = offset
        while i < scalars.count, Self.isSpace(scalars[i]) { i += 1 }
        while i < scalars.count, !Self.isSpace(scalars[i]) { i += 1 }
        return i
    }

    /// The start of the word that ends at or before `offset`.
    public func wordStart(before offset: Int) -> Int {
        var i = offset
        while i > 0, Self.isSpace(scalars[i - 1]) { i -= 1 }
        while i > 0, !Self.isSpace(scalars[i - 1]) { i -= 1 }
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
