/// Colours and attributes for each element of the screen, by `Style.Role`. The terminal
/// draws a role with its entry's colours and adds its attributes to the cell's own; under
/// `NO_COLOR` only the attributes apply.
public struct Theme: Sendable, Equatable {
    /// How one element is drawn. Colours are terminal colour numbers (0–255; 0–7 the ANSI
    /// colours, 8–15 their bright forms); `nil` is the terminal's own colour.
    public struct Entry: Sendable, Equatable {
        public var foreground: Int?
        public var background: Int?
        public var attributes: Style.Attributes
        /// An entry.
        public init(foreground: Int? = nil, background: Int? = nil, attributes: Style.Attributes = []) {
            self.foreground = foreground; self.background = background; self.attributes = attributes
        }
    }

    /// An element as a config file names it.
    public struct Element: Sendable {
        public let name: String
        public let role: Style.Role
        public let summary: String
    }

    /// The elements a config file's `[theme]` may set, in the order the default file lists them.
    public static let elements: [Element] = [
        Element(name: "text", role: .plain, summary: "the text"),
        Element(name: "heading", role: .heading, summary: "the title and headings of level 1 (parts, or chapters)"),
        Element(name: "heading2", role: .heading2, summary: "headings of level 2 (chapters under parts, ## in Markdown)"),
        Element(name: "heading3", role: .heading3, summary: "headings of level 3 and deeper"),
        Element(name: "marker", role: .marker, summary: "footnote markers"),
        Element(name: "selected_marker", role: .selectedMarker, summary: "the selected footnote marker"),
        Element(name: "selected", role: .selection, summary: "the selection, the reading cursor, the chosen entry of a list"),
        Element(name: "annotation", role: .annotation, summary: "passages with a personal note"),
        Element(name: "match", role: .match, summary: "search matches"),
        Element(name: "border", role: .border, summary: "popup borders and the rules between panes"),
        Element(name: "status", role: .status, summary: "the status line"),
        Element(name: "notice", role: .notice, summary: "notices"),
        Element(name: "muted", role: .muted, summary: "labels, front matter, the ruler's view extent"),
        Element(name: "code", role: .code, summary: "code blocks and code spans"),
    ]

    /// Colour names a config file may use, with their numbers.
    public static let colorNames: [(name: String, number: Int)] = [
        ("black", 0), ("red", 1), ("green", 2), ("yellow", 3), ("blue", 4), ("magenta", 5), ("cyan", 6), ("white", 7),
        ("bright-black", 8), ("bright-red", 9), ("bright-green", 10), ("bright-yellow", 11),
        ("bright-blue", 12), ("bright-magenta", 13), ("bright-cyan", 14), ("bright-white", 15),
    ]

    /// Attribute names a config file may use.
    public static let attributeNames: [(name: String, attribute: Style.Attributes)] = [
        ("bold", .bold), ("underline", .underline), ("italic", .italic), ("dim", .dim), ("reverse", .reverse),
    ]

    public var entries: [Style.Role: Entry]

    /// A theme.
    public init(entries: [Style.Role: Entry]) { self.entries = entries }

    /// The entry of `role` (the terminal's colours and no attributes when it has none).
    public func entry(for role: Style.Role) -> Entry { entries[role] ?? Entry() }

    /// Two themes are the same when they draw every role alike.
    public static func == (a: Theme, b: Theme) -> Bool {
        Style.Role.allCases.allSatisfy { a.entry(for: $0) == b.entry(for: $0) }
    }

    /// The colours Lectio ships.
    public static let standard = Theme(entries: [
        .heading: Entry(foreground: 6),
        .heading2: Entry(foreground: 6),
        .heading3: Entry(foreground: 6),
        .marker: Entry(foreground: 3),
        .match: Entry(foreground: 5),
        .annotation: Entry(foreground: 2),
        .border: Entry(foreground: 4),
        .notice: Entry(foreground: 3),
        .code: Entry(foreground: 2),
    ])

    /// The name of colour number `n` (`"default"` for nil, the number past 15).
    public static func colorName(_ n: Int?) -> String {
        guard let n else { return "default" }
        return colorNames.first { $0.number == n }?.name ?? String(n)
    }
}
