import LectioCore

/// A frame drawn, and where its parts stood (for the mouse).
public struct Frame: Sendable {
    public var screen: Screen
    public var regions: FrameRegions
}

/// Draws the whole frame for a state: panes, status line, then popups from the bottom up.
/// Drawing reads the state and changes nothing.
public enum FrameRenderer {
    /// The screen for `state`.
    public static func render(_ state: AppState) -> Screen { frame(state).screen }

    /// The screen for `state` and the regions of its parts.
    public static func frame(_ state: AppState) -> Frame {
        var screen = Screen(width: state.width, height: state.height, measure: state.measure)
        var regions = FrameRegions()
        let panes = state.panes
        if panes.tooSmall {
            drawTooSmall(&screen)
            return Frame(screen: screen, regions: regions)
        }
        TextPaneView(state: state).draw(into: &screen, rect: panes.text)
        if let rect = panes.footnotes { FootnotesPaneView(state: state).draw(into: &screen, rect: rect) }
        if let rect = panes.notes { regions.notesEntries = NotesPaneView(state: state).draw(into: &screen, rect: rect) }
        drawSeparators(&screen, panes: panes)
        StatusLineView(state: state).draw(into: &screen, rect: panes.status)
        for popup in state.layers.popups {
            regions.popups.append(popup.draw(into: &screen, reader: state))
        }
        return Frame(screen: screen, regions: regions)
    }

    /// A vertical rule left of each side pane; panes draw their own header rule.
    static func drawSeparators(_ screen: inout Screen, panes: PaneLayout) {
        for rect in [panes.footnotes, panes.notes].compactMap({ $0 }) where rect.x > 0 {
            for y in rect.y..<rect.maxY { screen.put("│", x: rect.x - 1, y: y, style: Style(role: .border)) }
        }
    }

    static func drawTooSmall(_ screen: inout Screen) {
        let message = [
            "Terminal too small",
            "Lectio needs \(PaneLayout.minimumWidth)×\(PaneLayout.minimumHeight);",
            "this one is \(screen.width)×\(screen.height).",
            "Enlarge it, or q to quit.",
        ]
        // Wrapped to the width, however narrow, and centred.
        let wrapper = TextWrapper(measure: screen.measure)
        var lines: [(String, Bool)] = []
        for (i, text) in message.enumerated() {
            for line in wrapper.wrap(text, width: max(1, screen.width)) { lines.append((line.text, i == 0)) }
        }
        let top = max(0, (screen.height - lines.count) / 2)
        for (i, (line, bold)) in lines.enumerated() {
            let w = screen.measure.width(of: line)
            screen.put(line, x: max(0, (screen.width - w) / 2), y: top + i, style: bold ? Style(.bold) : .plain)
        }
    }
}
