import Foundation

/// Rules that tell headings, bylines and labels from paragraphs in plain text.
enum HeadingRules {
    /// Structural words and their rank: a lower rank holds the higher ones.
    static let keywordRanks: [String: Int] = [
        "volume": 0, "part": 1, "book": 1, "canticle": 1, "chapter": 2, "letter": 2, "act": 2, "stave": 2, "canto": 2,
        "scene": 3,
        // French, German, Italian, Spanish, Dutch.
        "tome": 0, "partie": 1, "livre": 1, "chapitre": 2, "acte": 2, "scène": 3,
        "band": 0, "teil": 1, "buch": 1, "kapitel": 2, "aufzug": 2, "auftritt": 3, "szene": 3,
        "parte": 1, "libro": 1, "capitolo": 2, "capítulo": 2, "capitulo": 2, "atto": 2, "acto": 2, "scena": 3, "escena": 3,
        "boek": 1, "deel": 1, "hoofdstuk": 2,
    ]
    /// Unnumbered headings of front and back matter.
    static let matterWords: Set<String> = [
        "introduction", "preface", "foreword", "prologue", "epilogue", "afterword", "appendix",
        "contents", "notes", "footnotes", "endnotes", "glossary", "index", "acknowledgments",
        "acknowledgements", "postscript", "bibliography", "conclusion", "note", "dedication", "dramatis", "personnages",
    ]
    static let ordinals: Set<String> = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "last", "final",
    ]
    static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "the",
        "premier", "première", "premiere", "unique", "erstes", "erster", "erste", "primero", "primo", "prima",
    ]
    static let creditWords: Set<String> = [
        "produced", "prepared", "transcribed", "edited", "translated", "illustrated", "scanned", "digitized",
        "proofread", "updated", "posted", "released",
    ]

    /// Words of a line, lowercased, letters and digits only.
    static func words(_ line: some StringProtocol) -> [String] {
        line.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "’" && $0 != "'" }).map { $0.lowercased() }
    }

    static func isRomanNumeral(_ w: String) -> Bool {
        !w.isEmpty && w.count <= 8 && w.allSatisfy { "ivxlcdm".contains($0) }
    }

    /// The value of a Roman numeral in capitals or lowercase (`XLVII` → 47), or `nil`.
    static func romanValue(_ s: some StringProtocol) -> Int? {
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000]
        let lower = s.lowercased()
        guard !lower.isEmpty, lower == String(s) || s.uppercased() == String(s) else { return nil }
        var total = 0, previous = 0
        for c in lower.reversed() {
            guard let v = values[c] else { return nil }
            if v < previous { total -= v } else { total += v; previous = v }
        }
        return total
    }

    static func isNumberToken(_ w: String) -> Bool {
        if w.allSatisfy(\.isNumber) { return true }
        if isRomanNumeral(w) { return true }
        if numberWords.contains(w) { return true }
        let parts = w.split(separator: "-").map(String.init)
        return parts.count > 1 && parts.allSatisfy { numberWords.contains($0) }
    }

    /// The first word in ASCII lowercase (empty when it is not ASCII letters): a cheap test
    /// before the careful one.
    static func firstWord(_ line: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        for b in line.utf8 {
            if b >= 0x41 && b <= 0x5A { bytes.append(b + 32) } else if b >= 0x61 && b <= 0x7A { bytes.append(b) } else { break }
            if bytes.count > 16 { return "" }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let leadingWords: Set<String> = Set(keywordRanks.keys).union(matterWords).union(ordinals).union(["table"])

    /// For `CHAPTER IV`, `Part the Second`, `FIRST EPILOGUE`, `Chapter 7`: the rank, or `nil`.
    /// Matter words (`Introduction`) give rank `-1`.
    static func keywordRank(_ line: Substring) -> Int? {
        if CJKText.mayBeHeading(line) { return CJKText.headingRank(line) }
        let trimmed = line.drop(while: { $0 == " " })
        var lead = firstWord(trimmed)
        // `SCÈNE`, `CAPÍTULO`: a word with letters beyond ASCII, read whole (rarely needed).
        if !lead.isEmpty, lead.utf8.count < trimmed.utf8.count, !leadingWords.contains(lead),
           let next = trimmed.utf8.dropFirst(lead.utf8.count).first, next >= 0xC3, next <= 0xC5 {
            lead = words(trimmed.prefix(24)).first ?? lead
        }
        // `THE INTRODUCTION`, `The Preface`: a matter word after the article.
        if lead == "the" {
            let rest = line.drop(while: { $0 == " " }).dropFirst(3)
            guard rest.first == " ", matterWords.contains(firstWord(rest.dropFirst())) else { return nil }
            return words(line.prefix(40)).count <= 3 ? -1 : nil
        }
        guard leadingWords.contains(lead) else {
            // `Inferno: Canto I`, `Purgatorio: Canto XII`: the part's name, then the heading.
            // (Bytes first: this runs on most lines of a book.)
            if let colon = line.utf8.prefix(24).firstIndex(of: 0x3A), line.utf8[line.utf8.index(after: colon)...].first == 0x20,
               line[..<colon].split(separator: " ").count <= 2 {
                let rest = line[line.index(after: colon)...].drop(while: { $0 == " " })
                if !rest.contains(":"), isBareKeywordLine(rest), let rank = keywordRank(rest), rank >= 0 { return rank }
            }
            return nil
        }
        // Only the first words matter.
        let w = words(line.prefix(40))
        guard var first = w.first else { return nil }
        var rest = w.dropFirst()
        var ordinal = false
        if ordinals.contains(first), let next = rest.first { first = next; rest = rest.dropFirst(); ordinal = true }
        if first == "table" { return rest.starts(with: ["of", "contents"]) ? -1 : nil }
        if matterWords.contains(first) { return -1 }
        guard let rank = keywordRanks[first] else { return nil }
        // `FIRST PART. ZARATHUSTRA'S DISCOURSES.`: the ordinal is the number.
        if ordinal { return rank }
        guard let number = rest.first, isNumberToken(number) else { return nil }
        return rank
    }

    /// `Chapter 7`, `CHAPTER IV.`, `Book the Second`, `第一回`: a structural word and a number and
    /// nothing else (a title may follow on the next line). `BOOK I. INSCRIPTIONS` has its title;
    /// `CONTENTS` and `PREFACE` have no number.
    static func isBareKeywordLine(_ line: Substring) -> Bool {
        guard let rank = keywordRank(line) else { return false }
        var w = words(line)
        if CJKText.mayBeHeading(line) { return w.count <= 3 }
        guard rank >= 0, !w.isEmpty else { return false }
        w.removeFirst()
        if w.first == "the" { w.removeFirst() }
        return w.count == 1 && isNumberToken(w[0])
    }

    /// Whether the line is written in capitals (at least three letters, none lowercase).
    static func isAllCaps(_ line: Substring) -> Bool {
        var letters = 0
        for c in line where c.isLetter {
            if c.isLowercase { return false }
            letters += 1
        }
        return letters >= 3
    }

    /// Whether most longer words start with a capital, as in a title.
    static func isTitleCase(_ line: Substring) -> Bool {
        let parts = line.split(whereSeparator: { $0 == " " })
        var long = 0, capital = 0
        for p in parts {
            let letters = p.drop(while: { !$0.isLetter && !$0.isNumber })
            guard let first = letters.first else { continue }
            if letters.count > 3 || first.isNumber {
                long += 1
                if first.isUppercase || first.isNumber { capital += 1 }
            }
        }
        return long > 0 && capital * 2 >= long + (long > 3 ? 1 : 0)
    }

    static let sentenceEnds: Set<Character> = [".", ",", ";", ":", "!", "?", "…", "”", "\"", "’", "'", "-", "—", "–"]

    /// A short line that can stand as a heading (title case or capitals, no sentence end).
    static func isHeadingLike(_ lines: [Substring]) -> Bool {
        guard (1...3).contains(lines.count), lines.reduce(0, { $0 + $1.utf8.count }) <= 360 else { return false }
        // A footnote marker at the end is no part of the line's form: `This in Carnuntum.[A]`
        // ends as a sentence.
        if let last = lines.last, let bare = withoutTrailingMarker(last) {
            return isHeadingLike(lines.dropLast() + [bare])
        }
        // (The first line's structural word, looked up once.)
        let rank = keywordRank(lines[0])
        // Two or three lines make a heading only under a structural word (`CHAPTER I` + title).
        if lines.count > 1, rank == nil { return false }
        // The cheap refusal first: one line ending as a sentence ends, not in capitals.
        if lines.count == 1, let last = lines[0].last, sentenceEnds.contains(last), rank == nil, !isAllCaps(lines[0]) {
            return false
        }
        if lines.count == 1, CJKText.mayBeHeading(lines[0]), CJKText.headingRank(lines[0]) != nil { return true }
        let joined = lines.joined(separator: " ")
        // A chapter's title may wrap onto a line or two in the style of the first.
        // (Or a heading whose first line stops unfinished: `SCÈNE XIII. - Lucile, …, Mascarille,` /
        // `Jodelet, Marotte, violons.`)
        let unfinished = lines[0].last.map { $0 == "," || $0 == ";" || $0.isLowercase } ?? false
        let wrapped = lines.count > 1 && rank != nil && lines.allSatisfy { $0.count <= 80 && (unfinished || isAllCaps($0)) }
        guard joined.count <= (wrapped ? 240 : 90), words(Substring(joined)).count <= (wrapped ? 36 : 14) else { return false }
        guard let first = joined.first, first.isUppercase || first.isNumber else { return false }
        if rank != nil { return true }
        if lines.count > 1 { return false }
        let line = lines[0]
        // One word alone (`RACHE.`, a letter's `MARY`) is not a heading, but for matter words.
        guard words(line).count >= 2 else { return false }
        if isAllCaps(line) { return true }
        guard let last = line.last, !sentenceEnds.contains(last) else { return false }
        return isTitleCase(line)
    }

    /// The line less a footnote marker glued to its end (`[A]`, `[12]`, `*`, `†`, `(1)`, `^3`), or
    /// `nil` when it ends in none.
    static func withoutTrailingMarker(_ line: Substring) -> Substring? {
        guard let last = line.unicodeScalars.last, "]*†‡)0123456789".unicodeScalars.contains(last) else { return nil }
        let scalars = Array(line.unicodeScalars)
        guard let marker = FootnoteScanner.markers(in: scalars).last, marker.range.upperBound == scalars.count,
              marker.range.lowerBound > 0 else { return nil }
        let kept = String(String.UnicodeScalarView(scalars[..<marker.range.lowerBound]))
        return kept.isEmpty ? nil : Substring(kept)
    }

    /// Capitals, two words or more, no digits, no `!`, `?` or `,` at the end: `ORIGINAL NOTES:`.
    static func isUnmistakableHeading(_ lines: [Substring]) -> Bool {
        guard lines.count == 1, let last = lines[0].last else { return false }
        return isAllCaps(lines[0]) && words(lines[0]).count >= 2 && !lines[0].contains(where: \.isNumber) && !"!?,".contains(last)
    }

    /// `By Pierre Broué`, `Produced by Roger Squires`: a byline or credit line.
    static func isByline(_ line: Substring) -> Bool {
        let first = firstWord(line)
        guard first == "by" || creditWords.contains(first) else { return false }
        guard line.prefix(91).count <= 90 else { return false }
        let w = words(line)
        guard w.count >= 2 else { return false }
        if w[0] == "by" { return w.count <= 8 }
        return creditWords.contains(w[0]) && w.count > 2 && w[1] == "by"
    }

    /// Joins the lines of a heading: `Chapter 7` + `The Pen…` → `Chapter 7 — The Pen…`.
    static func joinHeading(_ lines: [Substring]) -> (text: String, breaks: [Int]) {
        var text = String(lines[0])
        var breaks: [Int] = []
        for (n, line) in lines.dropFirst().enumerated() {
            let bare = n == 0 && (isBareKeywordLine(lines[0]) || isNameAndNumber(lines[0])) && !(text.last.map { ".:".contains($0) } ?? false)
            text += bare ? " — " : " "
            breaks.append(text.unicodeScalars.count)
            text += line
        }
        return (text, breaks)
    }

    /// A heading's text for the table of contents: trailing footnote markers removed.
    static func sectionTitle(_ text: String, markers: [Range<Int>]) -> String {
        var scalars = Array(text.unicodeScalars)
        for range in markers.reversed() where range.upperBound == scalars.count || scalars[range.upperBound...].allSatisfy({ $0 == " " }) {
            scalars.removeSubrange(range.lowerBound..<scalars.count)
        }
        // Columns set with runs of spaces (`PERSONNAGES        ACTEURS`) read with one.
        let title = String(String(String.UnicodeScalarView(scalars)).trimmedSpaces)
        guard title.contains("   ") else { return title }
        var out = ""
        var spaces = 0
        for c in title {
            if c == " " { spaces += 1; continue }
            if spaces > 0 { out += spaces >= 3 ? " " : String(repeating: " ", count: spaces) }
            spaces = 0
            out.append(c)
        }
        return out
    }

    /// Values of numbers written as words, cardinal and ordinal (`Book the Second`, `BOOK ELEVENTH.`).
    static let wordValues: [String: Int] = {
        let cardinals = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                        "twentieth"]
        var values: [String: Int] = [:]
        for (n, w) in cardinals.enumerated() { values[w] = n + 1 }
        for (n, w) in ordinals.enumerated() { values[w] = n + 1 }
        return values
    }()

    /// The number a heading gives after its structural word: `CHAPTER IV.` → 4, `Chapter 7` → 7,
    /// `BOOK ELEVENTH.` → 11, `Book the Second` → 2; `nil` when it has none it can read.
    static func keywordNumber(_ line: Substring) -> Int? {
        let w = words(line.drop(while: { $0 == " " }).prefix(40))
        guard w.count >= 2, keywordRanks[w[0]] != nil else { return nil }
        let token = w[1] == "the" && w.count >= 3 ? w[2] : w[1]
        if let n = Int(token) { return n }
        if let n = wordValues[token] { return n }
        return romanValue(token)
    }

    /// The structural word and number of a heading (`chapter 1` for `CHAPTER I.`, `Chapter 1`
    /// and `CHAPTER I. Jonathan Harker’s Journal`), or `nil`.
    static func keywordAndNumber(_ line: Substring) -> String? {
        guard let rank = keywordRank(line), rank >= 0, let number = keywordNumber(line) else { return nil }
        return "\(words(line.drop(while: { $0 == " " }).prefix(20)).first ?? "") \(number)"
    }

    /// `FEDERALIST No. 12`, `Letter 7`, `PSALM 23`: one or two words and a number, nothing else
    /// (its title may follow on the next line).
    static func isNameAndNumber(_ line: Substring) -> Bool {
        let w = words(line)
        guard (2...3).contains(w.count), let last = w.last, last.allSatisfy(\.isNumber) || isRomanNumeral(last) && last.count > 1 else { return false }
        return line.first?.isUppercase ?? false
    }

    /// A title wrapped over two lines in the style of a title (capitals on its words, no
    /// sentence end): `The Same Subject Continued (Concerning Dangers From Foreign Force and` /
    /// `Influence)`.
    static func isWrappedTitle(_ lines: [Substring]) -> Bool {
        let joined = Substring(lines.joined(separator: " "))
        guard joined.count <= 160, keywordRank(lines[0]) == nil, let last = joined.last, !".,;:!?".contains(last),
              lines[0].first?.isUppercase ?? false else { return false }
        return isAllCaps(joined) || isTitleCase(joined)
    }

    /// `CHORUS.`, `FIRST CITIZEN.`, `LADY MACBETH.`: a speaker's name in capitals, ending in a full
    /// stop, alone on the first line of a speech.
    static func isSpeakerLabel(_ line: Substring) -> Bool {
        guard line.utf8.count <= 60, let last = line.last, last == "." || last == ":", line.count <= 30,
              !line.contains(where: \.isNumber) else { return false }
        let w = words(line)
        guard (1...4).contains(w.count), isAllCaps(line) else { return false }
        return keywordRank(line) == nil
    }

    /// `ARGUMENT.`, `THE ARGUMENT`, `Synopsis`: the label over a book's summary, set between its
    /// number and its title.
    static func isArgumentLabel(_ line: Substring) -> Bool {
        ["argument", "theargument", "synopsis", "summary"].contains(folded(line))
    }

    /// Lines of verse, however long: every line after the first opens on a capital (after a
    /// quote or parenthesis), as verse does and wrapped prose seldom does; three lines or more,
    /// or two when the first ends on a stop.
    static func isVerse(_ lines: [Substring]) -> Bool {
        guard lines.count >= 2 else { return false }
        // The cheap refusal first: a line after the first opening on a lower-case ASCII letter.
        for line in lines.dropFirst() {
            if let b = line.utf8.first(where: { $0 != 0x20 }), b >= 0x61, b <= 0x7A { return false }
        }
        guard lines.allSatisfy({ $0.utf8.count <= 160 }) else { return false }
        if lines.count == 2 {
            guard let end = lines[0].last, ",;:.!?".contains(end) else { return false }
        }
        return lines.dropFirst().allSatisfy { line in
            let start = line.drop(while: { $0 == " " || "\"“‘'(".contains($0) })
            return start.first?.isUppercase ?? false
        }
    }

    /// `[Illustration]`, `[Illustration: …`, `[ILLUSTRATION: …`: a picture's place in a Gutenberg text.
    static func isIllustration(_ line: Substring) -> Bool {
        guard line.hasPrefix("[") else { return false }
        let word = line.dropFirst().prefix(12).lowercased()
        guard word.hasPrefix("illustration") else { return false }
        let after = line.dropFirst(13).first
        return after == nil || after == "]" || after == ":" || after == " " || after == "."
    }

    /// Letters only, lowercased: for comparing headings and titles.
    static func folded(_ s: some StringProtocol) -> String {
        String(TextFolding.folded(s).lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
