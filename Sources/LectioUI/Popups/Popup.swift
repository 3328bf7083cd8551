import LectioCore

/// A popup over the text, after helix's compositor: each popup owns its keys (a keymap mode of
/// its own), its drawing and its hit-testing. The reader's state is open to it for reading;
/// what it wants done to the reader it returns as an outcome, which `AppState` applies.
///
/// Adding a popup is adding one file with a type that conforms, and one line in
/// `Popups.registered` (which puts its keys in the keymap and on the help screen).
public protocol Popup: Sendable {
    /// The keymap mode of this kind of popup.
    static var mode: Mode { get }
    /// Its keys; the help screen lists them.
    static var bindings: [KeyBinding] { get }
    /// A command bound in this popup's mode.
    mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome
    /// A key that no binding of the mode takes (typing in an editor or a prompt).
    mutating func type(_ key: Key, reader: AppState) -> PopupOutcome
    /// A click at a cell; `rect` is where the popup stood in the last frame.
    mutating func click(_ event: MouseEvent, rect: Rect?, reader: AppState) -> PopupOutcome
    /// Draws the popup over the frame and returns the rectangle it covers.
    func draw(into screen: inout Screen, reader: AppState) -> Rect?
}

extension Popup {
    public mutating func type(_ key: Key, reader: AppState) -> PopupOutcome { .keep }

    /// By default a click outside closes the popup and a click inside does nothing; the wheel
    /// scrolls.
    public mutating func click(_ event: MouseEvent, rect: Rect?, reader: AppState) -> PopupOutcome {
        switch event.kind {
        case .wheelUp: return perform(.scrollUp, reader: reader)
        case .wheelDown: return perform(.scrollDown, reader: reader)
        case .release: return .keep
        case .click: return rect?.contains(x: event.x, y: event.y) == true ? .keep : .close
        }
    }

    /// This popup's mode.
    public var mode: Mode { Self.mode }
}

/// What a popup asks for after a key or a click: a change of the popup stack, then work on the
/// reader (a jump, a search…), which may return effects.
public struct PopupOutcome {
    /// How the stack changes.
    public enum Change {
        case keep, close, push(any Popup)
    }
    public var change: Change
    /// Done after the change, on the reader.
    public var then: ((AppState) -> [Effect])?

    /// An outcome.
    public init(_ change: Change, then: ((AppState) -> [Effect])? = nil) {
        self.change = change
        self.then = then
    }

    /// Nothing more to do.
    public static var keep: PopupOutcome { PopupOutcome(.keep) }
    /// Close the popup.
    public static var close: PopupOutcome { PopupOutcome(.close) }
    /// Keep the popup, then work on the reader.
    public static func keep(then: @escaping (AppState) -> [Effect]) -> PopupOutcome { PopupOutcome(.keep, then: then) }
    /// Close the popup, then work on the reader.
    public static func close(then: @escaping (AppState) -> [Effect]) -> PopupOutcome { PopupOutcome(.close, then: then) }
}

/// The popups over the text, bottom to top.
public struct LayerStack: Sendable {
    public private(set) var popups: [any Popup] = []

    public init() {}

    public var isEmpty: Bool { popups.isEmpty }
    public var count: Int { popups.count }
    /// The popup on top.
    public var top: (any Popup)? { popups.last }
    /// The popup on top, if it is a `P`.
    public func top<P: Popup>(as type: P.Type) -> P? { popups.last as? P }
    /// Whether the popup on top is a `P`.
    public func topIs<P: Popup>(_ type: P.Type) -> Bool { popups.last is P }

    public mutating func push(_ popup: any Popup) { popups.append(popup) }
    public mutating func pop() { if !popups.isEmpty { popups.removeLast() } }
    public mutating func replaceTop(_ popup: any Popup) {
        if popups.isEmpty { popups.append(popup) } else { popups[popups.count - 1] = popup }
    }
    /// Closes the top popup if it is a `P`.
    public mutating func pop<P: Popup>(_ type: P.Type) { if popups.last is P { popups.removeLast() } }
    /// Changes the top popup in place if it is a `P`.
    public mutating func updateTop<P: Popup>(_ type: P.Type, _ change: (inout P) -> Void) {
        guard var popup = popups.last as? P else { return }
        change(&popup)
        popups[popups.count - 1] = popup
    }
}

/// The popups Lectio has, in the order the help screen lists their keys.
public enum Popups {
    /// Registration: one line per kind of popup.
    public static let registered: [any Popup.Type] = [
        FootnotePopup.self,
        ContentsPopup.self,
        NoteEditor.self,
        Confirmation.self,
        Prompt.self,
        HelpPopup.self,
        SectionChooser.self,
        LibraryPopup.self,
        LibraryFilter.self,
        NoteViewer.self,
        TagChooser.self,
    ]
}

extension AppState {
    /// The columns a popup box takes: `preferred` wide and centred, but never narrower than the
    /// text column and its borders, so that no half-hidden word peeks beside the box.
    func popupColumns(preferred: Int) -> (x: Int, width: Int) {
        let width = min(preferred, self.width - 2)
        let text = panes.textColumn
        guard width < text.width + 2 else { return ((self.width - width) / 2, width) }
        let x = max(0, text.x - 1)
        return (x, min(self.width - x, text.width + 2))
    }
}
