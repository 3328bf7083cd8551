/// Which keys apply: the reading view, or the popup on top.
public enum Mode: String, Sendable, CaseIterable {
    case reading, selecting, notes, footnote, contents, editor, confirm, prompt, help

    /// The heading of this mode's keys on the help screen.
    public var title: String {
        switch self {
        case .reading: return "Reading"
        case .selecting: return "Selecting a passage"
        case .notes: return "Notes pane"
        case .editor: return "Note editor (other keys type)"
        case .confirm: return "Questions"
        case .prompt: return "Search and go-to prompt (other keys type)"
        case .footnote: return "Footnote popup"
        case .contents: return "Table of contents"
        case .help: return "This help"
        }
    }
}

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

    /// The command bound to `key` in `mode`.
    public func command(for key: Key, in mode: Mode) -> Command? {
        bindings[mode]?.first { $0.keys.contains(key) }?.command
    }

    /// The keys of `command` in `mode`, written for people.
    public func keys(for command: Command, in mode: Mode) -> [Key] {
        bindings[mode]?.filter { $0.command == command }.flatMap(\.keys) ?? []
    }

    /// The keymap Lectio ships, close to `less` and vim habits.
    public static let standard = Keymap(bindings: [
        .reading: [
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
        .selecting: [
            KeyBinding([.char("j"), .down], .extendLineDown),
            KeyBinding([.char("k"), .up], .extendLineUp),
            KeyBinding([.char("w"), .right], .extendWordForward),
            KeyBinding([.char("b"), .left], .extendWordBackward),
            KeyBinding([.char("o")], .swapSelectionEnds),
            KeyBinding([.char("a"), .enter], .annotate),
            KeyBinding([.escape, .char("v")], .cancelSelection),
            KeyBinding([.ctrl("c")], .forceQuit),
        ],
        .notes: [
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
        .footnote: [
            KeyBinding([.char("j"), .down], .scrollDown),
            KeyBinding([.char("k"), .up], .scrollUp),
            KeyBinding([.space, .pageDown], .scrollPageDown),
            KeyBinding([.char("b"), .pageUp], .scrollPageUp),
            KeyBinding([.enter], .goToNote),
            KeyBinding([.ctrl("o"), .backspace], .back),
            KeyBinding([.char("n")], .nextMatch),
            KeyBinding([.char("N")], .previousMatch),
            KeyBinding([.tab], .nextFootnote),
            KeyBinding([.backTab], .previousFootnote),
            KeyBinding([.escape, .char("q")], .close),
            KeyBinding([.ctrl("c")], .forceQuit),
        ],
        .contents: [
            KeyBinding([.char("j"), .down], .choiceDown),
            KeyBinding([.char("k"), .up], .choiceUp),
            KeyBinding([.char("g"), .home], .choiceFirst),
            KeyBinding([.char("G"), .end], .choiceLast),
            KeyBinding([.enter], .choose),
            KeyBinding([.escape, .char("q"), .char("t")], .close),
            KeyBinding([.ctrl("c")], .forceQuit),
        ],
        .editor: [
            KeyBinding([.enter], .saveNote),
            KeyBinding([.ctrl("j"), .alt("\n")], .newLine),
            KeyBinding([.escape], .cancelEditor),
            KeyBinding([.ctrl("e")], .externalEditor),
            KeyBinding([.left], .caretLeft),
            KeyBinding([.right], .caretRight),
            KeyBinding([.home, .ctrl("a")], .caretLineStart),
            KeyBinding([.end], .caretLineEnd),
            KeyBinding([.backspace], .deleteBackward),
            KeyBinding([.delete], .deleteForward),
            KeyBinding([.ctrl("c")], .forceQuit),
        ],
        .confirm: [
            KeyBinding([.char("y"), .char("Y")], .confirmYes),
            KeyBinding([.char("n"), .char("N"), .escape], .confirmNo),
            KeyBinding([.ctrl("c")], .forceQuit),
        ],
        .prompt: [
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
        ],
        .help: [
            KeyBinding([.char("j"), .down], .scrollDown),
            KeyBinding([.char("k"), .up], .scrollUp),
            KeyBinding([.space, .pageDown], .scrollPageDown),
            KeyBinding([.char("b"), .pageUp], .scrollPageUp),
            KeyBinding([.escape, .char("q"), .char("?")], .close),
            KeyBinding([.ctrl("c")], .forceQuit),
        ],
    ])
}

extension Key {
    /// `Ctrl` with this letter key.
    var withCtrl: Key {
        if case .char(let c) = self { return .ctrl(c) }
        return self
    }
}
