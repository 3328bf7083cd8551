import LectioCore

/// Everything the reader sees and can change, updated by commands. Pure: no terminal, no files.
public final class AppState {
    /// The text being read.
    public let document: Document
    /// The measure of characters (libc `wcwidth` in the terminal).
    public let measure: CharacterWidth
    /// The keymap in force.
    public let keymap: Keymap
    /// Screen size.
    public private(set) var width: Int
    public private(set) var height: Int
    /// The text laid out for the current text column.
    public private(set) var layout: DocumentLayout
    /// Where the reader is: top line, cursor, their anchors, the selected marker.
    public internal(set) var reading: ReadingPosition
    /// First line shown in the text pane.
    public internal(set) var top: LinePosition {
        get { reading.top }
        set { reading.top = newValue }
    }
    /// The reading cursor (moved through `reading.moveCursor`).
    public var cursor: LinePosition { reading.cursor }
    /// The highlighted footnote marker.
    public var selectedMarker: Int? { reading.selectedMarker }
    /// The highlighted link.
    public var selectedLink: Int? { reading.selectedLink }
    /// Popups, bottom to top.
    public internal(set) var layers = LayerStack()
    /// Places before jumps.
    public internal(set) var history = JumpHistory()
    /// The reader's choice for each side pane; `nil` means the default for the width.
    public internal(set) var footnotesPaneChoice: Bool?
    public internal(set) var notesPaneChoice: Bool?
    /// A one-line message for the status line, cleared by the next key.
    public internal(set) var message: String?
    /// Set while this state shows a preview of the text and the whole is imported in the
    /// background (see `PreviewLoop`): what the status line says meanwhile.
    public var indexing: IndexingStatus?
    /// Where personal notes are kept, for the help screen.
    public var notesFilePath: String?
    /// Where the reading position, history and marks are kept, for the help screen.
    public var stateFilePath: String?
    /// Why notes cannot be added (the notes file could not be read), or `nil`.
    public var notesReadOnlyReason: String?
    /// The personal notes, placed in the text.
    public internal(set) var annotations: [PlacedNote] = []
    /// Whether the notes are still being read and placed off the app loop (until `.notesPlaced`).
    public var notesArePlacing = false
    /// The passage being selected.
    public internal(set) var selection: Selection?
    /// The notes pane: focus, highlighted entry, scope, filter, order.
    public internal(set) var notesPane = NotesPaneState()
    /// The canonical text, made when first needed (notes, anchors).
    public private(set) lazy var canonical = CanonicalText(document: document)
    /// The text that notes' offsets index (the source file for plain text), made when notes are
    /// first placed or written.
    public private(set) lazy var sourceText: SourceText = makeSourceText?() ?? SourceText(canonical: canonical)
    let makeSourceText: (() -> SourceText)?
    /// The folded text for search, made at the first search.
    public private(set) lazy var searchIndex = SearchIndex(document: document)
    /// Paragraph references, made when first shown or asked for.
    public private(set) lazy var paragraphReferences = ParagraphReferences(document: document)
    /// The last search, the match the cursor went to, and earlier searches and go-tos.
    public internal(set) var search = SearchState()
    /// Marks: letter → canonical offset.
    public internal(set) var marks: [Character: Int] = [:]
    /// Where the mouse button went down in the text, until it is let go (a drag selects).
    var mousePress: Int?
    /// `m` or `'` waiting for its letter.
    public internal(set) var pendingPrefix: Character?
    /// Whether paragraph references show in the margin.
    public internal(set) var showsParagraphReferences = false
    /// The most columns a line of text takes (typographers keep 60–75), or `nil` for the
    /// full width of the pane. Resume positions and paragraph references do not depend on it.
    public internal(set) var lineLength: Int? = AppState.defaultLineLength
    /// Whether lines are set flush on both sides (off by default: ragged right reads better in
    /// a terminal's fixed-width cells).
    public internal(set) var justified = false
    /// What the config file set: measure, mouse, panes, ruler, theme.
    public internal(set) var settings: ReaderSettings
    /// Whether the overview ruler shows (the settings' choice, toggled by a key).
    public internal(set) var showsRuler: Bool
    /// The texts of the library, for its popup (set by the session, changed by `libraryChanged`).
    public var library: [LibraryEntry] = []
    /// Library texts whose file is gone (checked by the session when it opens a text).
    public var missingTexts: Set<String> = []
    /// The path of the text being read, as the library knows it.
    public var textPath: String?
    /// The text read before this one in this session: Ctrl-O at the first place goes back to it.
    public var previousText: String?
    /// How many places Back had when this text was opened: below that, Back leaves the text.
    public var backAtOpen = 0
    /// Where new notes get their ids and times (injected: update reads no clock of its own).
    let stamps: NoteStamps

    /// A state showing `document` from its reading start on a `width`×`height` screen.
    public init(document: Document, width: Int, height: Int, measure: CharacterWidth = .unicode, keymap: Keymap = .standard,
                notes: [Annotation] = [], notesReadOnlyReason: String? = nil, notesNotice: String? = nil,
                stamps: NoteStamps = .system, settings: ReaderSettings = ReaderSettings(), configNotice: String? = nil,
                lineLength: Int? = AppState.defaultLineLength, sourceText: (() -> SourceText)? = nil) {
        self.document = document
        makeSourceText = sourceText
        self.settings = settings
        showsRuler = settings.ruler
        footnotesPaneChoice = settings.footnotesPane
        notesPaneChoice = settings.notesPane
        self.stamps = stamps
        self.measure = measure
        self.keymap = keymap
        self.width = width
        self.height = height
        let panes = PaneLayout(width: width, height: height,
                               footnotes: settings.footnotesPane ?? PaneLayout.panesShownByDefault(width: width),
                               notes: settings.notesPane ?? PaneLayout.panesShownByDefault(width: width), lineLength: lineLength)
        self.lineLength = lineLength
        layout = DocumentLayout(document: document, width: max(1, panes.textColumn.width), measure: measure)
        let start = LinePosition(block: min(document.startBlock, max(0, document.blocks.count - 1)), line: 0)
        reading = ReadingPosition(at: start)
        message = document.notices.first
        if let configNotice { message = configNotice }
        self.notesReadOnlyReason = notesReadOnlyReason
        if let notesNotice { message = notesNotice }
        if let notesReadOnlyReason { message = notesReadOnlyReason }
        if !notes.isEmpty { annotations = PlacedNote.place(notes, in: self.sourceText) }
        let orphans = annotations.filter { $0.range == nil }.count
        if orphans > 0, message == nil {
            message = orphans == 1 ? "1 note could not be placed: A to see it" : "\(orphans) notes could not be placed: A to see them"
        }
        clampTop()
    }

    /// Whether each side pane is shown now.
    public var showsFootnotesPane: Bool { footnotesPaneChoice ?? PaneLayout.panesShownByDefault(width: width) }
    public var showsNotesPane: Bool { notesPaneChoice ?? PaneLayout.panesShownByDefault(width: width) }

    /// Where the panes stand now.
    public var panes: PaneLayout {
        var p = PaneLayout(width: width, height: height, footnotes: showsFootnotesPane, notes: showsNotesPane, lineLength: lineLength)
        if showsParagraphReferences { p.gutter = 7 }
        return p
    }

    /// Rows of the text pane.
    public var pageHeight: Int { max(1, panes.text.height) }

    /// The mode of the top layer, or of the text.
    public var mode: Mode {
        if let popup = layers.top { return popup.mode }
        if let selection { return selection.reattaching != nil ? .reattaching : .selecting }
        return notesPane.focus ? .notes : .reading
    }

    /// The one way in: takes an event (input, or the result of an effect) and returns what
    /// the app loop must do.
    public func update(_ event: Event) -> [Effect] {
        switch event {
        case .key(let key): return handle(key)
        case .mouse(let event, let regions): return mouse(event, regions: regions)
        case .resize(let width, let height): resize(width: width, height: height)
        case .noteSaved(let note, let notes): noteSaved(note, notes: notes)
        case .noteSaveFailed(let note, let reason): noteSaveFailed(note, reason: reason)
        case .noteDeleted(_, let notes): notesDidChange(notes); message = "Note deleted"
        case .noteDeleteFailed(_, let reason): message = "Not deleted: \(reason)"
        case .editorReturned(let text): externalEditorReturned(text)
        case .editorFailed(let reason): externalEditorFailed(reason)
        case .notesChanged(let notes): notesDidChange(notes)
        case .libraryChanged(let entries): library = entries; message = "Forgotten (the text and its notes are untouched)"
        case .libraryFailed(let reason): message = "Library not changed: \(reason)"
        case .notesChangedOnDisk(let notes):
            let before = annotations.count
            notesDidChange(notes)
            if message == nil || notes.count != before {
                message = "The notes file changed on disk: \(notes.count) note\(notes.count == 1 ? "" : "s") now"
            }
        case .noteDeletedElsewhere(let note): noteDeletedElsewhere(note)
        case .notesPlaced(let placed, let reason, let notice): notesPlaced(placed, readOnlyReason: reason, notice: notice)
        case .notesMerged(let notes, let added, let conflicts):
            notesDidChange(notes)
            message = "\(added) note\(added == 1 ? "" : "s") added" + (conflicts > 0 ? ", \(conflicts) kept twice (#conflict)" : "")
        case .notesMergeFailed(let reason): message = "Not merged: \(reason)"
        }
        return []
    }

    /// Handles one key: the keymap of the top layer turns it into a command.
    func handle(_ key: Key) -> [Effect] {
        switch key {
        case .interrupt: return [.quit]
        case .resize, .tick: return []
        case .mouse: return []  // mice come with the last frame's regions: `Event.mouse`
        default: break
        }
        message = nil
        // Ctrl-J (a line feed) is Enter but in the note editor, where it starts a new line.
        let key = key == .ctrl("j") && !layers.topIs(NoteEditor.self) ? Key.enter : key
        if panes.tooSmall {
            if key == .char("q") || key == .ctrl("c") || key == .escape { return [.quit] }
            return []
        }
        if let prefix = pendingPrefix {
            pendingPrefix = nil
            return completePrefix(prefix, with: key)
        }
        let command = keymap.command(for: key, in: mode)
        if command == .forceQuit {
            // Ctrl-C quits at once, but not over a note being written: that asks first.
            if let editor = layers.top(as: NoteEditor.self), editor.isModified {
                layers.push(Confirmation(question: "Quit and lose the note you are writing? (y/n)", action: .quit))
                return []
            }
            return [.quit]
        }
        if var popup = layers.top {
            let outcome = command.map { popup.perform($0, reader: self) } ?? popup.type(key, reader: self)
            return apply(outcome, to: popup)
        }
        guard let command else {
            if mode == .reading || mode == .notes || mode == .reattaching { message = "\(key.label) is not a key here: press ? for help" }
            return []
        }
        return perform(command)
    }

    /// Writes back the popup on top as it changed, applies the change of stack it asked for,
    /// then the work it asked of the reader.
    func apply(_ outcome: PopupOutcome, to popup: any Popup) -> [Effect] {
        switch outcome.change {
        case .keep: layers.replaceTop(popup)
        case .close: layers.pop()
        case .push(let next):
            layers.replaceTop(popup)
            layers.push(next)
        }
        return outcome.then?(self) ?? []
    }

    /// Carries out a command of the reading view, the selection or the notes pane (popups
    /// carry out their own) and returns what the app loop must do.
    func perform(_ command: Command) -> [Effect] {
        reading.topAnchor = nil
        switch command {
        case .quit: return [.quit]
        case .forceQuit: return [.quit]
        case .lineDown: moveCursor(by: 1)
        case .lineUp: moveCursor(by: -1)
        case .pageDown: page(by: max(1, pageHeight - 2))
        case .pageUp: page(by: -max(1, pageHeight - 2))
        case .halfPageDown: page(by: max(1, pageHeight / 2))
        case .halfPageUp: page(by: -max(1, pageHeight / 2))
        case .top: jump(to: layout.first)
        case .bottom: goToEnd()
        case .nextSection: nextSection()
        case .previousSection: previousSection()
        case .contents: layers.push(ContentsPopup(selected: document.sectionIndex(containing: cursor.block) ?? 0))
        case .nextFootnote: selectFootnote(forward: true)
        case .previousFootnote: selectFootnote(forward: false)
        case .openFootnote: openFootnote()
        case .back:
            if let effects = backToPreviousText() { return effects }
            goBack()
        case .forward: goForward()
        case .toggleFootnotesPane: toggle(footnotes: true)
        case .toggleNotesPane: toggle(footnotes: false)
        case .help:
            // Built here, not while drawing: drawing changes nothing in the state.
            _ = paragraphReferences
            layers.push(HelpPopup())
        case .library:
            // The text being read, as it stands now (the file is written when it is left).
            if let path = textPath, let i = library.firstIndex(where: { $0.path == path }) {
                library[i].position = percent
                library[i].notes = annotations.count
            }
            layers.push(LibraryPopup(reader: self))
        case .toggleRuler: showsRuler.toggle()
        case .search: layers.push(Prompt(kind: .search))
        case .goTo: layers.push(Prompt(kind: .goTo))
        case .nextMatch: nextMatch(forward: true)
        case .previousMatch: nextMatch(forward: false)
        case .setMark: pendingPrefix = "m"; message = "Mark: press a letter"
        case .jumpToMark: pendingPrefix = "'"; message = "Go to mark: press a letter (' for before the last jump)"
        case .toggleParagraphReferences:
            _ = paragraphReferences
            showsParagraphReferences.toggle()
            relayout()
        case .toggleFullWidth, .widerLines, .narrowerLines: changeLineLength(command)
        case .toggleJustification:
            justified.toggle()
            message = justified ? "Lines justified" : "Lines ragged right"
        case .startSelection:
            let reattaching = selection?.reattaching
            startSelection()
            selection?.reattaching = reattaching
        case .caretLeft: move(.left)
        case .caretRight: move(.right)
        case .wordForward: move(.nextWordStart)
        case .wordEnd: move(.wordEnd)
        case .wordBackward: move(.previousWordStart)
        case .caretLineStart: move(.lineStart)
        case .caretLineEnd: move(.lineEnd)
        case .sentenceForward: move(.nextSentence)
        case .sentenceBackward: move(.previousSentence)
        case .selectParagraphs: selectParagraphs()
        case .annotate: return annotate()
        case .focusNotes: focusNotes()
        case .extendLineDown: extendSelection(lines: 1)
        case .extendLineUp: extendSelection(lines: -1)
        case .extendWordForward: extendSelection(words: 1)
        case .extendWordBackward: extendSelection(words: -1)
        case .swapSelectionEnds: selection?.movesStart.toggle()
        case .cancelSelection:
            if selection?.reattaching != nil { message = "Re-attaching cancelled: the note stays orphaned" }
            selection = nil
        case .choiceDown: moveNotesSelection(by: 1)
        case .choiceUp: moveNotesSelection(by: -1)
        case .choiceFirst: notesPane.selected = 0
        case .choiceLast: notesPane.selected = max(0, notesInPane.count - 1)
        case .scrollPageDown: moveNotesSelection(by: max(1, pageHeight / 4))
        case .scrollPageUp: moveNotesSelection(by: -max(1, pageHeight / 4))
        case .viewNote: viewSelectedNote()
        case .filterNotes: layers.push(Prompt(kind: .notesFilter))
        case .chooseTag: chooseTag()
        case .toggleNotesOrder: notesPane.toggleOrder()
        case .goToPassage: goToSelectedNote()
        case .editNote: editSelectedNote()
        case .deleteNote: askToDeleteSelectedNote()
        case .reattachNote: reattachSelectedNote()
        case .cycleNotesScope: notesPane.cycleScope()
        case .leaveNotes:
            if notesPane.isFiltered {
                notesPane.clearFilter()
                message = "Filter cleared (Esc again returns to the text)"
            } else {
                notesPane.focus = false
            }
        default: break  // a popup's command: the popup carries it out
        }
        return []
    }

    /// Takes a new screen size: lays the text out again for the new width and keeps the
    /// reader on the same words.
    func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        relayout()
    }

    /// Lays the text out again if the text column changed width, keeping cursor and top on
    /// the same words.
    func relayout() {
        let column = max(1, panes.textColumn.width)
        guard column != layout.width else { clampTop(); scrollToCursor(); return }
        let anchor = reading.cursorAnchor ?? layout.canonicalOffset(of: cursor)
        let topOffset = reading.topAnchor ?? layout.canonicalOffset(of: top)
        layout = DocumentLayout(document: document, width: column, measure: measure, reusing: layout)
        reading.relaid(cursorOffset: anchor, topOffset: topOffset, in: layout)
        clampTop()
        scrollToCursor()
    }

    func toggle(footnotes: Bool) {
        if footnotes { footnotesPaneChoice = !showsFootnotesPane } else { notesPaneChoice = !showsNotesPane }
        relayout()
    }

    /// The canonical offset of the reading cursor.
    public var cursorOffset: Int { layout.canonicalOffset(of: cursor) }

    /// The section the cursor is in. Front matter (a Gutenberg header) ends where reading
    /// starts: the title page after it belongs to no section.
    public var currentSection: Section? {
        guard let index = document.sectionIndex(containing: cursor.block) else { return nil }
        let section = document.sections[index]
        if section.isMatter, section.block < document.startBlock, cursor.block >= document.startBlock { return nil }
        return section
    }

    /// How far through the text the cursor is, 0–100.
    public var percent: Int {
        guard document.scalarCount > 0, cursor < step(layout.last, by: isSeparator(layout.last) ? -1 : 0) else { return 100 }
        return min(99, cursorOffset * 100 / document.scalarCount)
    }
}
