import LectioCore

/// What the app loop needs of a terminal: its size, a way to show a frame, and keys.
public protocol TerminalDevice: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Shows a finished frame.
    func present(_ screen: Screen)
    /// Waits for the next key; `nil` when input has ended.
    func nextKey() -> Key?
    /// Gives the terminal to another program (`$EDITOR`) while `body` runs.
    func suspend(_ body: () -> Void)
}

extension TerminalDevice {
    public func suspend(_ body: () -> Void) { body() }
}

/// The one loop that owns input, resizing and drawing: it turns input into events, gives each
/// to `AppState.update(_:)`, hands the effects it returns to the effect performer, and feeds
/// their results back as events. It calls nothing else on the state.
public final class App {
    public let state: AppState
    let terminal: TerminalDevice
    let effects: EffectPerformer
    /// The effect that ended the loop when it asks for another text (`openText`,
    /// `openPreviousText`); `nil` after a quit or the end of input.
    public private(set) var ending: Effect?

    /// An app for a state on a terminal, with what performs its effects.
    public init(state: AppState, terminal: TerminalDevice, effects: EffectPerformer = NoEffects()) {
        self.state = state
        self.terminal = terminal
        self.effects = effects
    }

    /// Runs until the reader quits or input ends; `pending` are keys typed before the app
    /// started (while a preview was shown), given first.
    public func run(pending: [Key] = []) {
        let size = terminal.size
        if size.width != state.width || size.height != state.height {
            if dispatch(.resize(width: size.width, height: size.height)) { return }
        }
        for key in pending where dispatch(.key(key)) { return }
        // Where things stood in the last frame presented, for the mouse.
        var regions = FrameRegions()
        var changed = true
        while true {
            for event in effects.changesFromOutside() {
                changed = true
                if dispatch(event) { return }
            }
            if changed {
                let frame = FrameRenderer.frame(state)
                regions = frame.regions
                terminal.present(frame.screen)
            }
            guard let key = terminal.nextKey() else { return }
            // A second without input: only a change outside (looked at above) redraws.
            changed = key != .tick
            if key == .tick { continue }
            let event: Event
            switch key {
            case .resize:
                let size = terminal.size
                event = .resize(width: size.width, height: size.height)
            case .mouse(let mouse):
                event = .mouse(mouse, regions: regions)
            default:
                event = .key(key)
            }
            if dispatch(event) { return }
        }
    }

    /// Gives `event` to the state, performs the effects, and feeds their results back, until
    /// nothing is left to do. Returns whether the app should quit.
    func dispatch(_ event: Event) -> Bool {
        var queue = [event]
        while !queue.isEmpty {
            for effect in state.update(queue.removeFirst()) {
                if case .quit = effect { return true }
                if case .openText = effect { ending = effect; return true }
                if case .openPreviousText = effect { ending = effect; return true }
                queue += effects.perform(effect, terminal: terminal)
            }
        }
        return false
    }
}
