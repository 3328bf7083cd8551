/// Stable references for paragraphs, `section.paragraph` (`3.12`): the section's number in the
/// list of sections (0 before the first) and the paragraph's number within it. They depend on
/// the text alone, never on the width, so a passage can be cited and found again.
public struct ParagraphReferences: Sendable {
    /// For each block, its reference, or `nil` for headings and breaks.
    public let references: [(section: Int, paragraph: Int)?]

    /// The references of `document`.
    public init(document: Document) {
        var refs: [(section: Int, paragraph: Int)?] = []
        refs.reserveCapacity(document.blocks.count)
        var section = 0, paragraph = 0, nextSection = 0
        for (i, block) in document.blocks.enumerated() {
            while nextSection < document.sections.count, document.sections[nextSection].block <= i {
                nextSection += 1
                section = nextSection
                paragraph = 0
            }
            if block.isHeading || block.kind == .sceneBreak {
                refs.append(nil)
            } else {
                paragraph += 1
                refs.append((section, paragraph))
            }
        }
        references = refs
    }

    /// `3.12` for a block.
    public func label(ofBlock b: Int) -> String? {
        references[b].map { "\($0.section).\($0.paragraph)" }
    }

    /// The block of a reference such as `3.12`.
    public func block(for reference: String) -> Int? {
        let parts = reference.split(separator: ".")
        guard parts.count == 2, let s = Int(parts[0]), let p = Int(parts[1]) else { return nil }
        return references.firstIndex { $0?.section == s && $0?.paragraph == p }
    }
}
