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
    case startSelection, annotate, focusNotes
    case extendLineDown, extendLineUp, extendWordForward, extendWordBackward, swapSelectionEnds, cancelSelection
    case goToPassage, editNote, deleteNote, reattachNote, cycleNotesScope, leaveNotes
    case viewNote, filterNotes, chooseTag, toggleNotesOrder
    case saveNote, newLine, cancelEditor, externalEditor, caretLeft, caretRight, deleteBackward, deleteForward
    case caretLineStart, caretLineEnd, caretUp, caretDown
    case wordForward, wordEnd, wordBackward, sentenceForward, sentenceBackward, selectParagraphs
    case confirmYes, confirmNo
    case search, nextMatch, previousMatch, goTo, setMark, jumpToMark, toggleParagraphReferences
    case toggleFullWidth, widerLines, narrowerLines, toggleJustification
    case submitPrompt, cancelPrompt, clearPrompt, recallOlder, recallNewer
    case library, toggleRuler, cycleLibraryOrder, filterLibrary, forgetText

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
        case .startSelection: return "Select a passage, starting at the cursor"
        case .annotate: return "Write a note on the selection (or on the paragraph)"
        case .focusNotes: return "Go to the notes pane"
        case .extendLineDown: return "Extend the selection a line down"
        case .extendLineUp: return "Take the selection back a line"
        case .extendWordForward: return "Extend the selection by a word"
        case .extendWordBackward: return "Take the selection back by a word"
        case .swapSelectionEnds: return "Switch which end of the selection moves"
        case .cancelSelection: return "Cancel the selection"
        case .goToPassage: return "Go to the note's passage"
        case .editNote: return "Edit the note"
        case .deleteNote: return "Delete the note (asks first)"
        case .reattachNote: return "Re-attach an orphaned note to a new selection"
        case .cycleNotesScope: return "List this section's notes, all notes, or by tag"
        case .leaveNotes: return "Clear the filter, or back to the text"
        case .viewNote: return "Read the whole note"
        case .filterNotes: return "Filter the notes by words"
        case .chooseTag: return "Show only the notes of a tag"
        case .toggleNotesOrder: return "Order by place in the text, or latest first"
        case .saveNote: return "Save the note"
        case .newLine: return "New line in the note"
        case .cancelEditor: return "Cancel (asks first if something was typed)"
        case .externalEditor: return "Write the note in $EDITOR"
        case .caretLeft: return "Caret left"
        case .caretRight: return "Caret right"
        case .deleteBackward: return "Delete the character before the caret"
        case .deleteForward: return "Delete the character after the caret"
        case .caretLineStart: return "Caret to the start of the line"
        case .caretLineEnd: return "Caret to the end of the line"
        case .caretUp: return "Caret to the line above"
        case .caretDown: return "Caret to the line below"
        case .wordForward: return "Word cursor to the next word"
        case .wordEnd: return "Word cursor (or the selection) to the end of the word"
        case .wordBackward: return "Word cursor (or the selection) back a word"
        case .sentenceForward: return "Word cursor (or the selection) to the next sentence"
        case .sentenceBackward: return "Word cursor (or the selection) back a sentence"
        case .selectParagraphs: return "Select whole paragraphs"
        case .confirmYes: return "Yes"
        case .confirmNo: return "No"
        case .search: return "Search (smart case; accents, quotes and dashes ignored)"
        case .nextMatch: return "Next match"
        case .previousMatch: return "Previous match"
        case .goTo: return "Go to: 40%, section 7 or its title, paragraph 3.12"
        case .setMark: return "Set a mark: m then a letter"
        case .jumpToMark: return "Go to mark: ' + letter ('' = before the last jump)"
        case .toggleParagraphReferences: return "Show or hide paragraph references (section.paragraph)"
        case .toggleFullWidth: return "Lines of 72 columns or as wide as the pane"
        case .widerLines: return "Longer lines (4 columns more)"
        case .narrowerLines: return "Shorter lines (4 columns fewer)"
        case .toggleJustification: return "Justify lines (flush on both sides) or not"
        case .submitPrompt: return "Search / go"
        case .cancelPrompt: return "Cancel"
        case .clearPrompt: return "Clear the line"
        case .recallOlder: return "Earlier entry"
        case .recallNewer: return "Later entry"
        case .library: return "Library: the texts you have opened"
        case .toggleRuler: return "Show or hide the overview ruler"
        case .cycleLibraryOrder: return "Sort by last opened, title or notes"
        case .filterLibrary: return "Filter by title or path"
        case .forgetText: return "Forget the entry (the text and its notes stay)"
        }
    }
}
