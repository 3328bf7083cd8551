/// Where each key of a TOML file stands, for messages about values that parse but mean
/// nothing (TOMLKit gives lines for syntax errors only). It follows table headers
/// (`[keys.reading]`) and the keys under them, dotted or quoted, well enough for a config
/// file; an entry it cannot place falls back to the line of its table.
struct ConfigLines {
    /// Dotted path (`keys.reading.ctrl-d`) → 1-based line, first occurrence.
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var table: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            guard let first = line.first, first != "#" else { continue }
            if first == "[" {
                let inner = line.drop { $0 == "[" }
                guard let end = Self.closingBracket(in: inner) else { continue }
                table = Self.keyPath(inner[..<end])
                record(table, line: index + 1)
            } else if let equals = Self.equalsSign(in: line) {
                record(table + Self.keyPath(line[..<equals]), line: index + 1)
            }
        }
    }

    private mutating func record(_ path: [String], line: Int) {
        let key = path.joined(separator: ".")
        if lines[key] == nil { lines[key] = line }
    }

    /// The line of `path`, or of the nearest table holding it.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path.joined(separator: ".")] { return line }
            path.removeLast()
        }
        return nil
    }

    /// The parts of a (possibly dotted, possibly quoted) key.
    static func keyPath(_ key: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        for c in key {
            if let q = quote {
                if escaped { current.append(c); escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current); current = ""
            } else if c != " " && c != "\t" {
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    /// The `=` after a key, outside quotes.
    static func equalsSign(in line: Substring) -> Substring.Index? {
        var quote: Character?
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "=" { return i }
            i = line.index(after: i)
        }
        return nil
    }

    /// The `]` that ends a table header, outside quotes.
    static func closingBracket(in header: Substring) -> Substring.Index? {
        var quote: Character?
        var i = header.startIndex
        while i < header.endIndex {
            let c = header[i]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "]" { return i }
            i = header.index(after: i)
        }
        return nil
    }
}
