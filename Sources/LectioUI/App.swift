import LectioCore

/// What the app loop needs of a terminal: its size, a way to show a frame, and keys.
public protocol TerminalDevice: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Shows a finished frame.
    func present(_ screen: Screen)
    /// Waits for the next key; `nil` when input has ended.
    func nextKey() -> Key?
}

/// The one loop that owns input, resizing and drawing.
public final class App {
    public let state: AppState
    let terminal: TerminalDevice

    /// An app for a state on a terminal.
    public init(state: AppState, terminal: TerminalDevice) {
        self.state = state
        self.terminal = terminal
    }

    /// Runs until the reader quits or input ends.
    public func run() {
        let size = terminal.size
        if size.width != state.width || size.height != state.height { state.resize(width: size.width, height: size.height) }
        while true {
            terminal.present(FrameRenderer.render(state))
            guard let key = terminal.nextKey() else { return }
            if key == .resize {
                let size = terminal.size
                state.resize(width: size.width, height: size.height)
                continue
            }
            let effects = state.handle(key)
            if effects.contains(.quit) { return }
        }
    }
}
