/// Where the very long blocks of one document are cut into pieces (see `ParagraphChunks`),
/// found when a block is first laid out and shared by its layouts at every width, so a resize
/// does not look for the cuts again.
final class PieceTable {
    /// Blocks of at most this many UTF-8 bytes are one piece.
    let threshold: Int
    /// The length aimed at for a piece.
    let pieceSize: Int
    private var chunks: [Int: ParagraphChunks] = [:]

    /// A table that cuts blocks longer than `threshold` bytes into pieces of about `pieceSize`.
    init(threshold: Int = ParagraphChunks.threshold, pieceSize: Int = ParagraphChunks.pieceSize) {
        self.threshold = threshold
        self.pieceSize = pieceSize
    }

    /// The pieces of `block` (at `index` in its document), or `nil` when it is one piece.
    func chunks(of block: Block, at index: Int) -> ParagraphChunks? {
        guard block.text.utf8.count > threshold else { return nil }
        if let known = chunks[index] { return known }
        let found = ParagraphChunks(text: block.text, threshold: threshold, pieceSize: pieceSize)
        chunks[index] = found
        return found
    }
}
