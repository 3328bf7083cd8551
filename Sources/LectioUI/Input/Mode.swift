/// Which keys apply: the reading view, the selection, the notes pane, or the popup on top
/// (each kind of popup has a mode of its own).
public struct Mode: Hashable, Sendable {
    /// The name used in code and in a config file (`[keys.footnote]`).
    public let name: String
    /// The heading of this mode's keys on the help screen.
    public let title: String

    /// A mode.
    public init(_ name: String, title: String) {
        self.name = name
        self.title = title
    }

    public static let reading = Mode("reading", title: "Reading")
    public static let selecting = Mode("selecting", title: "Selecting a passage")
    public static let notes = Mode("notes", title: "Notes pane")
    public static let reattaching = Mode("reattaching", title: "Re-attaching an orphaned note")
}
