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
        // Where each mark may close, found once: the search from each opening mark moves on
        // through these, never back, so a block full of marks costs no more than its length.
        var closing: [Unicode.Scalar: [Int]] = ["_": [], "=": []]
        for j in s.indices where (s[j] == "_" || s[j] == "=") && j > 0 && isClosing(j, in: s) { closing[s[j]]?.append(j) }
        let equals = s.indices.filter { s[$0] == "=" }
        var nextEquals = 0
        var cursor: [Unicode.Scalar: Int] = ["_": 0, "=": 0]
        var pairs: [(Int, Int, StyleSpan.Style)] = []
        var i = 0
        while i < s.count {
            let mark = s[i]
            guard mark == "_" || mark == "=", isOpening(i, in: s), let closers = closing[mark], var k = cursor[mark] else { i += 1; continue }
            while k < closers.count, closers[k] < i + 2 { k += 1 }
            cursor[mark] = k
            // `=bold=` closes at the very next `=`.
            while nextEquals < equals.count, equals[nextEquals] <= i { nextEquals += 1 }
            guard k < closers.count, closers[k] - i < 2000,
                  mark == "_" || (nextEquals < equals.count && equals[nextEquals] == closers[k]) else { i += 1; continue }
            pairs.append((i, closers[k], mark == "_" ? .emphasis : .strong))
            i = closers[k] + 1
        }
        guard !pairs.isEmpty else { return nil }
        let removed = pairs.flatMap { [$0.0, $0.1] }
        // New offset of old offset o: o less the marks removed before it.
        func moved(_ o: Int) -> Int { o - FootnoteLinker.firstIndex(in: removed, above: o - 1) }
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

    /// Whether the mark at `i` can open: at a word's start, before a letter (`=`) or a non-space.
    static func isOpening(_ i: Int, in s: [Unicode.Scalar]) -> Bool {
        // `21_st_`, `1_st_`: a superscript ordinal after a number.
        if i > 0, s[i] == "_", s[i - 1].properties.numericType != nil, i + 3 < s.count,
           let close = (i + 2...min(i + 4, s.count - 1)).first(where: { s[$0] == "_" }),
           s[(i + 1)..<close].allSatisfy({ $0.properties.isLowercase }) {
            return true
        }
        guard i == 0 || opening.contains(s[i - 1]), i + 1 < s.count else { return false }
        let first = s[i + 1]
        guard first != s[i], !CanonicalText.isSpace(first) else { return false }
        // `=bold=` only around words: `a = b`, `==` and `=>` are not bold.
        return s[i] == "_" || first.properties.isAlphabetic
    }

    /// Whether the mark at `j` can close: after a non-space, at a word's end.
    static func isClosing(_ j: Int, in s: [Unicode.Scalar]) -> Bool {
        !CanonicalText.isSpace(s[j - 1]) && (j + 1 == s.count || closing.contains(s[j + 1]))
    }
}
