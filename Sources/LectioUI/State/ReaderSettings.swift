/// What a config file can change in the reader besides keys: the measure, the mouse, which
/// side panes show at first, the overview ruler and the colours. Plain values, so a test (or
/// `lectio config --print-default`) sees exactly what the reader will use.
public struct ReaderSettings: Sendable, Equatable {
    /// The measure when nothing says otherwise: a comfortable line for prose.
    public static let defaultMeasure = 72

    /// The widest the text column may be, in columns (centred in the text pane); `0` means
    /// the whole pane. The text pane's layout reads it through `AppState.settings`.
    public var measure: Int
    /// Whether the reader takes the mouse (`--no-mouse` turns it off whatever this says).
    public var mouse: Bool
    /// Whether the footnotes pane shows at first; `nil`: from 120 columns on.
    public var footnotesPane: Bool?
    /// Whether the personal-notes pane shows at first; `nil`: from 120 columns on.
    public var notesPane: Bool?
    /// Whether the overview ruler shows at the right edge of the text pane.
    public var ruler: Bool
    /// Colours and attributes per element.
    public var theme: Theme

    /// Settings; every argument defaults to what Lectio does without a config file.
    public init(measure: Int = ReaderSettings.defaultMeasure, mouse: Bool = true, footnotesPane: Bool? = nil,
                notesPane: Bool? = nil, ruler: Bool = true, theme: Theme = .standard) {
        self.measure = measure
        self.mouse = mouse
        self.footnotesPane = footnotesPane
        self.notesPane = notesPane
        self.ruler = ruler
        self.theme = theme
    }
}
