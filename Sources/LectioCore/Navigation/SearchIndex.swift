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
        var folder = TextFolding.Folder()
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
    public static func fold(_ query: String) -> [UInt8] { TextFolding.bytes(query) }

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
        var folder = TextFolding.Folder()
        var bytes: [UInt8] = []
        var origins: [Int] = []
        folder.fold(document.blocks[b].text.unicodeScalars, into: &bytes, origins: &origins)
        if mappings.count > 256 { mappings.removeAll() }
        mappings[b] = origins
        return origins
    }
}

/// The matches of a query: positions in the folded text, in reading order.
public struct SearchResult: Sendable, Equatable {
    public var query: String
    public var hits: [Int]
    public var length: Int
}
