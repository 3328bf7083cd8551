import LectioCore

extension AppState {
    /// The measure Lectio starts with: 72 columns, within the 60–75 characters typographers
    /// (and KOReader, Foliate, Kindle) keep for comfortable reading.
    public static let defaultLineLength = 72
    /// The narrowest and widest measures `-` and `+` reach.
    static let lineLengths = 30...240
    /// Columns `+` and `-` add or take.
    static let lineLengthStep = 4

    /// Widens the text to the full pane and back (`=`), or changes the measure by a step
    /// (`+`, `-`); the reader stays on the same words.
    func changeLineLength(_ command: Command) {
        let available = max(1, panes.text.width - 3 - panes.gutter)
        switch command {
        case .toggleFullWidth:
            lineLength = lineLength == nil ? Self.defaultLineLength : nil
        case .widerLines:
            let current = lineLength ?? available
            lineLength = current + Self.lineLengthStep >= available ? nil : min(Self.lineLengths.upperBound, current + Self.lineLengthStep)
        case .narrowerLines:
            let current = min(lineLength ?? available, available)
            lineLength = max(Self.lineLengths.lowerBound, current - Self.lineLengthStep)
        default: return
        }
        relayout()
        message = lineLength.map { "Lines of at most \($0) columns" } ?? "Lines as wide as the pane"
    }

    /// The columns spread over the spaces of the line at `p` when lines are justified: every
    /// line of running text but the last of its paragraph. Drawing and the mouse both use it.
    func justification(ofLineAt p: LinePosition) -> Int {
        let line = layout.line(at: p)
        guard justified, line.ornament == .none, line.text.contains(" ") else { return 0 }
        switch document.blocks[p.block].kind {
        case .paragraph, .quote, .listItem, .footnote: break
        default: return 0
        }
        let below = layout.move(p, by: 1)
        guard below != p, below.block == p.block else { return 0 }
        let next = layout.line(at: below)
        guard next.continues, next.ornament == .none else { return 0 }
        return max(0, panes.textColumn.width - line.indent - line.width)
    }

    /// The extra columns after the `gap`-th space of a line spread `justify` columns over
    /// `gaps` spaces: evenly, the first spaces taking one more.
    static func justificationColumns(gap: Int, of gaps: Int, spreading justify: Int) -> Int {
        gaps > 0 ? justify / gaps + (gap < justify % gaps ? 1 : 0) : 0
    }
}
