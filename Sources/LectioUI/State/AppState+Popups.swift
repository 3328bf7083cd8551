import LectioCore

extension AppState {
    /// Scrolls the popup on top, within its content.
    func scrollPopup(by n: Int) {
        guard let layer = layers.last else { return }
        switch layer {
        case .footnote(var popup):
            let view = FootnotePopupView(state: self, popup: popup)
            popup.scroll = max(0, min(popup.scroll + n, view.maxScroll))
            layers[layers.count - 1] = .footnote(popup)
        case .help(var popup):
            let view = HelpView(state: self)
            popup.scroll = max(0, min(popup.scroll + n, view.maxScroll))
            layers[layers.count - 1] = .help(popup)
        case .contents:
            moveChoice(by: n)
        case .noteEditor, .confirm, .prompt:
            break
        }
    }

    func moveChoice(by n: Int) {
        guard case .contents(var popup) = layers.last, !document.sections.isEmpty else { return }
        popup.selected = max(0, min(document.sections.count - 1, popup.selected + n))
        layers[layers.count - 1] = .contents(popup)
    }

    func chooseSection() {
        guard case .contents(let popup) = layers.last, document.sections.indices.contains(popup.selected) else { return }
        layers.removeLast()
        jump(to: LinePosition(block: document.sections[popup.selected].block, line: 0))
    }
}
