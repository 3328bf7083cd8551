/// The overview ruler, drawn with block glyphs in the text pane's rightmost column: the page
/// in view as `▐`, marks as `▪` (`█` inside the view), each kind in its colour — section
/// starts as headings, footnote markers as markers, personal notes as annotations, search
/// matches as matches.
struct RulerView {
    let state: AppState

    /// The colour role of a mark.
    static func role(of mark: Ruler.Mark) -> Style.Role {
        switch mark {
        case .section: return .heading
        case .footnote: return .marker
        case .note: return .annotation
        case .match: return .match
        }
    }

    func draw(into screen: inout Screen, rect: Rect) {
        guard let ruler = state.ruler else { return }
        for row in 0..<min(ruler.rows, rect.height) {
            let inView = ruler.view.contains(row)
            let y = rect.y + row
            if let mark = ruler.marks[row] {
                screen.put(inView ? "█" : "▪", x: rect.x, y: y, style: Style(mark == .match ? [.bold] : [], role: Self.role(of: mark)))
            } else if inView {
                screen.put("▐", x: rect.x, y: y, style: Style(.dim, role: .muted))
            } else {
                screen.put(" ", x: rect.x, y: y)
            }
        }
    }
}
