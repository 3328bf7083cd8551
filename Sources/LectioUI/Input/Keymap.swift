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
    /// Re-attaching an orphan selects as `selecting` does, but `v` starts the passage again at
    /// the word cursor instead of cancelling, and Enter or `a` attach the note.
    public init(reading: [KeyBinding], selecting: [KeyBinding], notes: [KeyBinding], popups: [any Popup.Type]) {
        modes = [.reading, .selecting, .reattaching, .notes] + popups.map { $0.mode }
        let reattaching = selecting.map { binding -> KeyBinding in
            var b = binding
            if b.command == .cancelSelection { b.keys.removeAll { $0 == .char("v") } }
            return b
        } + [KeyBinding([.char("v")], .startSelection)]
        bindings = [.reading: reading, .selecting: selecting, .reattaching: reattaching, .notes: notes]
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
            KeyBinding([.char("=")], .toggleFullWidth),
            KeyBinding([.char("+")], .widerLines),
            KeyBinding([.char("-")], .narrowerLines),
            KeyBinding([.char("J")], .toggleJustification),
            KeyBinding([.left], .caretLeft),
            KeyBinding([.right], .caretRight),
            KeyBinding([.char("w")], .wordForward),
            KeyBinding([.char("e")], .wordEnd),
            KeyBinding([.char("B")], .wordBackward),
            KeyBinding([.char("0")], .caretLineStart),
            KeyBinding([.char("$")], .caretLineEnd),
            KeyBinding([.char(")")], .sentenceForward),
            KeyBinding([.char("(")], .sentenceBackward),
            KeyBinding([.char("v")], .startSelection),
            KeyBinding([.char("V")], .selectParagraphs),
            KeyBinding([.char("a")], .annotate),
            KeyBinding([.char("A"), .ctrl("w")], .focusNotes),
            KeyBinding([.char("L")], .library),
            KeyBinding([.char("R")], .toggleRuler),
            KeyBinding([.char("?"), .char("h")], .help),
            KeyBinding([.char("q"), .char("Q")], .quit),
            KeyBinding([.ctrl("c")], .forceQuit),
        ],
        selecting: [
            KeyBinding([.char("j"), .down], .extendLineDown),
            KeyBinding([.char("k"), .up], .extendLineUp),
            KeyBinding([.char("w"), .char("e")], .extendWordForward),
            KeyBinding([.char("b"), .char("B")], .extendWordBackward),
            KeyBinding([.right], .caretRight),
            KeyBinding([.left], .caretLeft),
            KeyBinding([.char("0")], .caretLineStart),
            KeyBinding([.char("$")], .caretLineEnd),
            KeyBinding([.char(")")], .sentenceForward),
            KeyBinding([.char("(")], .sentenceBackward),
            KeyBinding([.char("V")], .selectParagraphs),
            KeyBinding([.char("o")], .swapSelectionEnds),
            KeyBinding([.char("a"), .enter], .annotate),
            KeyBinding([.escape, .char("v")], .cancelSelection),
            KeyBinding([.ctrl("c")], .forceQuit),
        ],
        notes: ChoiceList.moves + [
            KeyBinding([.pageDown, .space], .scrollPageDown),
            KeyBinding([.pageUp, .char("b")], .scrollPageUp),
            KeyBinding([.enter], .viewNote),
            KeyBinding([.char("p")], .goToPassage),
            KeyBinding([.char("/")], .filterNotes),
            KeyBinding([.char("#")], .chooseTag),
            KeyBinding([.char("o")], .toggleNotesOrder),
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
