extension Key {
    /// The key a config file names: a character (`j`, `G`, `?`), `ctrl-` or `alt-` with a
    /// character (`ctrl-d`), or a named key (`space`, `enter`, `tab`, `shift-tab`, `esc`,
    /// `backspace`, `delete`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`).
    /// Named keys and prefixes ignore case; a single character does not (`g` is not `G`).
    public init?(configName name: String) {
        if name.count == 1, let c = name.first {
            self = c == " " ? .space : .char(c)
            return
        }
        let lower = name.lowercased()
        if let named = Key.named.first(where: { $0.names.contains(lower) }) {
            self = named.key
            return
        }
        for (prefix, make) in [("ctrl-", { Key.ctrl($0) }), ("c-", { Key.ctrl($0) }), ("alt-", { Key.alt($0) }), ("m-", { Key.alt($0) })] as [(String, (Character) -> Key)] {
            guard lower.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, !c.isWhitespace else { return nil }
            // Ctrl with a letter is the same key whatever its case.
            self = make(prefix.hasPrefix("c") ? Character(c.lowercased()) : c)
            return
        }
        return nil
    }

    /// How a config file writes this key (the inverse of `init(configName:)`).
    public var configName: String {
        switch self {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "ctrl-\(c)"
        case .alt("\n"): return "alt-enter"
        case .alt(let c): return "alt-\(c)"
        default: return Key.named.first { $0.key == self }?.names.first ?? label
        }
    }

    static let named: [(names: [String], key: Key)] = [
        (["space"], .space), (["enter", "return"], .enter), (["tab"], .tab), (["shift-tab", "backtab"], .backTab),
        (["esc", "escape"], .escape), (["backspace"], .backspace), (["delete", "del"], .delete),
        (["up"], .up), (["down"], .down), (["left"], .left), (["right"], .right),
        (["pgup", "pageup"], .pageUp), (["pgdn", "pagedown"], .pageDown), (["home"], .home), (["end"], .end),
        (["alt-enter"], .alt("\n")),
    ]
}
