import LectioCore

/// What the app loop must do after a key: the state itself never does I/O.
public enum Effect: Sendable, Equatable {
    case quit
}

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
    /// First line shown in the text pane.
    public internal(set) var top: LinePosition
    /// The reading cursor.
    public internal(set) var cursor: LinePosition
    /// The exact place the cursor stands for, kept across relayouts so that resizing there and
    /// back returns to the same line; `nil` means the start of the cursor's line.
    var cursorAnchor: Int?
    /// The same for the first line shown: a resize and its undoing give back the same screen.
    var topAnchor: Int?
    /// The highlighted footnote marker (index in `document.footnotes`).
    public internal(set) var selectedMarker: Int?
    /// Popups, bottom to top.
    public internal(set) var layers: [Layer] = []
    /// Places before jumps.
    public internal(set) var history = JumpHistory()
    /// The reader's choice for each side pane; `nil` means the default for the width.
    public internal(set) var footnotesPaneChoice: Bool?
    public internal(set) var notesPaneChoice: Bool?
    /// A one-line message for the status line, cleared by the next key.
    public internal(set) var message: String?
    /// Where personal notes are kept, for the help screen.
    public var notesFilePath: String?

    /// A state showing `document` from its reading start on a `width`×`height` screen.
    public init(document: Document, width: Int, height: Int, measure: CharacterWidth = .unicode, keymap: Keymap = .standard) {
        self.document = document
        self.measure = measure
        self.keymap = keymap
        self.width = width
        self.height = height
        let panes = PaneLayout(width: width, height: height,
                               footnotes: PaneLayout.panesShownByDefault(width: width),
                               notes: PaneLayout.panesShownByDefault(width: width))
        layout = DocumentLayout(document: document, width: max(1, panes.textColumn.width), measure: measure)
        let start = LinePosition(block: min(document.startBlock, max(0, document.blocks.count - 1)), line: 0)
        top = start
        cursor = start
        message = document.notices.first
        clampTop()
    }

    /// Whether each side pane is shown now.
    public var showsFootnotesPane: Bool { footnotesPaneChoice ?? PaneLayout.panesShownByDefault(width: width) }
    public var showsNotesPane: Bool { notesPaneChoice ?? PaneLayout.panesShownByDefault(width: width) }

    /// Where the panes stand now.
    public var panes: PaneLayout {
        PaneLayout(width: width, height: height, footnotes: showsFootnotesPane, notes: showsNotesPane)
    }

    /// Rows of the text pane.
    public var pageHeight: Int { max(1, panes.text.height) }

    /// The mode of the top layer.
    public var mode: Mode { layers.last?.mode ?? .reading }

    /// Handles one key: the keymap of the top layer turns it into a command.
    public func handle(_ key: Key) -> [Effect] {
        switch key {
        case .interrupt: return [.quit]
        case .resize: return []
        case .mouse: return []
        default: break
        }
        message = nil
        if panes.tooSmall {
            if key == .char("q") || key == .ctrl("c") || key == .escape { return [.quit] }
            return []
        }
        guard let command = keymap.command(for: key, in: mode) else {
            if mode == .reading { message = "\(key.label) is not a key here: press ? for help" }
            return []
        }
        return perform(command)
    }

    /// Carries out a command and returns what the app loop must do.
    public func perform(_ command: Command) -> [Effect] {
        topAnchor = nil
        switch command {
        case .quit:
            if layers.isEmpty { return [.quit] }
            layers.removeLast()
        case .forceQuit: return [.quit]
        case .close: if !layers.isEmpty { layers.removeLast() }
        case .lineDown: moveCursor(by: 1)
        case .lineUp: moveCursor(by: -1)
        case .pageDown: page(by: max(1, pageHeight - 2))
        case .pageUp: page(by: -max(1, pageHeight - 2))
        case .halfPageDown: page(by: max(1, pageHeight / 2))
        case .halfPageUp: page(by: -max(1, pageHeight / 2))
        case .top: jump(to: layout.first)
        case .bottom: jump(to: layout.last)
        case .nextSection: nextSection()
        case .previousSection: previousSection()
        case .contents:
            layers.append(.contents(ContentsPopup(selected: document.sectionIndex(containing: cursor.block) ?? 0)))
        case .nextFootnote: selectFootnote(forward: true)
        case .previousFootnote: selectFootnote(forward: false)
        case .openFootnote: openFootnote()
        case .goToNote: goToNote()
        case .back: goBack()
        case .forward: goForward()
        case .toggleFootnotesPane: toggle(footnotes: true)
        case .toggleNotesPane: toggle(footnotes: false)
        case .help: layers.append(.help(HelpPopup()))
        case .scrollDown: scrollPopup(by: 1)
        case .scrollUp: scrollPopup(by: -1)
        case .scrollPageDown: scrollPopup(by: max(1, height - 8))
        case .scrollPageUp: scrollPopup(by: -max(1, height - 8))
        case .choiceDown: moveChoice(by: 1)
        case .choiceUp: moveChoice(by: -1)
        case .choiceFirst: moveChoice(by: -document.sections.count)
        case .choiceLast: moveChoice(by: document.sections.count)
        case .choose: chooseSection()
        }
        return []
    }

    /// Takes a new screen size: lays the text out again for the new width and keeps the
    /// reader on the same words.
    public func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        relayout()
    }

    /// Lays the text out again if the text column changed width, keeping cursor and top on
    /// the same words.
    func relayout() {
        let column = max(1, panes.textColumn.width)
        guard column != layout.width else { clampTop(); scrollToCursor(); return }
        let anchor = cursorAnchor ?? layout.canonicalOffset(of: cursor)
        let topOffset = topAnchor ?? layout.canonicalOffset(of: top)
        layout = DocumentLayout(document: document, width: column, measure: measure)
        cursor = layout.position(ofCanonical: anchor)
        top = layout.position(ofCanonical: topOffset)
        cursorAnchor = anchor
        topAnchor = topOffset
        clampTop()
        scrollToCursor()
    }

    func toggle(footnotes: Bool) {
        if footnotes { footnotesPaneChoice = !showsFootnotesPane } else { notesPaneChoice = !showsNotesPane }
        relayout()
    }

    /// The canonical offset of the reading cursor.
    public var cursorOffset: Int { layout.canonicalOffset(of: cursor) }

    /// The section the cursor is in.
    public var currentSection: Section? {
        document.sectionIndex(containing: cursor.block).map { document.sections[$0] }
    }

    /// How far through the text the cursor is, 0–100.
    public var percent: Int {
        guard document.scalarCount > 0 else { return 100 }
        if cursor == layout.last || layout.move(top, by: pageHeight - 1) == layout.last && cursor >= top {
            if layout.distance(from: top, to: layout.last, limit: pageHeight) < pageHeight { return 100 }
        }
        return min(100, cursorOffset * 100 / document.scalarCount)
    }
}
