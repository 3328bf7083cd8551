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

    /// The screen's lines for a box `width` columns wide: each mode's keys, then marks and
    /// files. Every entry wraps to the width (never cut): beside its keys when there is room,
    /// under them when the box is narrow.
    func lines(_ reader: AppState, width: Int) -> [(String, Style)] {
        let room = max(10, width - 4)
        let wrapper = TextWrapper(measure: reader.measure)
        var out: [(String, Style)] = []
        func entry(_ label: String, _ text: String, style: Style = .plain) {
            let keyColumn = room >= 56 ? 22 : 0
            if keyColumn > 0, reader.measure.width(of: label) < keyColumn - 2 {
                let wrapped = wrapper.wrap(text, width: room - keyColumn)
                for (i, line) in wrapped.enumerated() {
                    out.append(((i == 0 ? label.padding(toLength: keyColumn) : String(repeating: " ", count: keyColumn)) + line.text, style))
                }
            } else {
                for line in wrapper.wrap(label, width: room, hanging: 2) { out.append((String(repeating: " ", count: line.indent) + line.text, style)) }
                for line in wrapper.wrap(text, width: room, indent: 6) { out.append((String(repeating: " ", count: line.indent) + line.text, style)) }
            }
        }
        func paragraph(_ text: String, style: Style = .plain) {
            for line in wrapper.wrap(text, width: room, indent: 2, hanging: 2) { out.append((String(repeating: " ", count: line.indent) + line.text, style)) }
        }
        let keymap = reader.keymap
        for mode in keymap.modes {
            out.append(("\(mode.title)  [keys.\(mode.name)]", Style(.bold, role: .heading)))
            var seen: [Command] = []
            for binding in keymap.bindings[mode] ?? [] where !seen.contains(binding.command) {
                seen.append(binding.command)
                let keys = keymap.keys(for: binding.command, in: mode).map(\.label).joined(separator: " ")
                entry("  " + keys, binding.command.summary + "  = \(binding.command.configName)")
            }
            out.append(("", .plain))
        }
        out.append(("Marks (kept between runs)", Style(.bold, role: .heading)))
        if reader.marks.isEmpty { paragraph("none yet: m then a letter sets one", style: Style(.dim, role: .muted)) }
        for (letter, offset) in reader.marks.sorted(by: { $0.key < $1.key }) {
            let block = reader.document.blockIndex(containing: offset)
            let section = reader.document.sectionIndex(containing: block).map { reader.document.sections[$0].title } ?? "start"
            entry("  '\(letter)", "\(section) (paragraph \(reader.paragraphReferences.label(ofBlock: block) ?? "-"))")
        }
        out.append(("", .plain))
        out.append(("Files", Style(.bold, role: .heading)))
        paragraph("Notes file: \(reader.notesFilePath ?? "none")")
        if let statePath = reader.stateFilePath { paragraph("Reading state: \(statePath)") }
        return out
    }

    func rect(_ reader: AppState) -> Rect {
        let (x, width) = reader.popupColumns(preferred: 84)
        let height = min(lines(reader, width: width).count + 2, reader.height - 2)
        return Rect(x: x, y: max(0, (reader.height - 1 - height) / 2), width: width, height: height)
    }

    func maxScroll(_ reader: AppState) -> Int {
        let r = rect(reader)
        return max(0, lines(reader, width: r.width).count - (r.height - 2))
    }

    public func draw(into screen: inout Screen, reader: AppState) -> Rect? {
        let r = rect(reader)
        let all = lines(reader, width: r.width)
        let maxScroll = max(0, all.count - (r.height - 2))
        let hint = maxScroll == 0 ? "Esc close" : r.width >= 50 ? "j/k Space/b g/G scroll · Esc close" : "j/k scroll · Esc"
        screen.box(r, title: "Keys", hint: hint)
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
