import Algorithms
import Foundation

/// A folded copy of the text for searching: case kept for ASCII (smart case decides), accents
/// dropped, typographic quotes and dashes made plain (`’`→`'`, `—`→`--`), and every run of
/// white space (line breaks and wraps included) one space, so that a phrase is found across
/// them. Blocks are separated by a byte no query holds, so no match spans two blocks.
public final class SearchIndex {
    /// The folded text, as UTF-8 bytes.
    let folded: [UInt8]
    /// Where each block starts in `folded`.
    let blockStarts: [Int]
    let document: Document
    private var mappings: [Int: [Int]] = [:]

    /// The index of `document`.
    public init(document: Document) {
        self.document = document
        var bytes: [UInt8] = []
        bytes.reserveCapacity(document.scalarCount + document.blocks.count)
        var starts: [Int] = []
        starts.reserveCapacity(document.blocks.count)
        var folder = Folder()
        var none: [Int] = []
        for block in document.blocks {
            starts.append(bytes.count)
            folder.fold(block.text.unicodeScalars, into: &bytes, origins: &none, record: false)
            bytes.append(0)
        }
        folded = bytes
        blockStarts = starts
    }

    /// Folds a query the way the text is folded.
    public static func fold(_ query: String) -> [UInt8] {
        var folder = Folder()
        var bytes: [UInt8] = []
        var none: [Int] = []
        folder.fold(query.unicodeScalars, into: &bytes, origins: &none, record: false)
        while bytes.first == 0x20 { bytes.removeFirst() }
        while bytes.last == 0x20 { bytes.removeLast() }
        return bytes
    }

    /// Every match of `query`, in reading order. Smart case: a query with a capital letter
    /// matches case exactly; otherwise case is ignored.
    public func search(_ query: String) -> SearchResult {
        let needle = Self.fold(query)
        let caseSensitive = query.contains { $0.isUppercase }
        guard !needle.isEmpty, needle.count <= folded.count else { return SearchResult(query: query, hits: [], length: needle.count) }
        var lower = [UInt8](0...255)
        if !caseSensitive { for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { lower[Int(c)] = c + 32 } }
        let n = needle.map { lower[Int($0)] }
        let first = n[0]
        var hits: [Int] = []
        folded.withUnsafeBufferPointer { text in
            let last = text.count - n.count
            var i = 0
            while i <= last {
                if lower[Int(text[i])] == first {
                    var k = 1
                    while k < n.count, lower[Int(text[i + k])] == n[k] { k += 1 }
                    if k == n.count {
                        hits.append(i)
                        i += n.count
                        continue
                    }
                }
                i += 1
            }
        }
        return SearchResult(query: query, hits: hits, length: n.count)
    }

    /// The canonical range of a hit.
    public func canonicalRange(of hit: Int, length: Int) -> Range<Int> {
        let b = max(0, blockStarts.partitioningIndex { $0 > hit } - 1)
        let map = mapping(ofBlock: b)
        let start = hit - blockStarts[b], end = min(map.count - 1, start + length - 1)
        let block = document.blocks[b]
        return (block.start + map[start])..<(block.start + map[end] + 1)
    }

    /// The folded position of the scalar at `offset` of block `b` (or the next that folds to something).
    public func foldedPosition(block b: Int, offset: Int) -> Int {
        blockStarts[b] + mapping(ofBlock: b).partitioningIndex { $0 >= offset }
    }

    /// The indices of `result`'s hits that lie in `blocks`.
    public func hitIndices(of result: SearchResult, inBlocks blocks: ClosedRange<Int>) -> Range<Int> {
        let lo = blockStarts[blocks.lowerBound]
        let hi = blocks.upperBound + 1 < blockStarts.count ? blockStarts[blocks.upperBound + 1] : Int.max
        return result.hits.partitioningIndex { $0 >= lo }..<result.hits.partitioningIndex { $0 >= hi }
    }

    /// For each folded byte of a block, the scalar offset in the block it came from.
    func mapping(ofBlock b: Int) -> [Int] {
        if let m = mappings[b] { return m }
        var folder = Folder()
        var bytes: [UInt8] = []
        var origins: [Int] = []
        folder.fold(document.blocks[b].text.unicodeScalars, into: &bytes, origins: &origins)
        if mappings.count > 256 { mappings.removeAll() }
        mappings[b] = origins
        return origins
    }

    /// The rules of folding, with a cache of what non-ASCII scalars become.
    struct Folder {
        var cache: [UInt32: [UInt8]] = [:]

        /// Appends the folded form of `scalars` to `bytes`; with `record`, appends to `origins`
        /// the scalar offset each byte came from.
        mutating func fold(_ scalars: some Sequence<Unicode.Scalar>, into bytes: inout [UInt8], origins: inout [Int], record: Bool = true) {
            var lastWasSpace = false
            var offset = -1
            for s in scalars {
                offset += 1
                let v = s.value
                if v < 0x80 {
                    // ASCII, nearly all of a text: no lookup, no allocation.
                    if v == 0x20 || v == 0x0A || v == 0x09 {
                        if lastWasSpace { continue }
                        lastWasSpace = true
                        bytes.append(0x20)
                    } else {
                        lastWasSpace = false
                        bytes.append(UInt8(v))
                    }
                    if record { origins.append(offset) }
                    continue
                }
                let out: [UInt8]
                if let cached = cache[v] {
                    out = cached
                } else {
                    out = Self.foldScalar(s)
                    cache[v] = out
                }
                if out == [0x20] {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                } else if !out.isEmpty {
                    lastWasSpace = false
                }
                bytes.append(contentsOf: out)
                if record { origins.append(contentsOf: repeatElement(offset, count: out.count)) }
            }
        }

        static func foldScalar(_ s: Unicode.Scalar) -> [UInt8] {
            switch s.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: return [UInt8(ascii: "'")]
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return [UInt8(ascii: "\"")]
            case 0x2014, 0x2015: return Array("--".utf8)
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: return [UInt8(ascii: "-")]
            case 0x2026: return Array("...".utf8)
            case 0x00C6: return Array("AE".utf8)
            case 0x00E6: return Array("ae".utf8)
            case 0x0152: return Array("OE".utf8)
            case 0x0153: return Array("oe".utf8)
            case 0x00DF: return Array("ss".utf8)
            default: break
            }
            let props = s.properties
            if props.isWhitespace { return [0x20] }
            switch props.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return []
            default: break
            }
            let decomposed = String(s).decomposedStringWithCanonicalMapping.unicodeScalars
            if let base = decomposed.first, base.value < 0x80 { return [UInt8(base.value)] }
            let lowered = String(s).lowercased()
            return Array(lowered.utf8)
        }
    }
}

/// The matches of a query: positions in the folded text, in reading order.
public struct SearchResult: Sendable, Equatable {
    public var query: String
    public var hits: [Int]
    public var length: Int
}
