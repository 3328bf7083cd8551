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
        var raw = href
        var fragment: String?
        if let hash = raw.firstIndex(of: "#") {
            let written = String(raw[raw.index(after: hash)...])
            fragment = written.contains("%") ? written.removingPercentEncoding ?? written : written
            raw = String(raw[..<hash])
        }
        if let query = raw.firstIndex(of: "?") { raw = String(raw[..<query]) }
        let decoded = raw.contains("%") ? raw.removingPercentEncoding ?? raw : raw
        if decoded.isEmpty { return ("", fragment) }
        var parts: [Substring] = decoded.hasPrefix("/") ? [] : folder.split(separator: "/")
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return (decoded, fragment) }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return (parts.joined(separator: "/"), fragment)
    }
}
