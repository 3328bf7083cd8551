import LectioUI

/// Comparing screens with expected text, with a readable difference on failure.
public enum ScreenText {
    /// Lines that differ between a screen and the expected lines, as a report, or `nil` when equal.
    /// Expected lines compare with trailing spaces removed.
    public static func difference(_ screen: Screen, expected: [String]) -> String? {
        let actual = screen.lines
        var report: [String] = []
        for i in 0..<max(actual.count, expected.count) {
            let a = i < actual.count ? actual[i] : "<none>"
            var e = i < expected.count ? expected[i] : "<none>"
            while e.last == " " { e.removeLast() }
            if a != e { report.append("row \(i):\n  expected: |\(e)|\n  actual:   |\(a)|") }
        }
        return report.isEmpty ? nil : report.joined(separator: "\n")
    }

    /// The glyphs of the overview ruler, which stands in the text pane's last column.
    public static let rulerGlyphs: Set<Character> = ["▐", "█", "▪"]

    /// A row of the text pane without the ruler's glyph and the spaces before it at its end.
    public static func withoutRuler<S: StringProtocol>(_ row: S) -> String {
        var s = String(row)
        while let last = s.last, last == " " || rulerGlyphs.contains(last) { s.removeLast() }
        return s
    }

    /// The first row holding `text`, or `nil`.
    public static func row(of text: String, in screen: Screen) -> Int? {
        screen.lines.firstIndex { $0.contains(text) }
    }
}
