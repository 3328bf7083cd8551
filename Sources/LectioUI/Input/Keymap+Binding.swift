extension Keymap {
    /// Binds `key` to `command` in `mode` (or unbinds it when `command` is nil): the key
    /// leaves whatever it did in that mode, and the command keeps its other keys.
    public mutating func bind(_ key: Key, to command: Command?, in mode: Mode) {
        var list = bindings[mode] ?? []
        // Already so: nothing moves (the help screen keeps its order).
        if let command, list.contains(where: { $0.command == command && $0.keys.contains(key) }),
           !list.contains(where: { $0.command != command && $0.keys.contains(key) }) { return }
        for i in list.indices { list[i].keys.removeAll { $0 == key } }
        if let command {
            if let i = list.firstIndex(where: { $0.command == command }) {
                list[i].keys.append(key)
            } else {
                list.append(KeyBinding([key], command))
            }
        }
        bindings[mode] = list
    }

    /// The commands `mode` has, in the order the help screen lists them.
    public func commands(in mode: Mode) -> [Command] {
        var seen: [Command] = []
        for binding in bindings[mode] ?? [] where !seen.contains(binding.command) { seen.append(binding.command) }
        return seen
    }

    /// The mode a config file names (`reading`, `contents`…).
    public func mode(named name: String) -> Mode? { modes.first { $0.name == name } }
}

extension Command {
    /// The command's name in a config file and on the help screen: `page_down`.
    public var configName: String {
        var name = ""
        for c in rawValue {
            if c.isUppercase { name += "_" + c.lowercased() } else { name.append(c) }
        }
        return name
    }

    /// The command a config file names (`page_down`; the code's `pageDown` is taken too).
    public init?(configName name: String) {
        guard let command = Command.allCases.first(where: { $0.configName == name || $0.rawValue == name }) else { return nil }
        self = command
    }
}
