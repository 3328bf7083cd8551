/// A key press (or terminal event) as the app sees it.
public enum Key: Sendable, Hashable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, backspace, tab, backTab, escape, delete
    /// Alt (Meta) with a key: Esc then the key.
    case alt(Character)
    /// A mouse event at a screen cell.
    case mouse(MouseEvent)
    /// The terminal changed size.
    case resize
    /// A signal asked the app to stop (SIGTERM, SIGHUP…).
    case interrupt
    /// A second passed without input: the app looks whether files changed.
    case tick
    /// Anything else the terminal sent.
    case unknown(Int)

    /// The space bar.
    public static let space = Key.char(" ")

    /// How the key is written in help and docs.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(c.uppercased())"
        case .alt("\n"): return "Alt-Enter"
        case .alt(let c): return "Alt-\(c)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .delete: return "Delete"
        case .mouse: return "mouse"
        case .resize: return "resize"
        case .interrupt: return "signal"
        case .tick: return "tick"
        case .unknown(let n): return "key \(n)"
        }
    }
}

/// A mouse event: a click or a wheel turn at a cell.
public struct MouseEvent: Sendable, Hashable {
    /// A press of the button (`click`), its release (the end of a drag), the wheel.
    public enum Kind: Sendable, Hashable { case click, release, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    /// An event.
    public init(kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}
