import LectioCore

/// A one-line prompt on the status line: a search (`/`), a go-to (`:`), or the notes pane's filter (`/` there).
public struct Prompt: Popup, Equatable {
    public enum Kind: Sendable, Equatable { case search, goTo, notesFilter }
    public var kind: Kind
    public var characters: [Character] = []
    public var caret = 0
    /// Which earlier entry Up has recalled (counting back from the newest).
    public var recalled: Int?

    /// An empty prompt.
    public init(kind: Kind) { self.kind = kind }
    /// The text typed.
    public var text: String { String(characters) }
    /// What stands before the text.
    public var lead: String { kind == .goTo ? ":" : "/" }

    public static let mode = Mode("prompt", title: "Search and go-to prompt (other keys type)")
    public static let bindings: [KeyBinding] = [
        KeyBinding([.enter], .submitPrompt),
        KeyBinding([.escape], .cancelPrompt),
        KeyBinding([.left], .caretLeft),
        KeyBinding([.right], .caretRight),
        KeyBinding([.home, .ctrl("a")], .caretLineStart),
        KeyBinding([.end, .ctrl("e")], .caretLineEnd),
        KeyBinding([.backspace], .deleteBackward),
        KeyBinding([.delete], .deleteForward),
        KeyBinding([.ctrl("u")], .clearPrompt),
        KeyBinding([.up], .recallOlder),
        KeyBinding([.down], .recallNewer),
        KeyBinding([.ctrl("c")], .forceQuit),
    ]

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        switch command {
        case .submitPrompt:
            let submitted = self
            return .close { $0.submit(submitted); return [] }
        case .cancelPrompt: return .close
        case .caretLeft: caret = max(0, caret - 1)
        case .caretRight: caret = min(characters.count, caret + 1)
        case .caretLineStart: caret = 0
        case .caretLineEnd: caret = characters.count
        case .deleteBackward:
            if caret > 0 { characters.remove(at: caret - 1); caret -= 1 }
        case .deleteForward:
            if caret < characters.count { characters.remove(at: caret) }
        case .clearPrompt:
            characters.removeAll()
            caret = 0
        case .recallOlder: recall(older: true, entries: kind == .goTo ? reader.search.goToHistory : reader.search.history)
        case .recallNewer: recall(older: false, entries: kind == .goTo ? reader.search.goToHistory : reader.search.history)
        default: break
        }
        return .keep
    }

    /// Any other character is typed at the caret.
    public mutating func type(_ key: Key, reader: AppState) -> PopupOutcome {
        if case .char(let c) = key {
            characters.insert(c, at: caret)
            caret += 1
        }
        return .keep
    }

    /// Up / Down: earlier entries of the same kind, oldest first in `entries`.
    mutating func recall(older: Bool, entries: [String]) {
        guard !entries.isEmpty else { return }
        let index = min(recalled.map { $0 + (older ? 1 : -1) } ?? (older ? 0 : -1), entries.count - 1)
        if index < 0 {
            recalled = nil
            characters = []
        } else {
            recalled = index
            characters = Array(entries[entries.count - 1 - index])
        }
        caret = characters.count
    }

    /// A click elsewhere leaves the prompt.
    public mutating func click(_ event: MouseEvent, rect: Rect?, reader: AppState) -> PopupOutcome {
        event.kind == .click && rect?.contains(x: event.x, y: event.y) != true ? .close : .keep
    }

    /// Drawn on the status line: the lead, the text (scrolled to keep the caret in view) and
    /// the caret.
    public func draw(into screen: inout Screen, reader: AppState) -> Rect? {
        let rect = reader.panes.status
        screen.fill(rect)
        screen.put(lead, x: rect.x, y: rect.y, style: Style(.bold))
        let room = rect.width - 2
        var first = 0
        while first < caret, screen.measure.width(of: String(characters[first..<caret])) >= room { first += 1 }
        screen.put(String(characters[first...]), x: rect.x + 1, y: rect.y, maxWidth: room)
        let col = rect.x + 1 + screen.measure.width(of: String(characters[first..<caret]))
        let under = col < screen.width ? screen[col, rect.y].text : " "
        screen.put(under.isEmpty ? " " : under, x: col, y: rect.y, style: Style(.reverse))
        return rect
    }
}
