/// A popup over the text. The top layer sees keys first.
public enum Layer: Sendable, Equatable {
    case footnote(FootnotePopup)
    case contents(ContentsPopup)
    case help(HelpPopup)
    case noteEditor(NoteEditor)
    case confirm(Confirmation)
    case prompt(Prompt)

    /// The keymap mode of this layer.
    public var mode: Mode {
        switch self {
        case .footnote: return .footnote
        case .contents: return .contents
        case .help: return .help
        case .noteEditor: return .editor
        case .confirm: return .confirm
        case .prompt: return .prompt
        }
    }
}

/// The popup of one footnote marker's note.
public struct FootnotePopup: Sendable, Equatable {
    /// Index of the marker in `Document.footnotes`.
    public var marker: Int
    /// First content line shown.
    public var scroll: Int = 0
    public init(marker: Int) { self.marker = marker }
}

/// The table of contents.
public struct ContentsPopup: Sendable, Equatable {
    /// Index of the highlighted section.
    public var selected: Int
    public init(selected: Int) { self.selected = selected }
}

/// The help screen.
public struct HelpPopup: Sendable, Equatable {
    /// First line shown.
    public var scroll: Int = 0
    public init() {}
}

/// A one-line prompt at the bottom: a search (`/`) or a go-to (`:`).
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case search, goTo }
    public var kind: Kind
    public var characters: [Character] = []
    public var caret = 0
    /// Which earlier entry Up has recalled (counting back from the newest).
    public var recalled: Int?

    public init(kind: Kind) { self.kind = kind }
    public var text: String { String(characters) }
    /// What stands before the text.
    public var lead: String { kind == .search ? "/" : ":" }
}
