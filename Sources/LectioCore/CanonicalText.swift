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
