import LectioCore

/// The library's filter line (`/` in the library): typed on the status line, applied to the
/// list as it is typed; Enter keeps it, Esc goes back to the filter before.
public struct LibraryFilter: Popup, Equatable {
    /// The filter typed so far.
    public var text: String

    /// A filter line starting from `text`.
    public init(text: String) { self.text = text }

    public static let mode = Mode("library_filter", title: "Library filter (other keys type)")
    public static let bindings: [KeyBinding] = [
        KeyBinding([.enter], .submitPrompt),
        KeyBinding([.escape], .cancelPrompt),
        KeyBinding([.backspace], .deleteBackward),
        KeyBinding([.ctrl("u")], .clearPrompt),
        KeyBinding([.ctrl("c")], .forceQuit),
    ]

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        switch command {
        case .submitPrompt:
            let query = text
            return .close { reader in
                reader.layers.updateTop(LibraryPopup.self) { $0.query = query; $0.selected = 0 }
                return []
            }
        case .cancelPrompt: return .close
        case .deleteBackward: if !text.isEmpty { text.removeLast() }
        case .clearPrompt: text = ""
        default: break
        }
        return .keep
    }

    public mutating func type(_ key: Key, reader: AppState) -> PopupOutcome {
        if case .char(let c) = key { text.append(c) }
        return .keep
    }

    public func draw(into screen: inout Screen, reader: AppState) -> Rect? {
        let rect = reader.panes.status
        screen.fill(rect)
        screen.put("Filter: ", x: rect.x, y: rect.y, style: Style(.bold))
        let room = max(0, rect.width - 10)
        let shown = screen.measure.width(of: text) > room ? String(text.suffix(room)) : text
        let w = screen.put(shown, x: rect.x + 8, y: rect.y, maxWidth: room)
        screen.put(" ", x: rect.x + 8 + w, y: rect.y, style: Style(.reverse))
        return rect
    }
}
