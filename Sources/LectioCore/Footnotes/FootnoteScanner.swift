import Foundation

/// Finds footnote markers inside a block's text and recognises blocks that are notes.
enum FootnoteScanner {
    /// A marker found in a text: its label and scalar range.
    struct Found: Equatable {
        var label: String
        var range: Range<Int>
        /// A marker that may be something else (`word *`, `word^1`): kept only if it finds a note.
        var isTentative = false
    }

    /// `†`, `‡`, `§`: symbols that mark notes as `*` does.
    static func isSymbolMark(_ s: Unicode.Scalar) -> Bool { s.value == 0x2020 || s.value == 0x2021 || s.value == 0xA7 }

    /// Whether a label is a repeated symbol (`*`, `**`, `†`, `*(2)`), linked by content rather than by label.
    static func isSymbolic(_ label: String) -> Bool {
        var scalars = label.unicodeScalars.makeIterator()
        guard var first = scalars.next() else { return false }
        if first == "(", let inner = scalars.next() { first = inner }
        return first == "*" || isSymbolMark(first) || (first == "+" && label.hasPrefix("("))
    }

    /// The symbols a label starts with: `*(2)` → `*`; a label in parentheses is its own: `(*)`, `(1)`.
    static func symbolBase(_ label: some StringProtocol) -> String {
        if label.first == "(", let close = label.prefix(6).firstIndex(of: ")") { return String(label[...close]) }
        return String(label.prefix(while: { $0 == "*" || $0 == "†" || $0 == "‡" || $0 == "§" }))
    }

    /// Whether a marker's label must find a pending marker before a line opening on it is a
    /// note: symbols (`* text` may be a list item) and labels in parentheses (`(1) text` may
    /// be an enumeration).
    static func needsPendingMarker(_ label: String) -> Bool {
        isSymbolic(label) || label.hasPrefix("(")
    }

    /// `(*)`, `(**)`, `(+)`, `(†)`, `(1)`–`(999)` at `i`: the label as printed and the index after `)`.
    static func parenLabel(_ s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        guard i + 2 < s.count, s[i] == "(" else { return nil }
        let c = s[i + 1]
        var j = i + 1
        if isDigit(c) {
            while j < s.count, j - i <= 3, isDigit(s[j]) { j += 1 }
        } else if c == "*" || c == "+" || isSymbolMark(c) {
            while j < s.count, j - i <= 3, s[j] == c { j += 1 }
        } else {
            return nil
        }
        guard j < s.count, s[j] == ")" else { return nil }
        return (String(String.UnicodeScalarView(s[i...j])), j + 1)
    }

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

    /// The same test on a text's bytes: `*`, `[`, `^`, `†`, `‡` (E2 80 A0/A1), `§¹²³` (C2 A7/B9/B2/B3),
    /// `⁰⁴…⁹` (E2 81 B0–B9).
    static func mayHoldMarkers(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { mayHoldMarkers(bytes: $0) } ?? Array(text.utf8).withUnsafeBufferPointer { mayHoldMarkers(bytes: $0) }
    }

    static func mayHoldMarkers(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let n = bytes.count
        // `memchr` for each byte: most paragraphs hold none of them, and this runs on every one.
        if memchr(base, 0x2A, n) != nil || memchr(base, 0x5B, n) != nil || memchr(base, 0x5E, n) != nil { return true }
        func followed(by lead: UInt8, _ test: (Int) -> Bool) -> Bool { ByteScan.contains(lead, in: bytes, where: test) }
        // `(1)`, `(+)`, `(†)` glued to what comes before, or `(1)` after a word and a space.
        if followed(by: 0x28, { i in
            guard i > 0, i + 2 < n else { return false }
            let digit = bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39
            return digit || (bytes[i - 1] != 0x20 && (bytes[i + 1] == 0x2B || bytes[i + 1] == 0xE2))
        }) { return true }
        if followed(by: 0xC2, { i in i + 1 < n && [0xB9, 0xB2, 0xB3, 0xA7].contains(bytes[i + 1]) }) { return true }
        return followed(by: 0xE2) { i in
            guard i + 2 < n else { return false }
            let c = bytes[i + 1], d = bytes[i + 2]
            return (c == 0x80 && (d == 0xA0 || d == 0xA1)) || (c == 0x81 && d >= 0xB0 && d <= 0xB9)
        }
    }

    /// Whether a text can hold a marker at all: the cheap test that spares most paragraphs.
    static func mayHoldMarkers(_ s: [Unicode.Scalar]) -> Bool {
        s.contains { c in
            let v = c.value
            return v == 0x2A || v == 0x5B || v == 0x5E || v == 0x2020 || v == 0x2021 || v == 0xA7 || v == 0xB9 || v == 0xB2 || v == 0xB3
                || (0x2070...0x2079).contains(v) || v == 0x28
        }
    }
    static let closers: Set<Unicode.Scalar> = [".", ",", ";", ":", ")", "]", "”", "’", "\"", "'", "!", "?", "—", "–", "-", "_"]

    static func isSpace(_ s: Unicode.Scalar) -> Bool { CanonicalText.isSpace(s) }
    static func isWordish(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        return s.properties.isAlphabetic
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// `(2)` at `j`, as in `*(2)`, the second starred note of a paragraph: the index after it.
    static func sequenceSuffix(_ s: [Unicode.Scalar], at j: Int) -> Int? {
        guard j + 2 < s.count, s[j] == "(", isDigit(s[j + 1]) else { return nil }
        var k = j + 1
        while k < s.count, k - j <= 3, isDigit(s[k]) { k += 1 }
        return k < s.count && s[k] == ")" ? k + 1 : nil
    }

    /// Markers in running text: `word.*`, `word *`, `*(2)`, `word†`, `word [12]`, `word[A]`, `word²`,
    /// `word^3`. Scene breaks, `*emphasis*` and `5 * 3` are not markers; nor are editorial brackets
    /// such as `[sic]`. A symbol after a space and a caret number are tentative.
    static func markers(in s: [Unicode.Scalar]) -> [Found] {
        var emphasisOpen = false
        return markers(in: s, emphasisOpen: &emphasisOpen)
    }

    /// `markers(in:)` for a stretch of a longer text, with whether a `*emphasis` is open at its
    /// start (and then at its end).
    static func markers(in s: [Unicode.Scalar], emphasisOpen: inout Bool) -> [Found] {
        guard mayHoldMarkers(s) else { return [] }
        var found: [Found] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "*" || (isSymbolMark(c) && i > 0) {
                var j = i
                while j < s.count, s[j] == c { j += 1 }
                let suffixEnd = sequenceSuffix(s, at: j)
                let end = suffixEnd ?? j
                let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
                let after: Unicode.Scalar? = end < s.count ? s[end] : nil
                let endsWell = after.map { isSpace($0) || closers.contains($0) } ?? true
                let label = String(String.UnicodeScalarView(s[i..<end]))
                if c == "*", suffixEnd == nil, (before.map(isSpace) ?? true), after.map(isWordish) ?? false {
                    emphasisOpen = true
                } else if let before, !isSpace(before) {
                    if c == "*", suffixEnd == nil, emphasisOpen, endsWell {
                        emphasisOpen = false
                    } else if j - i <= 3, endsWell || suffixEnd != nil {
                        found.append(Found(label: label, range: i..<end))
                    }
                } else if i >= 2, j - i <= 2, endsWell, isSpacedMarker(s, at: i, end: end) {
                    found.append(Found(label: label, range: i..<end, isTentative: true))
                }
                i = end
                continue
            }
            // `Lodovico(*)`, `whole.(1)`, `Charles)(+)`: glued to a word or a closing mark, not
            // to a number (`3(1)`, a clause) or a one-letter name (`f(2)`); tentative, as `(1)`
            // may be an enumeration's.
            if c == "(", let (label, end) = parenLabel(s, at: i) {
                // `(*) text` opening a paragraph is a note's label, not a marker.
                guard i > 0 else { i = end; continue }
                let before = s[i - 1]
                let endsWell = end == s.count || isSpace(s[end]) || closers.contains(s[end])
                let word = isWordish(before) && !isDigit(before) && i >= 2 && isWordish(s[i - 2])
                if endsWell, word || closers.contains(before) {
                    found.append(Found(label: label, range: i..<end, isTentative: true))
                } else if end == s.count || closers.contains(s[end]) || (isSpace(s[end]) && (end + 1 == s.count || !isWordish(s[end + 1]))),
                          isSpace(before), end - i <= 4, isDigit(s[i + 1]), isSpacedNumberMarker(s, at: i) {
                    // `the Parrhasian (1).`, `Gorgibus (3),`: after a word and a space, before a
                    // stop or the paragraph's end (`assume (1) that …` is an enumeration's).
                    found.append(Found(label: label, range: i..<end, isTentative: true))
                }
                i = end
                continue
            }
            if c == "[", let (label, end) = bracketLabel(s, at: i) {
                let followedByLink = end < s.count && (s[end] == "(" || s[end] == ":")
                // `[I]t contains`: an editor's letter inside a word, not a marker.
                let insideWord = end < s.count && isWordish(s[end])
                if !followedByLink && !insideWord { found.append(Found(label: label, range: i..<end)) }
                i = end
                continue
            }
            if c == "^", i > 0, !isSpace(s[i - 1]) || (i >= 2 && !isSpace(s[i - 2])), i + 1 < s.count, isDigit(s[i + 1]) {
                var j = i + 1
                while j < s.count, j - i <= 3, isDigit(s[j]) { j += 1 }
                if j == s.count || !isWordish(s[j]) {
                    found.append(Found(label: String(String.UnicodeScalarView(s[(i + 1)..<j])), range: i..<j, isTentative: true))
                }
                i = j
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

    /// `word *`, `them.” *`, `vous. *(2)`: a symbol after one space that follows a word or a
    /// closing mark, not between two numbers (`5 * 3`) and not part of `* * *`.
    static func isSpacedMarker(_ s: [Unicode.Scalar], at i: Int, end: Int) -> Bool {
        guard isSpace(s[i - 1]), !isSpace(s[i - 2]), s[i - 2] != s[i] else { return false }
        let previous = s[i - 2]
        guard isWordish(previous) || closers.contains(previous) else { return false }
        var k = end
        while k < s.count, isSpace(s[k]) { k += 1 }
        if k < s.count, s[k] == s[i] { return false }
        // `5 * 3`, `see § 12`: arithmetic and references, not markers.
        if k < s.count, isDigit(s[k]) { return false }
        return true
    }

    /// Whether `(n)` at `i`, after a space, follows a word (not `and (2)`, `: (1)`, an
    /// enumeration's) of two letters or more.
    static func isSpacedNumberMarker(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var k = i - 1
        while k >= 0, isSpace(s[k]) { k -= 1 }
        guard k >= 1, isWordish(s[k]), !isDigit(s[k]) else { return false }
        var word = String.UnicodeScalarView()
        while k >= 0, isWordish(s[k]) { word.append(s[k]); k -= 1 }
        let w = String(String.UnicodeScalarView(word.reversed())).lowercased()
        return w.count >= 2 && !enumerationWords.contains(w)
    }

    /// Words an enumeration's `(2)` follows: `and (2) the custom`.
    static let enumerationWords: Set<String> = ["and", "or", "nor", "then", "also", "et", "ou", "und", "oder", "y", "o", "e", "ed", "en", "of", "to", "see"]

    /// `[12]` or `[A]` at `i`: the label and the index after `]`.
    static func bracketLabel(_ s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        var j = i + 1
        var label = String.UnicodeScalarView()
        while j < s.count, j - i <= 4, s[j] != "]" { label.append(s[j]); j += 1 }
        guard j < s.count, s[j] == "]", !label.isEmpty else { return nil }
        let text = String(label)
        // Up to three digits: `[1790]` is a year; `[454a]`, a page's second note, has a letter.
        let digits = text.last.map { $0.isASCII && $0.isLowercase } == true ? text.dropLast() : Substring(text)
        let numeric = (1...3).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
        let letter = text.count == 1 && text.first!.isUppercase && text.first!.isASCII
        guard numeric || letter else { return nil }
        return (text, j + 1)
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
