/// What kind of run a character belongs to, for moving and selecting by words in texts
/// without spaces between words (Chinese, Japanese): a word there is a run of one script —
/// Han ideographs, hiragana, katakana, Hangul — with the punctuation that follows it, as
/// KOReader and most e-readers do without a dictionary. In spaced scripts a word is, as
/// before, everything between spaces.
public enum CharacterRun: Sendable, Equatable {
    case space, han, hiragana, katakana, hangul, punctuation, other

    /// The run of a scalar.
    public init(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0x20, 0x0A, 0xA0, 0x3000: self = .space
        case 0x3005...0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: self = .han
        case 0x3040...0x309F: self = .hiragana
        case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = .katakana
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
        case 0x3000...0x303F, 0xFE10...0xFE19, 0xFE30...0xFE4F, 0xFF01...0xFF0F, 0xFF1A...0xFF20,
             0xFF3B...0xFF40, 0xFF5B...0xFF65:
            self = .punctuation
        default: self = .other
        }
    }

    /// Whether runs of this kind are words on their own (CJK scripts), rather than parts of a
    /// word that ends at a space.
    var isCJK: Bool { self == .han || self == .hiragana || self == .katakana || self == .hangul || self == .punctuation }
}
