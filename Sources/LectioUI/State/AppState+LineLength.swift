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
}
