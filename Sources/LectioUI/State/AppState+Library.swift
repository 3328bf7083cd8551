import LectioCore

extension AppState {
    /// Back at the first place of a text opened from the library: back to the text before.
    func backToPreviousText() -> [Effect]? {
        guard previousText != nil, history.back.count <= backAtOpen else { return nil }
        layers.pop(FootnotePopup.self)
        return [.openPreviousText]
    }

    /// Marks the state as just opened: Back goes through the jumps made from now on, then
    /// leaves for `previousText`.
    public func opened(from previous: String?) {
        previousText = previous
        backAtOpen = history.back.count
    }
}
