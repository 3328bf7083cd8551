/// A pipe table (GitHub-flavoured Markdown): a header row, a delimiter row (`|---|:--:|`), and
/// body rows. It is drawn as aligned rows: each cell padded to its column's width (after
/// inline markup is taken out), columns two spaces apart, one row a line.
enum MarkdownTable {
    /// Whether `line` is a delimiter row: cells of dashes with optional colons, with a pipe.
    static func isDelimiterRow(_ line: Substring) -> Bool {
        // Only `|`, `-`, `:` and spaces, with a pipe: bytes first, stopping at the first other.
        guard line.utf8.allSatisfy({ $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 }), line.utf8.contains(0x7C) else { return false }
        let cells = self.cells(of: line)
        guard !cells.isEmpty, line.contains("|") else { return false }
        return cells.allSatisfy { cell in
            var c = Substring(cell)
            if c.first == ":" { c = c.dropFirst() }
            if c.last == ":" { c = c.dropLast() }
            return !c.isEmpty && c.allSatisfy { $0 == "-" }
        }
    }

    /// Whether a table starts at `lines[i]`: a row with a pipe, then a delimiter row with as
    /// many cells.
    static func starts(at i: Int, in lines: [Substring]) -> Bool {
        guard i + 1 < lines.count, isDelimiterRow(lines[i + 1]), lines[i].utf8.contains(0x7C) else { return false }
        return cells(of: lines[i]).count == cells(of: lines[i + 1]).count
    }

    /// The cells of a row, trimmed, without the outer pipes; `\|` does not split.
    static func cells(of line: Substring) -> [String] {
        var t = line.trimmedSpaces
        if t.first == "|" { t = t.dropFirst() }
        if t.last == "|", !t.hasSuffix("\\|") { t = t.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for c in t {
            if c == "|", !escaped { cells.append(current); current = ""; continue }
            escaped = c == "\\"
            current.append(c)
        }
        cells.append(current)
        return cells.map { String(Substring($0).trimmedSpaces) }
    }

    /// The rows (header first, delimiter row left out) as Markdown source lines whose cells are
    /// padded so that the columns line up once inline markup is taken out.
    static func alignedRows(_ rows: [Substring]) -> [Substring] {
        let table = rows.map { cells(of: $0) }
        let columns = table.map(\.count).max() ?? 0
        func shownWidth(_ cell: String) -> Int {
            CharacterWidth.unicode.width(of: InlineMarkdown.parse(cell).text)
        }
        var widths = Array(repeating: 0, count: columns)
        for row in table { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], shownWidth(cell)) } }
        return table.map { row in
            var line = ""
            for (k, cell) in row.enumerated() {
                line += cell
                if k < row.count - 1 { line += String(repeating: " ", count: widths[k] - shownWidth(cell) + 2) }
            }
            return Substring(line)
        }
    }
}
