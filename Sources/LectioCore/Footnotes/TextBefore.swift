/// Stretches of a text by scalar offsets, asked for in increasing order (the words before each
/// marker of a block): the text is walked once, never turned into an array of all its scalars
/// (four bytes each; 200 MB for a paragraph of 50 MB).
struct TextBefore {
    let text: String
    private var index: String.UnicodeScalarView.Index
    private var offset = 0

    /// A reader at the start of `text`.
    init(text: String) {
        self.text = text
        index = text.unicodeScalars.startIndex
    }

    /// The scalars from offset `start` to offset `end`; an offset before the last one asked
    /// for starts the walk again from the start.
    mutating func text(from start: Int, to end: Int) -> String {
        let scalars = text.unicodeScalars
        if start < offset { index = scalars.startIndex; offset = 0 }
        index = scalars.index(index, offsetBy: start - offset, limitedBy: scalars.endIndex) ?? scalars.endIndex
        offset = start
        let upper = scalars.index(index, offsetBy: max(0, end - start), limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[index..<upper])
    }
}
