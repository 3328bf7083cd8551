/// Keys bound to one command.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    /// A binding.
    public init(_ keys: [Key], _ command: Command) { self.keys = keys; self.command = command }
}

/// The keymap: for each mode, keys → commands. The help screen is generated from it.
public struct Keymap: Sendable {
    public var bindings: [Mode: [KeyBinding]]
    /// The modes in the order the help screen lists them.
    public var modes: [Mode]

    /// A keymap of these bindings, its modes listed in this order.
    public init(bindings: [Mode: [KeyBinding]], modes: [Mode]) {
        self.bindings = bindings
        self.modes = modes
    }

    /// A keymap from the reader's own modes and each registered popup's bindings.
    public init(reading: [KeyBinding], selecting: [KeyBinding], notes: [KeyBinding], popups: [any Popup.Type]) {
        modes = [.reading, .selecting, .notes] + popups.map { $0.mode }
        bindings = [.reading: reading, .selecting: selecting, .notes: notes]
        for popup in popups { bindings[popup.mode] = popup.bindings }
    }

    /// The command bound to `key` in `mode`.
    public func command(for key: Key, in mode: Mode) -> Command? {
        bindings[mode]?.first { $0.keys.contains(key) }?.command
    }

    /// The keys of `command` in `mode`, written for people.
    public func keys(for command: Command, in mode: Mode) -> [Key] {
        bindings[mode]?.filter { $0.command == command }.flatMap(\.keys) ?? []
    }

    /// The keymap Lectio ships, close to `less` and vim habits.
    public static let standard = Keymap(
        reading: [
            KeyBinding([.char("j"), .down], .lineDown),
            KeyBinding([.char("k"), .up], .lineUp),
            KeyBinding([.space, .pageDown, .char("f").withCtrl], .pageDown),
            KeyBinding([.char("b"), .pageUp, .char("b").withCtrl], .pageUp),
            KeyBinding([.char("d"), .char("d").withCtrl], .halfPageDown),
            KeyBinding([.char("u"), .char("u").withCtrl], .halfPageUp),
            KeyBinding([.char("g"), .home, .char("<")], .top),
            KeyBinding([.char("G"), .end, .char(">")], .bottom),
            KeyBinding([.char("]")], .nextSection),
            KeyBinding([.char("[")], .previousSection),
            KeyBinding([.char("t")], .contents),
            KeyBinding([.tab], .nextFootnote),
            KeyBinding([.backTab], .previousFootnote),
            KeyBinding([.enter], .openFootnote),
            KeyBinding([.ctrl("o"), .backspace], .back),
            KeyBinding([.ctrl("n")], .forward),
            KeyBinding([.char("F")], .toggleFootnotesPane),
            KeyBinding([.char("P")], .toggleNotesPane),
            KeyBinding([.char("/")], .search),
            KeyBinding([.char("n")], .nextMatch),
            KeyBinding([.char("N")], .previousMatch),
            KeyBinding([.char(":")], .goTo),
            KeyBinding([.char("m")], .setMark),
            KeyBinding([.char("'")], .jumpToMark),
            KeyBinding([.char("#")], .toggleParagraphReferences),
            KeyBinding([.char("v")], .startSelection),
            KeyBinding([.char("a")], .annotate),
            KeyBinding([.char("A"), .ctrl("w")], .focusNotes),
            KeyBinding([.char("?"), .char("h")], .help),
            KeyBinding([.char("q"), .char("Q")], .quit),
            KeyBinding([.ctrl("c")], .forceQuit),
        ],
        selecting: [
            KeyBinding([.char("j"), .down], .extendLineDown),
            KeyBinding([.char("k"), .up], .extendLineUp),
            KeyBinding([.char("w"), .right], .extendWordForward),
            KeyBinding([.char("b"), .left], .extendWordBackward),
            KeyBinding([.char("o")], .swapSelectionEnds),
            KeyBinding([.char("a"), .enter], .annotate),
            KeyBinding([.escape, .char("v")], .cancelSelection),
            KeyBinding([.ctrl("c")], .forceQuit),
        ],
        notes: [
            KeyBinding([.char("j"), .down], .choiceDown),
            KeyBinding([.char("k"), .up], .choiceUp),
            KeyBinding([.enter], .goToPassage),
            KeyBinding([.char("e")], .editNote),
            KeyBinding([.char("d")], .deleteNote),
            KeyBinding([.char("r")], .reattachNote),
            KeyBinding([.char("s")], .cycleNotesScope),
            KeyBinding([.escape, .char("A"), .ctrl("w"), .char("q")], .leaveNotes),
            KeyBinding([.ctrl("c")], .forceQuit),
        ],
        popups: Popups.registered
    )
}

extension Key {
    /// `Ctrl` with this letter key.
    var withCtrl: Key {
        if case .char(let c) = self { return .ctrl(c) }
        return self
    }
}
