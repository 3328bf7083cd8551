extension SearchIndex {
    /// Where a hit stands in the canonical text, near enough for an overview (the ruler): its
    /// block exactly, and within the block in proportion to the folded bytes. Costs a binary
    /// search, not the block's character map that `canonicalRange(of:length:)` builds.
    public func approximateCanonicalOffset(ofHit hit: Int) -> Int {
        guard !blockStarts.isEmpty else { return 0 }
        var low = 0, high = blockStarts.count - 1, b = 0
        while low <= high {
            let mid = (low + high) / 2
            if blockStarts[mid] <= hit { b = mid; low = mid + 1 } else { high = mid - 1 }
        }
        let block = document.blocks[b]
        let foldedLength = (b + 1 < blockStarts.count ? blockStarts[b + 1] : folded.count) - blockStarts[b] - 1
        guard foldedLength > 0 else { return block.start }
        return block.start + min(block.scalarCount, (hit - blockStarts[b]) * block.scalarCount / foldedLength)
    }
}
