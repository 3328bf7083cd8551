/// HTML character references as Markdown allows them in text: named (`&mdash;`), decimal
/// (`&#8212;`) and hexadecimal (`&#x2014;`). Named ones cover the entities real documents use
/// (punctuation, quotes, spaces, symbols, Latin letters with accents, Greek); an unknown name
/// stays as it was written, as CommonMark asks.
enum HTMLEntities {
    /// The character a reference at `start` of `text` stands for, and how many characters of
    /// `text` it takes; `nil` if there is no reference there.
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
            // NUL and invalid code points become the replacement character, as CommonMark says;
            // control characters are kept and later shown as symbols, never sent to the terminal.
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (Character(scalar ?? "\u{FFFD}"), length)
        }
        guard let scalar = named[name] else { return nil }
        return (Character(scalar), length)
    }

    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "mdash": "—", "ndash": "–", "hellip": "…", "minus": "−", "shy": "\u{AD}", "thinsp": "\u{2009}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "prime": "′", "Prime": "″",
        "bull": "•", "middot": "·", "dagger": "†", "Dagger": "‡", "sect": "§", "para": "¶",
        "copy": "©", "reg": "®", "trade": "™", "deg": "°", "plusmn": "±", "times": "×",
        "divide": "÷", "frac12": "½", "frac14": "¼", "frac34": "¾", "sup1": "¹", "sup2": "²",
        "sup3": "³", "micro": "µ", "cent": "¢", "pound": "£", "euro": "€", "yen": "¥",
        "curren": "¤", "iexcl": "¡", "iquest": "¿", "ordf": "ª", "ordm": "º", "not": "¬",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "rArr": "⇒", "lArr": "⇐",
        "hArr": "⇔", "le": "≤", "ge": "≥", "ne": "≠", "asymp": "≈", "infin": "∞", "sum": "∑",
        "check": "✓", "star": "☆", "hearts": "♥", "loz": "◊",
        "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Auml": "Ä", "Aring": "Å",
        "AElig": "Æ", "Ccedil": "Ç", "Egrave": "È", "Eacute": "É", "Ecirc": "Ê", "Euml": "Ë",
        "Igrave": "Ì", "Iacute": "Í", "Icirc": "Î", "Iuml": "Ï", "Ntilde": "Ñ", "Ograve": "Ò",
        "Oacute": "Ó", "Ocirc": "Ô", "Otilde": "Õ", "Ouml": "Ö", "Oslash": "Ø", "Ugrave": "Ù",
        "Uacute": "Ú", "Ucirc": "Û", "Uuml": "Ü", "Yacute": "Ý", "szlig": "ß", "agrave": "à",
        "aacute": "á", "acirc": "â", "atilde": "ã", "auml": "ä", "aring": "å", "aelig": "æ",
        "ccedil": "ç", "egrave": "è", "eacute": "é", "ecirc": "ê", "euml": "ë", "igrave": "ì",
        "iacute": "í", "icirc": "î", "iuml": "ï", "ntilde": "ñ", "ograve": "ò", "oacute": "ó",
        "ocirc": "ô", "otilde": "õ", "ouml": "ö", "oslash": "ø", "ugrave": "ù", "uacute": "ú",
        "ucirc": "û", "uuml": "ü", "yacute": "ý", "yuml": "ÿ", "OElig": "Œ", "oelig": "œ",
        "Scaron": "Š", "scaron": "š", "Yuml": "Ÿ", "fnof": "ƒ", "thorn": "þ", "THORN": "Þ", "eth": "ð",
        "Alpha": "Α", "Beta": "Β", "Gamma": "Γ", "Delta": "Δ", "Omega": "Ω", "Sigma": "Σ", "Pi": "Π",
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "lambda": "λ",
        "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ", "phi": "φ", "omega": "ω", "theta": "θ",
    ]
}
