extension Document {
    /// The section that encloses section `index`: the nearest one before it of a higher level
    /// (a chapter's part or book), or `nil` for a top-level section.
    public func enclosingSection(of index: Int) -> Int? {
        guard sections.indices.contains(index) else { return nil }
        let level = sections[index].level
        var i = index - 1
        while i >= 0 {
            if sections[i].level < level && !sections[i].isMatter { return i }
            i -= 1
        }
        return nil
    }
}
