import Foundation

/// The navigation of an EPUB: the table of contents (EPUB 3 `nav`, else EPUB 2 NCX) and the
/// landmarks.
struct EPUBNavigation {
    /// A table-of-contents entry.
    struct Entry: Equatable {
        var title: String
        /// 1 for the top level.
        var level: Int
        /// `path` or `path#id` in the ZIP; `nil` for a heading entry without a link, which
        /// then starts where its first linked child starts.
        var target: String?
    }

    /// The entries in the order listed.
    var entries: [Entry] = []
    /// Landmarks by type (`bodymatter`, `cover`, `toc`…) → `path` or `path#id`.
    var landmarks: [String: String] = [:]
    /// Where the table of contents came from (`nav`, `NCX`), for notices.
    var origin: String?

    /// The `nav` elements of an EPUB 3 navigation document.
    init(nav root: MarkupElement, path: String) {
        origin = "nav"
        let folder = EPUBPath.folder(of: path)
        for nav in root.descendants(where: { $0.name == "nav" }) {
            let types = nav.epubTypes + nav.roles.map { $0.hasPrefix("doc-") ? String($0.dropFirst(4)) : $0 }
            guard let list = nav.first("ol") ?? nav.first("ul") ?? nav.firstDescendant("ol") else { continue }
            if types.contains("toc"), entries.isEmpty {
                entries = Self.entries(of: list, level: 1, folder: folder)
            } else if types.contains("landmarks") {
                for a in list.descendants(where: { $0.name == "a" }) {
                    guard let href = a.attributes["href"] else { continue }
                    for type in a.epubTypes where landmarks[type] == nil {
                        landmarks[type] = Self.target(href, folder: folder)
                    }
                }
            }
        }
    }

    /// The `navMap` of an EPUB 2 NCX.
    init(ncx root: MarkupElement, path: String) {
        origin = "NCX"
        let folder = EPUBPath.folder(of: path)
        func walk(_ e: MarkupElement, level: Int) {
            for point in e.elements where point.name == "navpoint" {
                let title = point.first("navlabel")?.text ?? ""
                let target = point.first("content")?.attributes["src"].map { Self.target($0, folder: folder) }
                entries.append(Entry(title: title, level: level, target: target))
                walk(point, level: level + 1)
            }
        }
        if let map = root.firstDescendant("navmap") { walk(map, level: 1) }
    }

    init() {}

    private static func target(_ href: String, folder: String) -> String {
        let r = EPUBPath.resolve(href, from: folder)
        return r.fragment.map { "\(r.path)#\($0)" } ?? r.path
    }

    /// The entries of a nav list: each `li` holds an `a` (or an unlinked `span` heading) and
    /// maybe a nested list. Lists marked `hidden` are kept: they hide entries from a printed
    /// table, but the sections are the book's.
    private static func entries(of list: MarkupElement, level: Int, folder: String) -> [Entry] {
        var out: [Entry] = []
        for li in list.elements where li.name == "li" {
            let label = li.elements.first { $0.name == "a" || $0.name == "span" || $0.name.hasPrefix("h") && $0.name.count == 2 }
            if let label {
                let href = label.name == "a" ? label.attributes["href"] : nil
                let title = label.text.isEmpty ? (label.attributes["title"] ?? "") : label.text
                out.append(Entry(title: title, level: level, target: href.map { target($0, folder: folder) }))
            }
            for sub in li.elements where sub.name == "ol" || sub.name == "ul" {
                out += entries(of: sub, level: label == nil ? level : level + 1, folder: folder)
            }
        }
        return out
    }
}
