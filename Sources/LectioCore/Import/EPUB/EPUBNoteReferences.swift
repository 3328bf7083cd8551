import Foundation

/// Which links of a book are note references, and what a note's text is.
///
/// Typed references: `epub:type="noteref"` (or the older `annoref`) and `role="doc-noteref"`.
/// A book with none of those gets the common untyped pattern instead: a link whose text is a
/// number, a symbol or a letter (`1`, `[12]`, `*`, `b`), in or around `sup` or with a
/// note-like class (`noteref`, `footnote`, `fnanchor`, `fnref`…), whose target holds a short
/// passage.
enum EPUBNoteReferences {
    /// Whether a link is typed as a note reference.
    static func isTyped(_ link: EPUBBookBuilder.RawLink) -> Bool {
        link.types.contains("noteref") || link.types.contains("annoref") || link.roles.contains("doc-noteref")
    }

    /// Whether an untyped link looks like a note reference (its target is checked apart).
    static func looksLikeReference(_ link: EPUBBookBuilder.RawLink) -> Bool {
        guard !EPUBPath.isExternal(link.href), link.href.contains("#"), isLabel(link.text) else { return false }
        if link.superscript { return true }
        let noteClasses = ["noteref", "footnote", "fnanchor", "fnref", "footnoteref", "endnote", "ftnref", "fn-ref", "note-ref"]
        return link.classes.contains { c in noteClasses.contains { c.contains($0) } }
    }

    /// A reference's label: its text without brackets around it.
    static func label(_ text: String) -> String {
        var t = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        while let f = t.first, "[(".contains(f) { t = t.dropFirst() }
        while let l = t.last, "])".contains(l) { t = t.dropLast() }
        return t.isEmpty ? text : String(t)
    }

    /// A number, a symbol run or one or two letters (`12`, `iv`, `*`, `**`, `†`, `a`).
    static func isLabel(_ text: String) -> Bool {
        let t = label(text)
        guard !t.isEmpty, t.count <= 5 else { return false }
        if t.allSatisfy({ $0.isNumber }) { return true }
        if t.allSatisfy({ "*†‡§¶‖#".contains($0) }) { return true }
        if t.count <= 2, t.allSatisfy({ $0.isLetter }) { return true }
        return t.lowercased().allSatisfy { "ivxlc".contains($0) }
    }

    /// Whether an element inside a note is a link back to the text (dropped from the note):
    /// typed `backlink`/`doc-backlink`, or reading `↩` or "Back".
    static func isBacklink(_ e: MarkupElement) -> Bool {
        guard e.name == "a" else { return false }
        if e.epubTypes.contains("backlink") || e.roles.contains("doc-backlink") { return true }
        let text = MarkupElement.without(["\u{FE0E}", "\u{FE0F}"], in: e.text)
        return ["↩", "⤴", "↑", "^", "back", "return", "go back", "back to text"].contains(text.lowercased())
    }

    /// The element that holds a note whose target is `target`: the target itself, or — when
    /// the target is an inline element holding only the label, as in books whose note
    /// paragraph starts with an anchor `<a id="fn1">[1]</a>` — the paragraph around it.
    static func noteElement(for target: MarkupElement) -> MarkupElement {
        let inline: Set<String> = ["a", "span", "sup", "sub", "b", "strong", "em", "i", "small"]
        var e = target
        while inline.contains(e.name), let parent = e.parent, parent.name != "body" { e = parent }
        return e
    }

    /// A note's text as the popup shows it: its paragraphs separated by `"\n"`, without its
    /// backlinks; everything else (a leading label or a link back such as `Line 12.`) stays.
    static func text(of note: MarkupElement) -> String {
        var lines: [String] = []
        var current = ""
        let blocks: Set<String> = ["p", "div", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dd", "dt", "section"]
        func endLine() {
            let line = MarkupElement.collapsingSpaces(current)
            if !line.isEmpty { lines.append(line) }
            current = ""
        }
        func walk(_ e: MarkupElement) {
            for child in e.children {
                switch child {
                case .text(let t): current += t
                case .element(let c):
                    if isBacklink(c) || c.name == "rp" || c.name == "script" || c.name == "style" { continue }
                    if c.name == "br" { endLine(); continue }
                    if c.name == "img", let alt = c.attributes["alt"], !alt.isEmpty { current += " [image: \(alt)] "; continue }
                    let isBlock = blocks.contains(c.name)
                    if isBlock { endLine() }
                    if c.name == "rt" { current += "(" }
                    walk(c)
                    if c.name == "rt" { current += ")" }
                    if isBlock { endLine() }
                }
            }
        }
        walk(note)
        endLine()
        let joined = lines.joined(separator: "\n")
        return VisibleText.sanitized(joined, allowing: .newlines)
    }

    /// Whether a target element can be an untyped note: a short passage, not a heading nor a
    /// whole document section.
    static func isShortPassage(_ e: MarkupElement) -> Bool {
        if ["h1", "h2", "h3", "h4", "h5", "h6", "body", "html", "section", "article"].contains(e.name) { return false }
        let t = e.text
        return !t.isEmpty && t.count <= 3000
    }
}
