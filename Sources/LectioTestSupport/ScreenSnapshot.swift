import Foundation
import LectioUI
import Testing

/// Screens as snapshot files: the text a person reads, then the style of every cell, so that a
/// test compares what is drawn and how (bold, reverse, colour roles).
///
/// A snapshot file is the screen's rows, a line `--- styles`, the same rows with one letter a
/// cell (`.` for plain, a letter for each other style), and a legend `a: bold heading`… To
/// record or re-record snapshots after a deliberate change of the screen, run the tests with
/// `LECTIO_RECORD_SNAPSHOTS=1 swift test --filter Snapshot` and review the diff in git.
public enum ScreenSnapshot {
    /// The snapshot text of a screen.
    public static func text(of screen: Screen) -> String {
        var legend: [Style: Character] = [.plain: "."]
        var order: [Style] = []
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var styleRows: [String] = []
        for y in 0..<screen.height {
            var row = ""
            for x in 0..<screen.width {
                let cell = screen[x, y]
                if cell.isContinuation { row.append(row.last ?? "."); continue }
                // A blank keeps its style only where it shows (reverse or underline).
                var style = cell.style
                if cell.text == " ", style.attributes.isDisjoint(with: [.reverse, .underline]) { style = .plain }
                if legend[style] == nil {
                    legend[style] = letters[min(order.count, letters.count - 1)]
                    order.append(style)
                }
                row.append(legend[style]!)
            }
            while row.last == "." { row.removeLast() }
            styleRows.append(row)
        }
        var out = screen.lines.joined(separator: "\n") + "\n--- styles\n" + styleRows.joined(separator: "\n") + "\n--- legend\n"
        for style in order { out += "\(legend[style]!): \(describe(style))\n" }
        return out
    }

    static func describe(_ style: Style) -> String {
        var words: [String] = []
        let names: [(Style.Attributes, String)] = [(.bold, "bold"), (.reverse, "reverse"), (.underline, "underline"), (.dim, "dim"), (.italic, "italic")]
        for (a, name) in names where style.attributes.contains(a) { words.append(name) }
        words.append("\(style.role)")
        return words.joined(separator: " ")
    }

    /// The folder of the snapshot files.
    public static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/Snapshots")

    /// Compares `screen` with the snapshot `name`, recording it when asked to (or when it does
    /// not exist yet, which fails the test so that a new snapshot is always looked at).
    public static func check(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name + ".txt")
        let actual = text(of: screen)
        let record = ProcessInfo.processInfo.environment["LECTIO_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            if !record { Issue.record("snapshot \(name) did not exist: recorded it, look at it and run again", sourceLocation: sourceLocation) }
            return
        }
        guard expected != actual else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : "") != (i < a.count ? a[i] : "") {
            let expectedLine = i < e.count ? String(e[i]) : "(none)"
            let actualLine = i < a.count ? String(a[i]) : "(none)"
            diff.append("line \(i + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)")
            if diff.count == 12 { break }
        }
        let report = diff.joined(separator: "\n")
        Issue.record("snapshot \(name) differs (LECTIO_RECORD_SNAPSHOTS=1 re-records):\n\(report)", sourceLocation: sourceLocation)
    }
}
