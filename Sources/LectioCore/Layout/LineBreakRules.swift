/// Where a line may break, after the classes and pair rules of Unicode's line-breaking
/// algorithm (UAX #14), reduced to what running text needs:
///
/// - at spaces; after a hyphen or a dash (not before a digit: `-5`, `1939–40` break only at
///   the dash when letters follow; not inside `--` or `——`); after a soft hyphen (U+00AD,
///   shown as `-` there);
/// - between ideographs, kana and other wide characters (CJK breaks anywhere), and between
///   them and letters;
/// - never before closing punctuation (`，。．、：；？！」』）` `.` `,` `”` `’` `»` `…`, small kana,
///   the prolonged sound mark), never after opening punctuation (`「『（` `(` `“` `‘` `«`),
///   never inside a number (`1,000.5`).
public enum LineBreakRules {
    /// The line-breaking class of a character, as far as these rules need it.
    public enum Kind: Sendable, Equatable {
        /// A space: lines break at it and the space is not shown.
        case space
        /// Opens something (OP, QU initial): no break after it.
        case opening
        /// Closes something or must not start a line (CL, CP, EX, IS, NS, QU final).
        case closing
        /// A hyphen or a dash (HY, BA, B2): a break may follow.
        case hyphen
        /// A soft hyphen: a break may follow, with a visible hyphen.
        case softHyphen
        /// An ideograph, kana, Hangul or other wide character (ID): breaks on both sides.
        case ideographic
        /// A digit (NU).
        case numeric
        /// Letters and everything else (AL).
        case alphabetic
    }

    static let openers: Set<Character> = ["(", "[", "{", "“", "‘", "«", "‹", "„", "‚", "「", "『", "（", "《", "〈", "【",
                                          "〔", "〖", "〘", "〚", "［", "｛", "｟", "〝", "¿", "¡"]
    static let closers: Set<Character> = [")", "]", "}", "”", "’", "»", "›", "」", "』", "）", "》", "〉", "】", "〕", "〗",
                                          "〙", "〛", "］", "｝", "｠", "〞", "〟", "，", "。", "．", "、", "：", "；", "？", "！",
                                          "｡", "､", "･", "・", "ー", "〜", "～", "…", "‥", "〻", "ゝ", "ゞ", "ヽ", "ヾ", "々",
                                          "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ゎ", "ゕ", "ゖ",
                                          "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ", "ヵ", "ヶ",
                                          ".", ",", ":", ";", "!", "?", "%", "‰", "′", "″", "°", "¢", "℃"]
    static let hyphens: Set<Character> = ["-", "‐", "–", "—", "―", "‒", "/", "\u{2E3A}", "\u{2E3B}"]

    /// The class of `character`, whose width in columns is `width`.
    public static func kind(of character: Character, width: Int) -> Kind {
        if character == " " || character == "\u{3000}" || character == "\t" { return .space }
        if character == "\u{AD}" { return .softHyphen }
        if closers.contains(character) { return .closing }
        if openers.contains(character) { return .opening }
        if hyphens.contains(character) { return .hyphen }
        if character.isASCII, character.isNumber { return .numeric }
        if width >= 2 { return .ideographic }
        return .alphabetic
    }

    /// Whether a line may break between `before` and `after` (neither of them a space: a
    /// space is always a break, and the spaces of a break are not shown).
    public static func canBreak(between before: Kind, and after: Kind) -> Bool {
        switch (before, after) {
        case (_, .closing), (.opening, _): return false
        case (_, .space), (.space, _): return true
        case (.softHyphen, _): return true
        // `--` and `——` (a dash typed as two) stay whole: UAX #14 LB21, LB17.
        case (.hyphen, .numeric), (.hyphen, .hyphen): return false
        case (.hyphen, _): return true
        case (.ideographic, _), (_, .ideographic): return true
        case (.closing, .alphabetic), (.closing, .opening), (.closing, .hyphen): return false
        default: return false
        }
    }
}
