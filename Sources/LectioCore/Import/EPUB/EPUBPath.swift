import Foundation

/// Paths inside an EPUB: hrefs resolved against the folder of the document that holds them.
enum EPUBPath {
    /// The folder part of `path` (`OPS/` for `OPS/ch1.xhtml`, empty at the top).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Whether `href` leaves the book (a scheme such as `http:` or `mailto:`).
    static func isExternal(_ href: String) -> Bool {
        guard let colon = href.firstIndex(of: ":") else { return false }
        let scheme = href[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// `href` resolved from `folder`: the path in the ZIP (percent-decoded, `.` and `..`
    /// applied; a path that climbs above the top stays as written, so it names no entry) and
    /// the fragment, if any. An empty path part means the document itself.
    static func resolve(_ href: String, from folder: String) -> (path: String, fragment: String?) {
        // On UTF-8 bytes: the separators are ASCII, and going by characters (grapheme
        // clusters) costs more than the rest of reading a link-heavy book's links.
        var raw = Substring(href)
        var fragment: String?
        if let hash = raw.utf8.firstIndex(of: UInt8(ascii: "#")) {
            let written = String(decoding: raw.utf8[raw.utf8.index(after: hash)...], as: UTF8.self)
            fragment = written.utf8.contains(UInt8(ascii: "%")) ? written.removingPercentEncoding ?? written : written
            raw = Substring(String(decoding: raw.utf8[..<hash], as: UTF8.self))
        }
        if let query = raw.utf8.firstIndex(of: UInt8(ascii: "?")) { raw = Substring(String(decoding: raw.utf8[..<query], as: UTF8.self)) }
        let decoded = raw.utf8.contains(UInt8(ascii: "%")) ? raw.removingPercentEncoding ?? String(raw) : String(raw)
        if decoded.isEmpty { return ("", fragment) }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var parts: [Substring.UTF8View] = decoded.utf8.first == slash ? [] : folder.utf8.split(separator: slash)
        for part in decoded.utf8.split(separator: slash, omittingEmptySubsequences: true) {
            if part.count == 1, part.first == dot { continue }
            if part.count == 2, part.allSatisfy({ $0 == dot }) {
                if parts.isEmpty { return (decoded, fragment) }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        var bytes: [UInt8] = []
        for (i, part) in parts.enumerated() {
            if i > 0 { bytes.append(slash) }
            bytes.append(contentsOf: part)
        }
        return (String(decoding: bytes, as: UTF8.self), fragment)
    }
}
