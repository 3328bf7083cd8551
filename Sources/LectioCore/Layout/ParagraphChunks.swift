/// Where a very long block (a file that is one line of millions of characters) is cut into
/// pieces that are wrapped one at a time, so that showing its first screen, turning a page in
/// it or resizing wraps a few kilobytes, not the whole block.
///
/// The cuts depend on the text alone (not on the width), so they are found once per block and
/// kept across resizes. Each cut falls between two grapheme clusters, preferably where a line
/// may break anyway: after a line break of the source, after spaces between words, between two
/// ideographs. A piece's last line therefore ends at the cut, as a line ends before a space.
/// Blocks up to `threshold` bytes are one piece and wrap exactly as a whole.
public struct ParagraphChunks: Sendable {
    /// Blocks of at most this many UTF-8 bytes are not cut.
    public static let threshold = 64 * 1024
    /// The length aimed at for a piece, in UTF-8 bytes.
    public static let pieceSize = 16 * 1024
    /// How far past the aimed length a cut is looked for before any grapheme boundary will do.
    static let window = 512

    /// UTF-8 offset in the block's text where each piece starts (the first at 0).
    public private(set) var byteStarts: [Int] = [0]
    /// Scalar offset in the block's text where each piece starts.
    public private(set) var scalarStarts: [Int] = [0]
    /// Whether each piece starts after a line break of the text (so its first line starts a
    /// line, not a wrap).
    public private(set) var startsLine: [Bool] = [true]
    /// UTF-8 bytes in the whole text.
    public let byteCount: Int

    /// The length aimed at for a piece here.
    let size: Int

    /// The pieces of `text`: one when it has at most `threshold` bytes, else of about
    /// `pieceSize` bytes each.
    public init(text: String, threshold: Int = Self.threshold, pieceSize: Int = Self.pieceSize) {
        byteCount = text.utf8.count
        size = max(Self.window * 2, pieceSize)
        guard byteCount > threshold else { return }
        if text.utf8.withContiguousStorageIfAvailable({ cut($0) }) == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { cut($0) }
        }
    }

    /// The number of pieces.
    public var count: Int { byteStarts.count }

    /// The piece that holds the scalar at `offset`.
    public func piece(containing offset: Int) -> Int {
        var lo = 0, hi = scalarStarts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if scalarStarts[mid] <= offset { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The UTF-8 range of piece `index`.
    public func byteRange(of index: Int) -> Range<Int> {
        byteStarts[index]..<(index + 1 < byteStarts.count ? byteStarts[index + 1] : byteCount)
    }

    private mutating func cut(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0, scalars = 0
        while byteCount - start > size * 3 / 2 {
            var from = start + size
            var found: (Int, Bool)?
            while found == nil, from < byteCount - size / 2 {
                found = Self.cut(in: bytes, from: from, to: min(byteCount, from + Self.window))
                from += Self.window
            }
            guard let (at, afterLineBreak) = found else { break }
            scalars += ByteScan.scalarCount(UnsafeBufferPointer(rebasing: bytes[start..<at]))
            byteStarts.append(at)
            scalarStarts.append(scalars)
            startsLine.append(afterLineBreak)
            start = at
        }
    }

    /// The best cut in `bytes[from..<to]`: after a line break, after spaces between words,
    /// between ideographs, else any grapheme boundary; with whether it follows a line break.
    static func cut(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (Int, Bool)? {
        for p in from..<to where bytes[p - 1] == 0x0A { return (p, true) }
        for p in from..<to where bytes[p - 1] == 0x20 && bytes[p] != 0x20 {
            guard let after = scalar(in: bytes, at: p), isLetter(after) else { continue }
            var q = p - 1
            while q > 0, bytes[q] == 0x20 { q -= 1 }
            if let before = scalar(endingBefore: q + 1, in: bytes), isLetter(before) { return (p, false) }
        }
        for p in from..<to where bytes[p] >= 0xE3 {
            if let after = scalar(in: bytes, at: p), isIdeograph(after),
               let before = scalar(endingBefore: p, in: bytes), isIdeograph(before) { return (p, false) }
        }
        return clusterBoundary(in: bytes, near: from, limit: to)
    }

    /// A grapheme boundary at or after `near` found by Swift's own rules on a stretch of text
    /// around it (a boundary well inside the stretch does not depend on what lies outside).
    static func clusterBoundary(in bytes: UnsafeBufferPointer<UInt8>, near: Int, limit: Int) -> (Int, Bool)? {
        var lo = max(1, near - 64)
        while lo < near, bytes[lo] & 0xC0 == 0x80 { lo += 1 }
        var hi = min(bytes.count, max(limit, near + 64))
        while hi < bytes.count, bytes[hi] & 0xC0 == 0x80 { hi += 1 }
        let stretch = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        var offset = lo
        var seen = 0
        for c in stretch {
            offset += c.utf8.count
            seen += 1
            // The first two clusters may have begun before the stretch; the last may go on after it.
            // A cut next to a space would leave the space to neither piece's lines.
            // Flags pair regional indicators by counting from the start of their run: no cut among them.
            if seen >= 2, offset >= near, offset < hi - 16, bytes[offset - 1] != 0x20, bytes[offset] != 0x20,
               !isRegionalIndicator(scalar(endingBefore: offset, in: bytes)), !isRegionalIndicator(scalar(in: bytes, at: offset)) {
                return (offset, false)
            }
        }
        return nil
    }

    /// The scalar that starts at byte `p`, if one does.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at p: Int) -> Unicode.Scalar? {
        guard p < bytes.count, bytes[p] & 0xC0 != 0x80 else { return nil }
        var end = p + 1
        while end < bytes.count, end - p < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        var decoder = UTF8()
        var iterator = bytes[p..<end].makeIterator()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return s }
        return nil
    }

    /// The scalar that ends just before byte `end`.
    static func scalar(endingBefore end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var p = end - 1
        while p > 0, end - p < 4, bytes[p] & 0xC0 == 0x80 { p -= 1 }
        return scalar(in: bytes, at: p)
    }

    /// A letter (no punctuation around a space, so a line may break there).
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value) }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter: return !isIdeograph(s)
        default: return false
        }
    }

    static func isRegionalIndicator(_ s: Unicode.Scalar?) -> Bool { s.map { (0x1F1E6...0x1F1FF).contains($0.value) } ?? false }

    /// A Han ideograph: a line may break between two of them.
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFD: return true
        default: return false
        }
    }
}
