/// Finds footnote markers inside a block's text and recognises blocks that are notes.
enum FootnoteScanner {
    /// A marker found in a text: its label and scalar range.
    struct Found: Equatable {
        var label: String
        var range: Range<Int>
    }

    static let symbolMarks: Set<Unicode.Scalar> = ["†", "‡"]
    static let superscripts: [Unicode.Scalar: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    ]
    static let closers: Set<Unicode.Scalar> = [".", ",", ";", ":", ")", "]", "”", "’", "\"", "'", "!", "?", "—", "–"]

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" || s == "\u{00A0}" }
    static func isWordish(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || ("0"..."9").contains(s) }

    /// Markers in running text: `word.*`, `word†`, `word [12]`, `word[A]`, `word²`.
    /// Scene breaks and `*emphasis*` are not markers; nor are editorial brackets such as `[sic]`.
    static func markers(in s: [Unicode.Scalar]) -> [Found] {
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
            if symbolMarks.contains(c), i > 0, !isSpace(s[i - 1]) {
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
            if let digit = superscripts[c], i > 0, !isSpace(s[i - 1]) {
                var j = i + 1
                var label = String(digit)
                while j < s.count, let d = superscripts[s[j]] { label.append(d); j += 1 }
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
        if s[i] == "*" || symbolMarks.contains(s[i]) {
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
