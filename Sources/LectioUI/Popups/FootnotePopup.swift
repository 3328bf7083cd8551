import LectioCore

/// The popup of one footnote marker's note: a box over the text with the marker's context and
/// the note, wrapped and scrollable, placed so that the marker's line stays in sight.
public struct FootnotePopup: Popup, Equatable {
    /// Index of the marker in `Document.footnotes`.
    public var marker: Int
    /// First content line shown.
    public var scroll: Int = 0

    /// The popup of a marker.
    public init(marker: Int) { self.marker = marker }

    public static let mode = Mode("footnote", title: "Footnote popup")
    public static let bindings: [KeyBinding] = [
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
    ]

    public mutating func perform(_ command: Command, reader: AppState) -> PopupOutcome {
        switch command {
        case .scrollDown: scroll(by: 1, reader)
        case .scrollUp: scroll(by: -1, reader)
        case .scrollPageDown: scroll(by: max(1, visibleRows(reader) - 1), reader)
        case .scrollPageUp: scroll(by: -max(1, visibleRows(reader) - 1), reader)
        case .goToNote:
            guard let note = reader.document.footnotes[marker].note else {
                return .keep { $0.message = "This marker has no note to go to"; return [] }
            }
            return .close { reader in
                reader.jump(to: LinePosition(block: reader.document.notes[note].block, line: 0))
                return []
            }
        case .back: return .close { $0.goBack(); return [] }
        case .nextMatch: return .close { $0.nextMatch(forward: true); return [] }
        case .previousMatch: return .close { $0.nextMatch(forward: false); return [] }
        case .nextFootnote: return .close { $0.selectFootnote(forward: true); return [] }
        case .previousFootnote: return .close { $0.selectFootnote(forward: false); return [] }
        case .close: return .close
        default: break
        }
        return .keep
    }

    mutating func scroll(by n: Int, _ reader: AppState) {
        scroll = max(0, min(scroll + n, maxScroll(reader)))
    }

    // MARK: Drawing

    /// The last `words` words before a marker, and the marker.
    static func context(of marker: FootnoteMarker, in document: Document, words: Int) -> String {
        let block = document.blocks[marker.block]
        let scalars = block.scalars
        let before = String(String.UnicodeScalarView(scalars[..<marker.range.lowerBound]))
        let tail = before.split(separator: " ", omittingEmptySubsequences: true).suffix(words).joined(separator: " ")
        return tail.replacingNewlines() + String(String.UnicodeScalarView(scalars[marker.range]))
    }

    func contentWidth(_ reader: AppState) -> Int { min(76, reader.width - 4) - 4 }

    func content(_ reader: AppState) -> [(String, Style)] {
        let wrapper = TextWrapper(measure: reader.measure)
        let marker = reader.document.footnotes[self.marker]
        var lines: [(String, Style)] = []
        let context = "…" + Self.context(of: marker, in: reader.document, words: 12)
        for l in wrapper.wrap(context, width: contentWidth(reader)) { lines.append((l.text, Style(.dim, role: .muted))) }
        lines.append(("", .plain))
        if let n = marker.note {
            for l in wrapper.wrap(reader.document.notes[n].text, width: contentWidth(reader)) { lines.append((l.text, .plain)) }
        } else {
            lines.append(("No note was found for this marker.", Style(.bold, role: .notice)))
        }
        return lines
    }

    func rect(_ reader: AppState, contentRows: Int) -> Rect {
        let width = min(76, reader.width - 4)
        let height = min(contentRows + 2, max(5, reader.height * 3 / 5))
        let markerRow = reader.layout.distance(from: reader.top, to: reader.position(ofMarker: marker), limit: reader.height)
        var y = markerRow < reader.pageHeight / 2 ? markerRow + 1 : markerRow - height
        y = max(0, min(y, reader.height - 1 - height))
        return Rect(x: (reader.width - width) / 2, y: y, width: width, height: height)
    }

    func visibleRows(_ reader: AppState) -> Int { rect(reader, contentRows: content(reader).count).height - 2 }
    func maxScroll(_ reader: AppState) -> Int {
        let lines = content(reader).count
        return max(0, lines - (rect(reader, contentRows: lines).height - 2))
    }

    public func draw(into screen: inout Screen, reader: AppState) -> Rect? {
        let lines = content(reader)
        let r = rect(reader, contentRows: lines.count)
        let rows = r.height - 2
        let maxScroll = max(0, lines.count - rows)
        let hasNote = reader.document.footnotes[marker].note != nil
        let hint = !hasNote ? "Esc close" : (maxScroll > 0 ? "j/k scroll · Enter go to note · Esc close" : "Enter go to note · Esc close")
        screen.box(r, title: "Footnote \(reader.document.footnotes[marker].label)", hint: hint)
        let scroll = min(self.scroll, maxScroll)
        for row in 0..<rows where scroll + row < lines.count {
            let (text, style) = lines[scroll + row]
            screen.put(text, x: r.x + 2, y: r.y + 1 + row, maxWidth: r.width - 4, style: style)
        }
        if scroll + rows < lines.count {
            screen.put("↓", x: r.maxX - 1, y: r.maxY - 2, style: Style(role: .border))
        }
        return r
    }
}
