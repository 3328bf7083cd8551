import LectioCore

/// The overview ruler's model: the whole text scaled to the rows of the text pane, like an
/// editor's scrollbar. Row `r` stands for the canonical offsets from `r × length / rows` to the
/// next row's; each row holds its most telling mark (a search match over a personal note over
/// a footnote marker over a section start), and the rows of the page on screen are the view.
/// It scales by offset, not by laid-out lines, so a 3,000-page book costs what a story does.
public struct Ruler: Sendable, Equatable {
    /// What a row of the ruler shows, the stronger last.
    public enum Mark: Int, Sendable, Comparable {
        case section, footnote, note, match
        public static func < (a: Mark, b: Mark) -> Bool { a.rawValue < b.rawValue }
    }

    /// Rows of the ruler.
    public let rows: Int
    /// Scalars of the canonical text.
    public let length: Int
    /// The mark of each row.
    public private(set) var marks: [Mark?]
    /// The rows the page on screen covers.
    public let view: ClosedRange<Int>

    /// A ruler of `rows` rows over a text of `length` scalars, showing `view` (canonical
    /// offsets of the page on screen); the marks are canonical offsets.
    public init(rows: Int, length: Int, view: Range<Int>, sections: [Int] = [], footnotes: [Int] = [],
                notes: [Range<Int>] = [], matches: [Int] = []) {
        self.rows = max(1, rows)
        self.length = max(1, length)
        marks = Array(repeating: nil, count: self.rows)
        let first = Self.row(of: view.lowerBound, rows: self.rows, length: self.length)
        let last = Self.row(of: max(view.lowerBound, view.upperBound - 1), rows: self.rows, length: self.length)
        self.view = first...max(first, last)
        for offset in sections { mark(offset, .section) }
        for offset in footnotes { mark(offset, .footnote) }
        for range in notes {
            for r in row(of: range.lowerBound)...row(of: max(range.lowerBound, range.upperBound - 1)) { mark(row: r, .note) }
        }
        for offset in matches { mark(offset, .match) }
    }

    /// The row of a canonical offset.
    public func row(of offset: Int) -> Int { Self.row(of: offset, rows: rows, length: length) }

    static func row(of offset: Int, rows: Int, length: Int) -> Int {
        max(0, min(rows - 1, Int(Int64(offset) * Int64(rows) / Int64(length))))
    }

    /// The first canonical offset of a row: where a click on it jumps.
    public func offset(ofRow row: Int) -> Int {
        Int(Int64(max(0, min(rows - 1, row))) * Int64(length) / Int64(rows))
    }

    mutating func mark(_ offset: Int, _ mark: Mark) { self.mark(row: row(of: offset), mark) }

    mutating func mark(row: Int, _ mark: Mark) {
        if let old = marks[row], old >= mark { return }
        marks[row] = mark
    }

    /// The ruler as text, one character a row (` ` none, `│` view, `s` section, `f` footnote,
    /// `n` note, `m` match; capitals inside the view), for tests and debugging.
    public var picture: String {
        String(marks.indices.map { r -> Character in
            let inView = view.contains(r)
            guard let mark = marks[r] else { return inView ? "│" : "·" }
            let c: Character = ["s", "f", "n", "m"][mark.rawValue]
            return inView ? Character(c.uppercased()) : c
        })
    }
}
