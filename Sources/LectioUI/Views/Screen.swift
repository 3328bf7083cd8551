import LectioCore

/// A rectangle of cells.
public struct Rect: Sendable, Equatable {
    public var x: Int, y: Int, width: Int, height: Int
    /// A rectangle.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    /// Whether the point lies inside.
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// How a cell is drawn: attributes and a colour role (the terminal maps roles to colours,
/// or to attributes alone under `NO_COLOR`).
public struct Style: Sendable, Hashable {
    /// Terminal attributes.
    public struct Attributes: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1)
        public static let reverse = Attributes(rawValue: 2)
        public static let underline = Attributes(rawValue: 4)
        public static let dim = Attributes(rawValue: 8)
        public static let italic = Attributes(rawValue: 16)
    }

    /// What a colour means, not which colour it is.
    public enum Role: Sendable, Hashable, CaseIterable {
        case plain, heading, marker, selection, match, annotation, border, status, notice, muted
    }

    public var attributes: Attributes
    public var role: Role

    /// A style.
    public init(_ attributes: Attributes = [], role: Role = .plain) {
        self.attributes = attributes; self.role = role
    }

    public static let plain = Style()
    /// This style with more attributes.
    public func adding(_ a: Attributes) -> Style { Style(attributes.union(a), role: role) }
}

/// One cell of the screen: a grapheme cluster (or a space) and its style. The cell after a
/// wide character is a continuation and holds nothing.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var style: Style
    public var isContinuation: Bool

    public static let blank = Cell(text: " ", style: .plain, isContinuation: false)
}

/// A frame: a grid of cells that panes draw into and the terminal presents.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// The measure of characters used to place them.
    public let measure: CharacterWidth

    /// A blank screen.
    public init(width: Int, height: Int, measure: CharacterWidth = .unicode) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.measure = measure
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Screen, b: Screen) -> Bool { a.width == b.width && a.height == b.height && a.cells == b.cells }

    /// The cell at a point.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` at (`x`, `y`), clipped to `maxWidth` columns and the screen's edge; a wide
    /// character that would not fit is not drawn. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for raw in text {
            // Nothing from a file or a note drives the terminal: a control character (always a
            // cluster of its own) is drawn as its visible symbol.
            let c = raw.unicodeScalars.first.flatMap { VisibleText.replacement(for: $0) }.map(Character.init) ?? raw
            let w = measure.width(of: c)
            if w == 0 {
                // A lone combining mark or format character joins the previous cell.
                if col > x, col - 1 < width, col - 1 >= 0 {
                    var prev = col - 1
                    while prev > 0, self[prev, y].isContinuation { prev -= 1 }
                    self[prev, y].text.append(c)
                }
                continue
            }
            if col + w > limit { break }
            if col >= 0 {
                clearWide(at: col, y: y)
                self[col, y] = Cell(text: String(c), style: style, isContinuation: false)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    self[col + 1, y] = Cell(text: "", style: style, isContinuation: true)
                }
            }
            col += w
        }
        return col - x
    }

    /// Before overwriting a cell, blanks the other half of a wide character it belongs to.
    private mutating func clearWide(at x: Int, y: Int) {
        let cell = self[x, y]
        if cell.isContinuation, x > 0 { self[x - 1, y] = .blank }
        if !cell.isContinuation, x + 1 < width, self[x + 1, y].isContinuation { self[x + 1, y] = .blank }
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                clearWide(at: x, y: y)
                self[x, y] = Cell(text: " ", style: style, isContinuation: false)
            }
        }
    }

    /// Draws a box border around `rect` with a title on top and a hint at the bottom.
    public mutating func box(_ rect: Rect, title: String = "", hint: String = "", style: Style = Style(role: .border)) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect)
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        for x in rect.x...right {
            put("─", x: x, y: rect.y, style: style)
            put("─", x: x, y: bottom, style: style)
        }
        for y in rect.y...bottom {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: right, y: y, style: style)
        }
        put("┌", x: rect.x, y: rect.y, style: style)
        put("┐", x: right, y: rect.y, style: style)
        put("└", x: rect.x, y: bottom, style: style)
        put("┘", x: right, y: bottom, style: style)
        if !title.isEmpty { put(" \(title) ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: style.adding(.bold)) }
        if !hint.isEmpty {
            let w = min(measure.width(of: hint) + 2, rect.width - 4)
            put(" \(hint) ", x: right - 1 - w, y: bottom, maxWidth: w, style: style)
        }
    }

    /// The text of row `y`, trailing spaces removed.
    public func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where !self[x, y].isContinuation { s += self[x, y].text }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// All rows as text: what a person reads on the screen.
    public var lines: [String] { (0..<height).map(line) }

    /// The whole screen as one string, rows separated by newlines.
    public var text: String { lines.joined(separator: "\n") }
}
