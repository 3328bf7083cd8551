import Foundation

/// Project Gutenberg's inline marks in plain text: `_italics_` and `=bold=`, shown as styles
/// without the marks, only where a mark opens at a word's start and closes at a word's end
/// within the same block (`snake_case`, `a = b` and a lone `_` stay as they are).
enum GutenbergEmphasis {
    /// The text without its paired marks, the line breaks and styles in its offsets, and the
    /// offsets (in the original) of the marks removed; `nil` when nothing pairs.
    struct Result {
        var text: String
        var lineBreaks: [Int]
        var styles: [StyleSpan]
        var removed: [Int]
    }

    static let opening: Set<Unicode.Scalar> = [" ", "\n", "(", "[", "“", "\"", "‘", "'", "—", "-", "…"]
    static let closing: Set<Unicode.Scalar> = [
        " ", "\n", ".", ",", ";", ":", "!", "?", ")", "]", "”", "\"", "’", "'", "—", "-", "…", "*",
    ]

    /// Applies the marks of `text` (with its source line breaks).
    static func apply(_ text: String, lineBreaks: [Int]) -> Result? {
        guard mayHoldMarks(text) else { return nil }
        let s = Array(text.unicodeScalars)
        var pairs: [(Int, Int, StyleSpan.Style)] = []
        var i = 0
        while i < s.count {
            let mark = s[i]
            guard mark == "_" || mark == "=", let close = closer(of: i, in: s) else { i += 1; continue }
            pairs.append((i, close, mark == "_" ? .emphasis : .strong))
            i = close + 1
        }
        guard !pairs.isEmpty else { return nil }
        let removed = pairs.flatMap { [$0.0, $0.1] }
        // New offset of old offset o: o less the marks removed before it.
        func moved(_ o: Int) -> Int { o - removed.prefix { $0 < o }.count }
        var out = String.UnicodeScalarView()
        var next = 0
        for r in removed {
            out.append(contentsOf: s[next..<r])
            next = r + 1
        }
        out.append(contentsOf: s[next...])
        let styles = pairs.map { StyleSpan(range: moved($0.0 + 1)..<moved($0.1), style: $0.2) }
        return Result(text: String(out), lineBreaks: lineBreaks.map(moved), styles: styles, removed: removed)
    }

    /// Whether the text holds a `_` or a `=` at all (`memchr` over its bytes: most paragraphs
    /// hold neither, and this runs on every one).
    static func mayHoldMarks(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0x5F, buffer.count) != nil || memchr(base, 0x3D, buffer.count) != nil
        }
    }

    /// The closing mark for an opening one at `i`, or `nil`.
    static func closer(of i: Int, in s: [Unicode.Scalar]) -> Int? {
        let mark = s[i]
        guard i == 0 || opening.contains(s[i - 1]), i + 1 < s.count else { return nil }
        let first = s[i + 1]
        guard first != mark, !CanonicalText.isSpace(first), first != "\n" else { return nil }
        // `=bold=` only around words: `a = b`, `==` and `=>` are not bold.
        if mark == "=", !first.properties.isAlphabetic { return nil }
        var j = i + 2
        while j < s.count, j - i < 2000 {
            if s[j] == mark {
                let before = s[j - 1]
                if !CanonicalText.isSpace(before), before != "\n", j + 1 == s.count || closing.contains(s[j + 1]) {
                    return j
                }
                if mark == "=" { return nil }
            }
            j += 1
        }
        return nil
    }
}
