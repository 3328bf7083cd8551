import LectioCore

/// The help screen, generated from the keymap in force: every key of every mode, the marks,
/// and the files in use.
public struct HelpPopup: Popup, Equatable {
    /// First line shown.
    public var scroll: Int = 0

    public init() {}

    public static let mode = Mode("help", title: "This help")
    public static let bindings: [KeyBinding] = [
        KeyBinding([.char("j"), .down], .scrollDown),
        KeyBinding([.char("k"), .up], .scrollUp),
        KeyBinding([.space, .pageDown, .char("f"), .ctrl("f")], .scrollPageDown),
        KeyBinding([.char("b"), .pageUp, .ctrl("b")], .scrollPageUp),
        KeyBinding([.char("g"), .home], .choiceFirst),
        KeyBinding([.char("G"), .end], .choiceLast),
        KeyBinding([.escape, .char("q"), .char("?")], .close),
        KeyBinding([.ctrl("c")], .forceQuit),
    ]

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        let page = max(1, rect(reader).height - 3)
        switch command {
        case .scrollDown: scroll(by: 1, reader)
        case .scrollUp: scroll(by: -1, reader)
        case .scrollPageDown: scroll(by: page, reader)
        case .scrollPageUp: scroll(by: -page, reader)
        case .choiceFirst: scroll = 0
        case .choiceLast: scroll = maxScroll(reader)
        case .close: return .close
        default: break
        }
        return .keep
    }

    mutating func scroll(by n: Int, _ reader: AppState) { scroll = max(0, min(scroll + n, maxScroll(reader))) }

    /// The screen's lines: each mode's keys, then marks and files.
    func lines(_ reader: AppState) -> [(String, Style)] {
        var out: [(String, Style)] = []
        let keymap = reader.keymap
        for mode in keymap.modes {
            out.append((mode.title, Style(.bold, role: .heading)))
            var seen: [Command] = []
            for binding in keymap.bindings[mode] ?? [] where !seen.contains(binding.command) {
                seen.append(binding.command)
                let keys = keymap.keys(for: binding.command, in: mode).map(\.label).joined(separator: " ")
                out.append(("  " + keys.padding(toLength: 22) + binding.command.summary, .plain))
            }
            out.append(("", .plain))
        }
        out.append(("Marks (kept between runs)", Style(.bold, role: .heading)))
        if reader.marks.isEmpty { out.append(("  none yet: m then a letter sets one", Style(.dim, role: .muted))) }
        for (letter, offset) in reader.marks.sorted(by: { $0.key < $1.key }) {
            let block = reader.document.blockIndex(containing: offset)
            let section = reader.document.sectionIndex(containing: block).map { reader.document.sections[$0].title } ?? "start"
            out.append(("  '\(letter)".padding(toLength: 22) + "\(section) (paragraph \(reader.paragraphReferences.label(ofBlock: block) ?? "-"))", .plain))
        }
        out.append(("", .plain))
        out.append(("Files", Style(.bold, role: .heading)))
        out.append(("  Notes file: \(reader.notesFilePath ?? "none")", .plain))
        if let statePath = reader.stateFilePath { out.append(("  Reading state: \(statePath)", .plain)) }
        return out
    }

    func rect(_ reader: AppState) -> Rect {
        let width = min(84, reader.width - 4)
        let height = min(lines(reader).count + 2, reader.height - 2)
        return Rect(x: (reader.width - width) / 2, y: max(0, (reader.height - 1 - height) / 2), width: width, height: height)
    }

    func maxScroll(_ reader: AppState) -> Int { max(0, lines(reader).count - (rect(reader).height - 2)) }

    public func draw(into screen: inout Screen, reader: AppState) -> Rect? {
        let r = rect(reader)
        let all = lines(reader)
        let maxScroll = max(0, all.count - (r.height - 2))
        screen.box(r, title: "Keys", hint: maxScroll > 0 ? "j/k scroll · Esc close" : "Esc close")
        let scroll = min(self.scroll, maxScroll)
        for row in 0..<(r.height - 2) where scroll + row < all.count {
            let (text, style) = all[scroll + row]
            screen.put(text, x: r.x + 2, y: r.y + 1 + row, maxWidth: r.width - 4, style: style)
        }
        return r
    }
}

extension String {
    func replacingNewlines() -> String { String(map { $0 == "\n" ? " " : $0 }) }
    func padding(toLength n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
