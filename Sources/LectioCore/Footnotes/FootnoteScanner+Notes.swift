extension FootnoteScanner {
    /// A note block's label and where its text starts: `[Footnote 3: …]`, `[3] …`, `*…`, `† …`,
    /// `*(2) …`, `* (2) …`. `symbolWithSpaceAllowed` tells whether a symbol note written with a
    /// space (`* text`) may be taken for a note; without a pending marker such a line is a list item.
    static func noteStart(_ line: Substring, symbolWithSpaceAllowed: Bool) -> (label: String, textStart: Int)? {
        let s = Array(line.unicodeScalars)
        var i = 0
        while i < s.count, s[i] == " " { i += 1 }
        guard i < s.count else { return nil }
        if s[i] == "[" { return bracketedNoteStart(s, at: i) }
        // `(*) text`, `(1) text`: a note only while a marker of its label waits for one.
        if s[i] == "(" {
            guard symbolWithSpaceAllowed, let (label, end) = parenLabel(s, at: i), end < s.count, s[end] == " " else { return nil }
            var k = end
            while k < s.count, s[k] == " " { k += 1 }
            return k < s.count ? (label, k) : nil
        }
        guard s[i] == "*" || isSymbolMark(s[i]) else { return nil }
        var j = i
        while j < s.count, s[j] == s[i] { j += 1 }
        guard j - i <= 3, j < s.count else { return nil }
        var label = String(String.UnicodeScalarView(s[i..<j]))
        var k = j
        while k < s.count, s[k] == " " { k += 1 }
        let spaced = k > j
        if let end = sequenceSuffix(s, at: k) {
            label += String(String.UnicodeScalarView(s[k..<end]))
            k = end
            while k < s.count, s[k] == " " { k += 1 }
            guard k < s.count, !spaced || symbolWithSpaceAllowed else { return nil }
            return (label, k)
        }
        if spaced {
            guard symbolWithSpaceAllowed, k < s.count, s[k] != "*" else { return nil }
            return (label, k)
        }
        // `*a few words*` opening a paragraph is emphasis, not a note.
        if s[i] == "*", let close = s[j...].firstIndex(of: "*"), close - j <= 40, !isSpace(s[close - 1]),
           close + 1 == s.count || isSpace(s[close + 1]) || closers.contains(s[close + 1]) {
            return nil
        }
        return (label, j)
    }

    /// `[Footnote 3: …]` or `[3] …` at `i`.
    static func bracketedNoteStart(_ s: [Unicode.Scalar], at i: Int) -> (label: String, textStart: Int)? {
        var j = i + 1
        let word = Array("footnote".unicodeScalars)
        var k = 0
        while k < word.count, j < s.count, s[j].properties.lowercaseMapping == String(word[k]) { j += 1; k += 1 }
        if k == word.count {
            while j < s.count, s[j] == " " { j += 1 }
            var label = String.UnicodeScalarView()
            while j < s.count, isWordish(s[j]) { label.append(s[j]); j += 1 }
            // `[Footnote : …]`: a note whose number was lost keeps an empty label.
            guard j < s.count, s[j] == ":" || (s[j] == "." && !label.isEmpty) else { return nil }
            j += 1
            while j < s.count, s[j] == " " { j += 1 }
            return (String(label), j)
        }
        if let (label, end) = bracketLabel(s, at: i), end < s.count, s[end] == " " {
            var j = end
            while j < s.count, s[j] == " " { j += 1 }
            guard j < s.count else { return nil }
            return (label, j)
        }
        return nil
    }
}
