extension InlineMarkdown {
    /// What the searches for closing delimiters found and did not find in one text, so that a
    /// paragraph of thousands of unclosed `*`, `` ` ``, `[` or `<` (a file that is one long
    /// line) is not searched to its end once for each of them: a search that failed from one
    /// place fails from any later one, and brackets are paired once, in one pass.
    struct Misses {
        struct Key: Hashable { var marker: Character; var count: Int; var end: Int }
        /// For each marker, run length and end: the earliest place a search failed from.
        var runs: [Key: Int] = [:]
        var code: [Key: Int] = [:]
        var angles: [Int: Int] = [:]
        /// For each `[`, the index of its `]` (-1 for none), made at the first bracket.
        var brackets: [Int]?

        /// `InlineMarkdown.codeClose`, remembering failures.
        mutating func codeClose(_ t: [Character], _ from: Int, _ run: Int, _ end: Int) -> Int? {
            let key = Key(marker: "`", count: run, end: end)
            if let failed = code[key], from >= failed { return nil }
            let found = InlineMarkdown.codeClose(t, from, run, end)
            if found == nil { code[key] = min(code[key] ?? from, from) }
            return found
        }

        /// The `]` that closes the `[` at `open` (nesting counted, `\` escaping), before `end`.
        mutating func closingBracket(_ t: [Character], _ open: Int, _ end: Int) -> Int? {
            if brackets == nil {
                var match = [Int](repeating: -1, count: t.count)
                var open: [Int] = []
                var i = 0
                while i < t.count {
                    switch t[i] {
                    case "\\": i += 1
                    case "[": open.append(i)
                    case "]": if let o = open.popLast() { match[o] = i }
                    default: break
                    }
                    i += 1
                }
                brackets = match
            }
            guard let close = brackets?[open], close >= 0, close < end else { return nil }
            return close
        }
    }

    mutating func codeClose(_ t: [Character], _ from: Int, _ run: Int, _ end: Int) -> Int? {
        misses.codeClose(t, from, run, end)
    }

    mutating func closingBracket(_ t: [Character], _ open: Int, _ end: Int) -> Int? {
        misses.closingBracket(t, open, end)
    }

    /// `InlineMarkdown.closingRun`, remembering failures.
    mutating func closingRun(_ t: [Character], _ marker: Character, _ count: Int, from: Int, end: Int) -> Int? {
        let key = Misses.Key(marker: marker, count: count, end: end)
        if let failed = misses.runs[key], from >= failed { return nil }
        let found = Self.closingRun(t, marker, count, from: from, end: end, misses: &misses)
        if found == nil { misses.runs[key] = min(misses.runs[key] ?? from, from) }
        return found
    }

    /// The first `>` after `i` and before `end`.
    mutating func closingAngle(_ t: [Character], _ i: Int, _ end: Int) -> Int? {
        if let failed = misses.angles[end], i >= failed { return nil }
        let found = t[i..<end].firstIndex(of: ">")
        if found == nil { misses.angles[end] = min(misses.angles[end] ?? i, i) }
        return found
    }
}
