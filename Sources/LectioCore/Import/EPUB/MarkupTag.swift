/// The elements the XHTML conversion treats apart, known once per element (a switch over
/// strings for every element would cost more than parsing the book).
enum MarkupTag: UInt8 {
    case other, skipped, block, heading, blockquote, pre, list, orderedList, listItem, rule, lineBreak, cell
    case image, svg, rubyText, superscript, anchor, emphasis, strong, code

    private static let table: [String: MarkupTag] = {
        var t: [String: MarkupTag] = [:]
        for n in ["head", "script", "style", "template", "rp", "noscript", "title", "meta", "link"] { t[n] = .skipped }
        for n in ["p", "div", "section", "article", "aside", "nav", "header", "footer", "main", "body", "figure",
                  "figcaption", "address", "center", "dl", "dt", "dd", "details", "summary", "hgroup", "caption",
                  "table", "thead", "tbody", "tfoot", "html", "tr"] { t[n] = .block }
        for n in ["h1", "h2", "h3", "h4", "h5", "h6"] { t[n] = .heading }
        t["blockquote"] = .blockquote; t["pre"] = .pre; t["ul"] = .list; t["ol"] = .orderedList; t["li"] = .listItem
        t["hr"] = .rule; t["br"] = .lineBreak; t["td"] = .cell; t["th"] = .cell; t["img"] = .image; t["image"] = .image
        t["svg"] = .svg; t["rt"] = .rubyText; t["sup"] = .superscript; t["a"] = .anchor
        for n in ["em", "i", "cite", "var", "dfn"] { t[n] = .emphasis }
        for n in ["strong", "b"] { t[n] = .strong }
        for n in ["code", "kbd", "samp", "tt"] { t[n] = .code }
        return t
    }()

    /// The tag of an element's local, lower-cased name.
    init(name: String) { self = Self.table[name] ?? .other }

    /// Whether the element starts and ends a block of its own.
    var isBlock: Bool {
        switch self {
        case .block, .heading, .blockquote, .pre, .list, .orderedList, .listItem: return true
        default: return false
        }
    }

    /// The inline style the element gives its text.
    var style: StyleSpan.Style? {
        switch self {
        case .emphasis: return .emphasis
        case .strong: return .strong
        case .code: return .code
        default: return nil
        }
    }
}
