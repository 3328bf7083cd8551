/// Everything a key can ask the app to do, each with the sentence the help screen shows.
public enum Command: String, Sendable, CaseIterable {
    case lineDown, lineUp, pageDown, pageUp, halfPageDown, halfPageUp, top, bottom
    case nextSection, previousSection, contents
    case nextFootnote, previousFootnote, openFootnote
    case back, forward
    case toggleFootnotesPane, toggleNotesPane
    case help, quit, forceQuit, close
    case goToNote, scrollDown, scrollUp, scrollPageDown, scrollPageUp
    case choiceDown, choiceUp, choiceFirst, choiceLast, choose

    /// What the command does, in the reader's words.
    public var summary: String {
        switch self {
        case .lineDown: return "Move the reading cursor down a line"
        case .lineUp: return "Move the reading cursor up a line"
        case .pageDown: return "Next page"
        case .pageUp: return "Previous page"
        case .halfPageDown: return "Half a page down"
        case .halfPageUp: return "Half a page up"
        case .top: return "Go to the start of the text"
        case .bottom: return "Go to the end of the text"
        case .nextSection: return "Next section"
        case .previousSection: return "Previous section (or the start of this one)"
        case .contents: return "Table of contents"
        case .nextFootnote: return "Select the next footnote marker"
        case .previousFootnote: return "Select the previous footnote marker"
        case .openFootnote: return "Open the selected footnote"
        case .back: return "Back to where you were before the last jump"
        case .forward: return "Forward again (undo Back)"
        case .toggleFootnotesPane: return "Show or hide the footnotes pane"
        case .toggleNotesPane: return "Show or hide the personal notes pane"
        case .help: return "This help"
        case .quit: return "Close the popup, or quit"
        case .forceQuit: return "Quit at once"
        case .close: return "Close"
        case .goToNote: return "Go to the note where it stands in the text"
        case .scrollDown: return "Scroll down"
        case .scrollUp: return "Scroll up"
        case .scrollPageDown: return "Scroll down a page"
        case .scrollPageUp: return "Scroll up a page"
        case .choiceDown: return "Next entry"
        case .choiceUp: return "Previous entry"
        case .choiceFirst: return "First entry"
        case .choiceLast: return "Last entry"
        case .choose: return "Jump there"
        }
    }
}
