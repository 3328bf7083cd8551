import Foundation

/// Conventions of Chinese and Japanese books in plain text: `第N回` chapter headings, lines
/// joined without a space, the ideographic-space paragraph indent.
enum CJKText {
    /// Chinese numerals, with `○`/`〇`/`零` for zero in positional numbers (`一○○` = 100).
    static let numerals: Set<Character> = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "零", "〇", "○", "两", "兩",
    ]
    /// The unit after the number and its rank: `卷`/`部` hold `回`/`章`, which hold `節`.
    static let units: [Character: Int] = ["卷": 1, "部": 1, "篇": 1, "回": 2, "章": 2, "節": 3, "节": 3]

    /// For `第一回：宴桃園…`, `第十二章 歸途`, `第3章`: the rank of the unit; otherwise `nil`.
    /// `第四鎮，兗州…` (a sentence that starts with 第) is not a heading.
    static func headingRank(_ line: Substring) -> Int? {
        guard line.first == "第", line.prefix(61).count <= 60 else { return nil }
        var rest = line.dropFirst()
        let number = rest.prefix { numerals.contains($0) || ($0.isASCII && $0.isNumber) }
        guard !number.isEmpty, number.count <= 6 else { return nil }
        rest = rest.dropFirst(number.count)
        guard let unit = rest.first, let rank = units[unit] else { return nil }
        rest = rest.dropFirst()
        guard let next = rest.first else { return rank }
        return "：:　 ．.、".contains(next) ? rank : nil
    }

    /// Whether a text holds `第` (E7 AC AC) at all: one pass over its bytes spares a look at
    /// each line of a text in other scripts.
    static func mayHoldChapterMark(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { ByteScan.containsChapterMark($0) }
    }

    /// Words that open a chapter of a Chinese vernacular novel (`話說`, "the story says").
    static let chapterOpenings = ["話說", "话说", "卻說", "却說", "却说", "且說", "且说"]

    /// A `第N回` heading run on into the line: after a chapter's closing formula (`…下回分解。`)
    /// and/or before the next chapter's opening words (`話說…`). The line before the heading,
    /// the heading, the text after it; `nil` when the line holds none.
    static func runOnHeading(_ line: Substring) -> (Substring, Substring, Substring)? {
        // Cheap refusal: the bytes of `第` (E7 AC AC) somewhere.
        let holds = line.utf8.withContiguousStorageIfAvailable { ByteScan.containsChapterMark($0) } ?? true
        guard holds, line.utf8.count >= 9 else { return nil }
        var start = line.startIndex
        if line.first != "第" {
            guard let close = line.range(of: "分解。第") else { return nil }
            start = line.index(close.upperBound, offsetBy: -1)
        }
        let rest = line[start...]
        guard headingRank(rest.prefix(12) + "　") != nil else { return nil }
        // The heading ends where the opening words begin, within its first 60 characters.
        let window = rest.prefix(60)
        if let opening = chapterOpenings.compactMap({ window.range(of: $0)?.lowerBound }).min(), opening > rest.startIndex {
            return (line[..<start], rest[..<opening], rest[opening...])
        }
        // No opening words: a heading that ends the line (after the closing formula) only.
        guard start != line.startIndex, rest.count <= 40 else { return nil }
        return (line[..<start], rest, line[line.endIndex...])
    }

    /// Whether a line starts with `第` (UTF-8 E7 AC AC): the cheap test before `headingRank`.
    static func mayBeHeading(_ line: Substring) -> Bool {
        guard line.utf8.first == 0xE7 else { return false }
        return line.unicodeScalars.first == "第"
    }

    /// Whether a line starts with an ideographic space (U+3000, E3 80 80): a paragraph's indent.
    static func startsWithIdeographicSpace(_ line: Substring) -> Bool {
        guard line.utf8.first == 0xE3 else { return false }
        return line.unicodeScalars.first == "\u{3000}"
    }

    /// Whether a line joins the UTF-8 text before it without a space; looks at scalars only
    /// when either side is outside ASCII and Latin (a lead byte of E2 or more).
    static func joinsWithoutSpace(after text: [UInt8], before line: Substring) -> Bool {
        var lead = text.count - 1
        while lead > 0, lead >= text.count - 4, text[lead] & 0xC0 == 0x80 { lead -= 1 }
        let wideBefore = lead >= 0 && text[lead] >= 0xE2
        guard wideBefore || (line.utf8.first ?? 0) >= 0xE2 else { return false }
        guard let first = line.unicodeScalars.first else { return false }
        if isWide(first) { return true }
        guard wideBefore else { return false }
        var value = UInt32(text[lead] & (text[lead] >= 0xF0 ? 0x07 : 0x0F))
        for b in text[(lead + 1)...] { value = value << 6 | UInt32(b & 0x3F) }
        return Unicode.Scalar(value).map(isWide) ?? false
    }

    /// Ideographs, kana, CJK symbols and punctuation, full-width forms (not Hangul, which spaces words).
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x303F, 0x3040...0x30FF, 0x3100...0x312F, 0x31A0...0x31FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
