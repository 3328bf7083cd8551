import Foundation

/// HTML's character references, one table for every importer: EPUB's XHTML uses HTML's named
/// entities (`&nbsp;`, `&mdash;`) although XML knows only five, so they become numeric references
/// before parsing; Markdown allows named, decimal and hexadecimal references in its text.
enum HTMLEntities {
    /// Latin-1, U+00A0 to U+00FF, in order.
    private static let latin1 = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn \
        sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave \
        Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml \
        ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN \
        szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute \
        icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml \
        yacute thorn yuml
        """.split(separator: " ")

    /// The other entities of HTML 4 (punctuation, symbols, Greek, arrows).
    private static let others: [String: UInt32] = [
        "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192,
        "circ": 0x2C6, "tilde": 0x2DC, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C,
        "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018,
        "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E,
        "dagger": 0x2020, "Dagger": 0x2021, "bull": 0x2022, "hellip": 0x2026, "permil": 0x2030,
        "prime": 0x2032, "Prime": 0x2033, "lsaquo": 0x2039, "rsaquo": 0x203A, "oline": 0x203E,
        "frasl": 0x2044, "euro": 0x20AC, "trade": 0x2122, "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192,
        "darr": 0x2193, "harr": 0x2194, "minus": 0x2212, "lowast": 0x2217, "infin": 0x221E, "ne": 0x2260,
        "le": 0x2264, "ge": 0x2265, "loz": 0x25CA, "spades": 0x2660, "clubs": 0x2663, "hearts": 0x2665,
        "diams": 0x2666, "thetasym": 0x3D1, "upsih": 0x3D2, "piv": 0x3D6, "sigmaf": 0x3C2,
    ]

    /// Greek letters, capital and small, in alphabetical order of the code points.
    private static let greek = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho _ sigma tau upsilon phi chi psi omega"
        .split(separator: " ")

    /// Every name known, with its code point: HTML 4's, XML's five, and a few of HTML 5's that
    /// texts use.
    static let table: [String: UInt32] = {
        var t = others
        for (name, code) in ["amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "check": 0x2713, "star": 0x2606] as [String: UInt32] {
            t[name] = code
        }
        for (i, name) in latin1.enumerated() { t[String(name)] = 0xA0 + UInt32(i) }
        for (i, name) in greek.enumerated() where name != "_" {
            t[String(name)] = 0x3B1 + UInt32(i)
            t[name.prefix(1).uppercased() + name.dropFirst()] = 0x391 + UInt32(i)
        }
        return t
    }()

    /// `data` with every known named entity other than XML's five replaced by `&#N;`.
    /// UTF-16 files are left alone (rare; their entities then stop the parse with a notice).
    static func replacingNamedEntities(in data: Data) -> Data {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return data }
        // Most books use none: look first, without copying.
        let needed = data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return false }
            let n = raw.count
            var i = 0
            // From one `&` to the next with memchr: a byte-by-byte loop costs more than libxml2.
            while i < n, let hit = memchr(base + i, 0x26, n - i) {
                i = base.distance(to: UnsafeRawPointer(hit))
                if i + 1 < n, isNameByte(raw[i + 1]) {
                    var j = i + 1
                    while j < n, j - i <= 10, isNameByte(raw[j]) { j += 1 }
                    if j < n, raw[j] == 0x3B {
                        let name = String(decoding: UnsafeRawBufferPointer(rebasing: raw[(i + 1)..<j]), as: UTF8.self)
                        if !["amp", "lt", "gt", "quot", "apos"].contains(name) { return true }
                    }
                }
                i += 1
            }
            return false
        }
        guard needed else { return data }
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            guard b == 0x26 else { out.append(b); i += 1; continue }
            var j = i + 1
            while j < n, j - i <= 10, isNameByte(bytes[j]) { j += 1 }
            if j < n, bytes[j] == 0x3B, j > i + 1 {
                let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                if !["amp", "lt", "gt", "quot", "apos"].contains(name), let code = table[name] {
                    out.append(contentsOf: Array("&#\(code);".utf8))
                    i = j + 1
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return Data(out)
    }

    /// The character a reference at `start` of `text` stands for (Markdown's text), and how many
    /// characters of `text` it takes; `nil` if there is no reference there. An unknown name
    /// stays as written, as CommonMark asks; NUL and invalid code points become U+FFFD, and
    /// control characters are kept (they are shown as symbols, never sent to the terminal).
    static func decode(_ text: [Character], at start: Int, end: Int) -> (Character, Int)? {
        guard start < end, text[start] == "&" else { return nil }
        var j = start + 1
        let limit = min(end, start + 34)
        while j < limit, text[j] != ";", text[j] != "&", text[j] != " " { j += 1 }
        guard j < limit, text[j] == ";", j > start + 1 else { return nil }
        let name = String(text[(start + 1)..<j])
        let length = j - start + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = digits.count > 1 && digits.count <= 7 ? UInt32(digits.dropFirst(), radix: 16) : nil
            } else {
                value = !digits.isEmpty && digits.count <= 8 ? UInt32(digits, radix: 10) : nil
            }
            guard let value else { return nil }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (Character(scalar ?? "\u{FFFD}"), length)
        }
        guard let code = table[name], let scalar = Unicode.Scalar(code) else { return nil }
        return (Character(scalar), length)
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }
}
