/// Finds footnote markers inside a block's text and recognises blocks that are notes.
enum FootnoteScanner {
    /// A marker found in a text: its label and scalar range.
    struct Found: Equatable {
        var label: String
        var range: Range<Int>
    }

    static func isSymbolMark(_ s: Unicode.Scalar) -> Bool { s.value == 0x2020 || s.value == 0x2021 }

    /// The digit of a superscript digit (`²` → `2`).
    static func superscriptDigit(_ s: Unicode.Scalar) -> Character? {
        switch s.value {
        case 0x2070: return "0"
        case 0xB9: return "1"
        case 0xB2: return "2"
        case 0xB3: return "3"
        case 0x2074...0x2079: return Character(Unicode.Scalar(s.value - 0x2070 + 0x30)!)
        default: return nil
        }
    }

    /// The same test on a text's bytes: `*`, `[`, `†`, `‡` (E2 80 A0/A1), `¹²³` (C2 B9/B2/B3),
    /// `⁰⁴…⁹` (E2 81 B0–B9).
    static func mayHoldMarkers(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { mayHoldMarkers(bytes: $0) } ?? mayHoldMarkers(bytes: Array(text.utf8))
    }

    static func mayHoldMarkers(bytes: some Collection<UInt8>) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in bytes {
            if b == 0x2A || b == 0x5B { return true }
            if previous == 0xC2 && (b == 0xB9 || b == 0xB2 || b == 0xB3) { return true }
            if beforePrevious == 0xE2 && ((previous == 0x80 && (b == 0xA0 || b == 0xA1)) || (previous == 0x81 && b >= 0xB0 && b <= 0xB9)) { return true }
            beforePrevious = previous
            previous = b
        }
        return false
    }

    /// Whether a text can hold a marker at all: the cheap test that spares most paragraphs.
    static func mayHoldMarkers(_ s: [Unicode.Scalar]) -> Bool {
        s.contains { c in
            let v = c.value
            return v == 0x2A || v == 0x5B || v == 0x2020 || v == 0x2021 || v == 0xB9 || v == 0xB2 || v == 0xB3 || (0x2070...0x2079).contains(v)
        }
    }
    static let closers: Set<Unicode.Scalar> = [".", ",", ";", ":", ")", "]", "”", "’", "\"", "'", "!", "?", "—", "–"]

    static func isSpace(_ s: Unicode.Scalar) -> Bool { CanonicalText.isSpace(s) }
    static func isWordish(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        return s.properties.isAlphabetic
    }

    /// Markers in running text: `word.*`, `word†`, `word [12]`, `word[A]`, `word²`.
    /// Scene breaks and `*emphasis*` are not markers; nor are editorial brackets such as `[sic]`.
    static func markers(in s: [Unicode.Scalar]) -> [Found] {
        guard mayHoldMarkers(s) else { return [] }
        var found: [Found] = []
        var emphasisOpen = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "*" {
                var j = i
                while j < s.count, s[j] == "*" { j += 1 }
                let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
                let after: Unicode.Scalar? = j < s.count ? s[j] : nil
                let opensWord = (before.map(isSpace) ?? true) && (after.map(isWordish) ?? false)
                let closesWord = before.map { !isSpace($0) } ?? false
                    && (after.map { isSpace($0) || closers.contains($0) } ?? true)
                if opensWord { emphasisOpen = true } else if closesWord {
                    if emphasisOpen { emphasisOpen = false } else if j - i <= 3 {
                        found.append(Found(label: String(repeating: "*", count: j - i), range: i..<j))
                    }
                }
                i = j
                continue
            }
            if isSymbolMark(c), i > 0, !isSpace(s[i - 1]) {
                var j = i + 1
                while j < s.count, s[j] == c { j += 1 }
                found.append(Found(label: String(String.UnicodeScalarView(s[i..<j])), range: i..<j))
                i = j
                continue
            }
            if c == "[", let (label, end) = bracketLabel(s, at: i) {
                let followedByLink = end < s.count && (s[end] == "(" || s[end] == ":")
                if !followedByLink { found.append(Found(label: label, range: i..<end)) }
                i = end
                continue
            }
            if let digit = superscriptDigit(c), i > 0, !isSpace(s[i - 1]) {
                var j = i + 1
                var label = String(digit)
                while j < s.count, let d = superscriptDigit(s[j]) { label.append(d); j += 1 }
                found.append(Found(label: label, range: i..<j))
                i = j
                continue
            }
            i += 1
        }
        return found
    }

    /// `[12]` or `[A]` at `i`: the label and the index after `]`.
    static func bracketLabel(_ s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        var j = i + 1
        var label = String.UnicodeScalarView()
        while j < s.count, j - i <= 4, s[j] != "]" { label.append(s[j]); j += 1 }
        guard j < s.count, s[j] == "]", !label.isEmpty else { return nil }
        let text = String(label)
        let numeric = text.allSatisfy { $0.isASCII && $0.isNumber }
        let letter = text.count == 1 && text.first!.isUppercase && text.first!.isASCII
        guard numeric || letter else { return nil }
        return (text, j + 1)
    }

    /// A note block's label and where its text starts: `[Footnote 3: …]`, `[3] …`, `*…`, `† …`.
    /// `symbolWithSpaceAllowed` tells whether a symbol note written with a space (`* text`) may be
    /// taken for a note; without a pending marker such a line is a list item.
    static func noteStart(_ line: Substring, symbolWithSpaceAllowed: Bool) -> (label: String, textStart: Int)? {
        let s = Array(line.unicodeScalars)
        var i = 0
        while i < s.count, s[i] == " " { i += 1 }
        guard i < s.count else { return nil }
        if s[i] == "[" {
            var j = i + 1
            let word = "footnote"
            var k = 0
            while k < word.count, j < s.count,
                  Character(s[j]).lowercased() == String(word[word.index(word.startIndex, offsetBy: k)]) { j += 1; k += 1 }
            if k == word.count {
                while j < s.count, s[j] == " " { j += 1 }
                var label = String.UnicodeScalarView()
                while j < s.count, isWordish(s[j]) { label.append(s[j]); j += 1 }
                guard !label.isEmpty, j < s.count, s[j] == ":" || s[j] == "." else { return nil }
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
        if s[i] == "*" || isSymbolMark(s[i]) {
            var j = i
            while j < s.count, s[j] == s[i] { j += 1 }
            guard j - i <= 3, j < s.count else { return nil }
            let label = String(String.UnicodeScalarView(s[i..<j]))
            if s[j] == " " {
                guard symbolWithSpaceAllowed else { return nil }
                var k = j
                while k < s.count, s[k] == " " { k += 1 }
                guard k < s.count, s[k] != "*" else { return nil }
                return (label, k)
            }
            // `*a few words*` opening a paragraph is emphasis, not a note.
            if s[i] == "*", let close = s[j...].firstIndex(of: "*"), close - j <= 40, !isSpace(s[close - 1]),
               close + 1 == s.count || isSpace(s[close + 1]) || closers.contains(s[close + 1]) {
                return nil
            }
            return (label, j)
        }
        return nil
    }

    /// `* * *`, `***`, `-----`, `~ ~ ~`: a scene break or rule.
    static func isSceneBreak(_ line: Substring) -> Bool {
        var symbols = 0
        for c in line {
            if c == " " { continue }
            guard "*-_~=#•·.".contains(c) else { return false }
            symbols += 1
        }
        return symbols >= 3
    }
}
