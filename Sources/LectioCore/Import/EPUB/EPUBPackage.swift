import Foundation

/// The package document (OPF) of an EPUB: metadata, manifest, spine, and where the
/// navigation document, the NCX and the guide point.
struct EPUBPackage {
    /// A manifest item.
    struct Item {
        var id: String
        /// The path in the ZIP, resolved against the package document's folder.
        var path: String
        var mediaType: String
        var properties: [String]
    }

    /// A spine entry.
    struct SpineItem {
        var item: Item
        var linear: Bool
    }

    /// The path of the package document in the ZIP.
    var path: String
    var title: String?
    var creators: [String] = []
    var language: String?
    /// Manifest items by id.
    var manifest: [String: Item] = [:]
    /// The spine in reading order, as listed.
    var spine: [SpineItem] = []
    /// The EPUB 3 navigation document, if any.
    var navPath: String?
    /// The EPUB 2 NCX, if any.
    var ncxPath: String?
    /// EPUB 2 guide references: type (`text`, `cover`, `title-page`…) and target (`path#id`).
    var guide: [(type: String, target: String)] = []
    /// Spine `idref`s that name no manifest item.
    var unknownSpineRefs: [String] = []

    /// The path of the package document named by `META-INF/container.xml`.
    static func packagePath(container data: Data) throws -> String {
        let parsed = MarkupParser.parse(data)
        let rootfiles = parsed.root.descendants { $0.name == "rootfile" }
        let chosen = rootfiles.first { ($0.attributes["media-type"] ?? "") == "application/oebps-package+xml" } ?? rootfiles.first
        guard let path = chosen?.attributes["full-path"], !path.isEmpty else {
            throw EPUBError.noPackage("META-INF/container.xml names no package document")
        }
        return path
    }

    /// Reads the package document at `path` from its bytes.
    init(path: String, data: Data) throws {
        self.path = path
        let parsed = MarkupParser.parse(data)
        let root = parsed.root
        guard root.name == "package" else {
            throw EPUBError.noPackage("\(path) is not a package document\(parsed.error.map { " (\($0))" } ?? "")")
        }
        let folder = EPUBPath.folder(of: path)
        if let metadata = root.first("metadata") {
            for e in metadata.descendants(where: { _ in true }) {
                switch e.name {
                case "title" where title == nil: title = e.text.isEmpty ? nil : e.text
                case "creator": if !e.text.isEmpty { creators.append(e.text) }
                case "language" where language == nil: language = e.text.isEmpty ? nil : e.text
                default: break
                }
            }
        }
        for e in root.first("manifest")?.elements ?? [] where e.name == "item" {
            guard let id = e.attributes["id"], let href = e.attributes["href"] else { continue }
            let item = Item(id: id, path: EPUBPath.resolve(href, from: folder).path,
                            mediaType: (e.attributes["media-type"] ?? "").lowercased(),
                            properties: (e.attributes["properties"] ?? "").split(separator: " ").map(String.init))
            manifest[id] = item
            if item.properties.contains("nav") { navPath = item.path }
        }
        let spineElement = root.first("spine")
        for e in spineElement?.elements ?? [] where e.name == "itemref" {
            guard let idref = e.attributes["idref"] else { continue }
            guard let item = manifest[idref] else { unknownSpineRefs.append(idref); continue }
            spine.append(SpineItem(item: item, linear: (e.attributes["linear"] ?? "yes").lowercased() != "no"))
        }
        if let toc = spineElement?.attributes["toc"], let item = manifest[toc] {
            ncxPath = item.path
        } else {
            ncxPath = manifest.values.first { $0.mediaType == "application/x-dtbncx+xml" }?.path
        }
        for e in root.first("guide")?.elements ?? [] where e.name == "reference" {
            guard let type = e.attributes["type"], let href = e.attributes["href"] else { continue }
            let target = EPUBPath.resolve(href, from: folder)
            guide.append((type.lowercased(), target.fragment.map { "\(target.path)#\($0)" } ?? target.path))
        }
    }

    /// The spine as Lectio reads it: linear documents in order, then those marked
    /// `linear="no"` (a cover, a pop-up table), so that nothing the book holds is lost.
    var readingOrder: [SpineItem] {
        spine.filter(\.linear) + spine.filter { !$0.linear }
    }
}
