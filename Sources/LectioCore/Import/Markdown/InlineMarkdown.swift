/// Markdown inside a block: emphasis and strong (kept as styles, the asterisks dropped), code
/// spans, links and images (their text kept), footnote references `[^label]` (shown `[label]`).
struct InlineMarkdown {
    var scalars: [Unicode.Scalar] = []
    var styles: [StyleSpan] = []
    var references: [(label: String, range: Range<Int>)] = []
    /// Links with a destination (`[text](url)`, `<https://…>`): the destination and the range
    /// of the text shown.
    var links: [(url: String, range: Range<Int>)] = []
    /// For each output scalar, the index of the input character it came from.
    var origins: [Int] = []
    var position = 0
    /// Searches for closing delimiters that failed (see `Misses`).
    var misses = Misses()

    /// Text taken as it is (code blocks).
    static func plain(_ text: String) -> InlineMarkdown {
        var out = InlineMarkdown()
        for (i, c) in text.enumerated() {
            out.position = i
            out.append(c)
        }
        return out
    }

    /// Parses the inline markup of `text`.
    static func parse(_ text: String) -> InlineMarkdown {
        var out = InlineMarkdown()
        let characters = Array(text)
        out.emit(characters, 0..<characters.count)
        return out
    }

    /// Whether a character whose first byte is `b` may open markup: `\`, a backtick, `[`, `!`,
    /// `<`, `*`, `_`, `&`.
    static func mayOpenMarkup(_ b: UInt8) -> Bool {
        b == 0x5C || b == 0x60 || b == 0x5B || b == 0x21 || b == 0x3C || b == 0x2A || b == 0x5F || b == 0x26
    }

    /// The text of the output scalars (UTF-8 written at once, not scalar by scalar).
    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + scalars.count / 2)
        for s in scalars {
            if s.value < 0x80 { bytes.append(UInt8(s.value)) } else { UTF8.encode(s) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text shown.
    var text: String { Self.string(scalars) }

    mutating func append(_ c: Character) {
        scalars.append(contentsOf: c.unicodeScalars)
        origins.append(contentsOf: repeatElement(position, count: c.unicodeScalars.count))
    }

    /// The output offset of the first scalar that came from input character `index` or later.
    func outputOffset(ofInput index: Int) -> Int {
        var low = 0, high = origins.count
        while low < high {
            let mid = (low + high) / 2
            if origins[mid] < index { low = mid + 1 } else { high = mid }
        }
        return low
    }
    mutating func append(_ s: some Sequence<Character>) { for c in s { append(c) } }

    static func isSpace(_ c: Character?) -> Bool { c == nil || c!.isWhitespace }
    static func isPunctuation(_ c: Character?) -> Bool { c.map { $0.isPunctuation || $0.isSymbol } ?? false }

    /// The index of the closing delimiter run of `count` `marker`s for the run opened at `from`.
    static func closingRun(_ t: [Character], _ marker: Character, _ count: Int, from: Int, end: Int, misses: inout Misses) -> Int? {
        var i = from
        while i < end {
            if t[i] == "\\" { i += 2; continue }
            if t[i] == "`" {
                // Skip code spans.
                let run = t[i..<end].prefix(while: { $0 == "`" }).count
                if let close = misses.codeClose(t, i + run, run, end) { i = close + run; continue }
            }
            if t[i] == marker {
                let run = t[i..<end].prefix(while: { $0 == marker }).count
                let before: Character? = i > 0 ? t[i - 1] : nil
                let after: Character? = i + run < end ? t[i + run] : nil
                let rightFlanking = !isSpace(before)
                let intraword = marker == "_" && after.map { $0.isLetter || $0.isNumber } == true
                if rightFlanking, !intraword, run >= count, i > from { return i + (run - count) }
                i += run
                continue
            }
            i += 1
        }
        return nil
    }

    static func codeClose(_ t: [Character], _ from: Int, _ run: Int, _ end: Int) -> Int? {
        var i = from
        while i < end {
            if t[i] == "`" {
                let r = t[i..<end].prefix(while: { $0 == "`" }).count
                if r == run { return i }
                i += r
            } else {
                i += 1
            }
        }
        return nil
    }

    mutating func emit(_ t: [Character], _ range: Range<Int>) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = t[i]
            position = i
            // Most characters open no markup: taken at once, without comparing them to each marker.
            if let b = c.utf8.first, !Self.mayOpenMarkup(b) {
                append(c); i += 1; continue
            }
            if c == "\\", i + 1 < end, Self.isPunctuation(t[i + 1]) {
                append(t[i + 1]); i += 2; continue
            }
            if c == "`" {
                let run = t[i..<end].prefix(while: { $0 == "`" }).count
                if let close = codeClose(t, i + run, run, end) {
                    let start = scalars.count
                    var content = Array(t[(i + run)..<close])
                    if content.count > 2, content.first == " ", content.last == " " { content = Array(content.dropFirst().dropLast()) }
                    append(content)
                    styles.append(StyleSpan(range: start..<scalars.count, style: .code))
                    i = close + run
                } else {
                    append(t[i..<(i + run)]); i += run
                }
                continue
            }
            if c == "[", i + 1 < end, t[i + 1] == "^", let close = closingBracket(t, i, end) {
                let label = String(t[(i + 2)..<close])
                if !label.isEmpty, !label.contains(" ") {
                    let start = scalars.count
                    append("[" + label + "]")
                    references.append((label, start..<scalars.count))
                    i = close + 1
                    continue
                }
            }
            if c == "!" || c == "[" {
                let open = c == "!" ? i + 1 : i
                if open < end, t[open] == "[", let close = closingBracket(t, open, end) {
                    var after = close + 1
                    var isLink = false
                    var destination: String?
                    if after < end, t[after] == "(" {
                        var depth = 0, j = after
                        while j < end {
                            if t[j] == "(" { depth += 1 } else if t[j] == ")" { depth -= 1; if depth == 0 { break } }
                            j += 1
                        }
                        if j < end {
                            // The destination, without a title after it (`(url "title")`) or `<…>`.
                            let inside = String(t[(after + 1)..<j]).trimmed
                            var url = String(inside.prefix { $0 != " " })
                            if url.hasPrefix("<"), url.hasSuffix(">") { url = String(url.dropFirst().dropLast()) }
                            if !url.isEmpty { destination = url }
                            after = j + 1
                            isLink = true
                        }
                    } else if after < end, t[after] == "[", let refClose = closingBracket(t, after, end) {
                        after = refClose + 1; isLink = true
                    } else if c == "[" {
                        // A shortcut reference `[text]` stays as it is.
                        isLink = false
                    }
                    if isLink {
                        let start = scalars.count
                        emit(t, (open + 1)..<close)
                        if c == "[", let destination, scalars.count > start { links.append((destination, start..<scalars.count)) }
                        i = after
                        continue
                    }
                }
            }
            if c == "<", let close = closingAngle(t, i, end) {
                let inside = String(t[(i + 1)..<close])
                if inside.hasPrefix("http://") || inside.hasPrefix("https://") || inside.hasPrefix("mailto:") {
                    let start = scalars.count
                    append(inside)
                    links.append((inside, start..<scalars.count))
                    i = close + 1
                    continue
                }
            }
            if c == "*" || c == "_" {
                let run = t[i..<end].prefix(while: { $0 == c }).count
                let before: Character? = i > 0 ? t[i - 1] : nil
                let after: Character? = i + run < end ? t[i + run] : nil
                let leftFlanking = !Self.isSpace(after)
                let intraword = c == "_" && before.map { $0.isLetter || $0.isNumber } == true
                if leftFlanking, !intraword {
                    let want = min(run, 2) == 2 && run >= 2 ? 2 : 1
                    if let close = closingRun(t, c, want, from: i + want, end: end) {
                        // Emphasis delimiters beyond `want` stay literal.
                        append(t[i..<(i + run - want)])
                        let start = scalars.count
                        emit(t, (i + run)..<close)
                        styles.append(StyleSpan(range: start..<scalars.count, style: want == 2 ? .strong : .emphasis))
                        i = close + want
                        continue
                    }
                }
                append(t[i..<(i + run)]); i += run
                continue
            }
            if c == "&", let (decoded, length) = HTMLEntities.decode(t, at: i, end: end) {
                append(decoded); i += length; continue
            }
            append(c)
            i += 1
        }
    }
}
