/// The highlighted entry of a list drawn in a box, and how keys, the wheel and clicks move it:
/// the one behaviour of the popups that are lists (contents, section chooser, tag chooser).
public struct ChoiceList: Sendable, Equatable {
    /// The highlighted entry.
    public var selected: Int

    /// A list with `selected` highlighted.
    public init(selected: Int = 0) { self.selected = selected }

    /// The keys that move the highlight in every list (the popups' lists, the notes pane):
    /// `j`/`k` and the arrows, `g`/`G` and Home/End, as in `less` and vim.
    public static let moves: [KeyBinding] = [
        KeyBinding([.char("j"), .down], .choiceDown),
        KeyBinding([.char("k"), .up], .choiceUp),
        KeyBinding([.char("g"), .home], .choiceFirst),
        KeyBinding([.char("G"), .end], .choiceLast),
    ]

    /// The keys of a chooser (a list to pick one entry from, then close): `j`/`k`, Tab and
    /// Shift-Tab, `g`/`G`, Enter, Esc.
    public static let chooserBindings: [KeyBinding] = [
        KeyBinding([.char("j"), .down, .tab], .choiceDown),
        KeyBinding([.char("k"), .up, .backTab], .choiceUp),
        KeyBinding([.char("g"), .home], .choiceFirst),
        KeyBinding([.char("G"), .end], .choiceLast),
        KeyBinding([.enter], .choose),
        KeyBinding([.escape, .char("q")], .close),
        KeyBinding([.ctrl("c")], .forceQuit),
    ]

    /// Moves for a list command (`j`/`k`, the wheel, `g`/`G`) in a list of `count` entries;
    /// whether the command was one of these.
    mutating func move(_ command: Command, count: Int) -> Bool {
        guard count > 0 else { return false }
        switch command {
        case .choiceDown, .scrollDown: selected = min(count - 1, selected + 1)
        case .choiceUp, .scrollUp: selected = max(0, selected - 1)
        case .choiceFirst: selected = 0
        case .choiceLast: selected = count - 1
        default: return false
        }
        return true
    }

    /// The first entry shown in `rows` rows: the highlighted one kept near the middle.
    func firstShown(rows: Int, count: Int) -> Int { max(0, min(selected - rows / 2, count - rows)) }

    /// The entry under a click inside `rect` (the box, its border included), if any.
    func entry(atRow y: Int, in rect: Rect, count: Int) -> Int? {
        let i = firstShown(rows: rect.height - 2, count: count) + y - rect.y - 1
        return y > rect.y && y < rect.maxY - 1 && (0..<count).contains(i) ? i : nil
    }
}

/// A popup that is a list in a box: it takes clicks the same way — on an entry, chooses it; on
/// the border or beside the list, nothing; outside the box, closes it; the wheel moves.
public protocol ListPopup: Popup {
    /// The highlighted entry.
    var list: ChoiceList { get set }
    /// How many entries the list has now.
    func entryCount(_ reader: AppState) -> Int
}

extension ListPopup {
    public mutating func click(_ event: MouseEvent, rect: Rect?, reader: AppState) -> PopupOutcome {
        switch event.kind {
        case .release: return .keep
        case .wheelUp: return perform(.scrollUp, reader: reader)
        case .wheelDown: return perform(.scrollDown, reader: reader)
        case .click: break
        }
        guard let rect, rect.contains(x: event.x, y: event.y) else { return .close }
        guard let i = list.entry(atRow: event.y, in: rect, count: entryCount(reader)) else { return .keep }
        list.selected = i
        return perform(.choose, reader: reader)
    }
}
