import Foundation
import LectioCore
import ZIPFoundation

/// A small EPUB made in memory for a test: a container, a package listing the documents in
/// the spine, and whatever else a case needs (a nav, an NCX, odd entries).
struct EPUBTestBook {
    /// Files by path in the ZIP, in the order written (after `mimetype`).
    var files: [(path: String, data: Data)] = []
    /// Spine documents: manifest id, href (relative to `OPS/`), body, and `linear`.
    var documents: [(id: String, href: String, body: String, linear: Bool)] = []
    var title = "A Test Book"
    var navBody: String?
    var ncx: String?
    var guide: String = ""
    var extraManifest: String = ""
    /// Paths left out of the ZIP although the package names them.
    var omitted: Set<String> = []
    /// Compression of the files added (the `mimetype` is always stored).
    var compression: CompressionMethod = .deflate

    /// Adds a spine document whose `<body>` holds `body`.
    mutating func chapter(_ href: String, _ body: String, linear: Bool = true) {
        documents.append(("d\(documents.count)", href, body, linear))
    }

    /// An XHTML document around `body`.
    static func xhtml(_ body: String, title: String = "Chapter", prolog: String = #"<?xml version="1.0" encoding="UTF-8"?>"#) -> String {
        """
        \(prolog)
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
        <head><title>\(title)</title></head>
        <body>\(body)</body>
        </html>
        """
    }

    /// The EPUB's bytes.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ data: Data, _ method: CompressionMethod) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("mimetype", Data("application/epub+zip".utf8), .none)
        try add("META-INF/container.xml", Data("""
            <?xml version="1.0"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
            <rootfiles><rootfile full-path="OPS/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
            </container>
            """.utf8), compression)
        var manifest = documents.map { #"<item id="\#($0.id)" href="\#($0.href)" media-type="application/xhtml+xml"/>"# }
        if navBody != nil { manifest.append(#"<item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/>"#) }
        if ncx != nil { manifest.append(#"<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>"#) }
        let spine = documents.map { #"<itemref idref="\#($0.id)"\#($0.linear ? "" : #" linear="no""#)/>"# }
        try add("OPS/package.opf", Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:identifier id="id">test</dc:identifier><dc:title>\(title)</dc:title>
            <dc:creator>Ann Author</dc:creator><dc:language>en</dc:language>
            </metadata>
            <manifest>\(manifest.joined(separator: "\n"))\(extraManifest)</manifest>
            <spine\(ncx != nil ? #" toc="ncx""# : "")>\(spine.joined(separator: "\n"))</spine>
            \(guide.isEmpty ? "" : "<guide>\(guide)</guide>")
            </package>
            """.utf8), compression)
        if let navBody { try add("OPS/nav.xhtml", Data(Self.xhtml(navBody, title: "Contents").utf8), compression) }
        if let ncx {
            try add("OPS/toc.ncx", Data("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>\(ncx)</navMap></ncx>
                """.utf8), compression)
        }
        for d in documents where !files.contains(where: { $0.path == "OPS/" + d.href }) && !omitted.contains("OPS/" + d.href) {
            try add("OPS/" + d.href, Data(Self.xhtml(d.body).utf8), compression)
        }
        for f in files { try add(f.path, f.data, compression) }
        return archive.data ?? Data()
    }

    /// The book as Lectio reads it.
    func document() throws -> Document {
        try EPUBImporter.document(from: try data(), path: "test.epub")
    }
}
