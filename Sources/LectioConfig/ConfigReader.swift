import LectioUI
import TOMLKit

/// Takes a parsed config table apart entry by entry: each entry that makes sense changes the
/// config, each that does not becomes a problem with its line.
struct ConfigReader {
    let file: String
    let lines: ConfigLines
    var config = Config()

    init(file: String, lines: ConfigLines) {
        self.file = file
        self.lines = lines
    }

    mutating func problem(line: Int?, _ message: String) {
        config.problems.append(ConfigProblem(file: file, line: line, message: message))
    }

    mutating func problem(at path: [String], _ message: String) { problem(line: lines.line(of: path), message) }

    static let topLevel = ["measure", "mouse", "ruler", "panes", "keys", "theme"]

    mutating func read(_ table: TOMLTable) {
        for (key, value) in table {
            switch key {
            case "measure":
                if let n = value.int, n >= 0, n <= 1000 { config.settings.measure = n } else {
                    problem(at: [key], "`measure` must be a whole number of columns from 0 (the full width) to 1000; the default \(ReaderSettings.defaultMeasure) is used")
                }
            case "mouse":
                if let b = bool(value, at: [key]) { config.settings.mouse = b }
            case "ruler":
                if let b = bool(value, at: [key]) { config.settings.ruler = b }
            case "panes":
                guard let panes = self.table(value, at: [key]) else { continue }
                for (pane, shown) in panes {
                    switch pane {
                    case "footnotes": if let b = bool(shown, at: [key, pane]) { config.settings.footnotesPane = b }
                    case "notes": if let b = bool(shown, at: [key, pane]) { config.settings.notesPane = b }
                    default: problem(at: [key, pane], "unknown pane `\(pane)` in [panes] (there are `footnotes` and `notes`)")
                    }
                }
            case "keys":
                guard let modes = self.table(value, at: [key]) else { continue }
                for (mode, bindings) in modes { readKeys(mode: mode, bindings) }
            case "theme":
                guard let elements = self.table(value, at: [key]) else { continue }
                for (element, entry) in elements { readTheme(element: element, entry) }
            default:
                problem(at: [key], "unknown setting `\(key)` (there are \(Self.topLevel.map { "`\($0)`" }.joined(separator: ", ")))")
            }
        }
    }

    mutating func bool(_ value: TOMLValueConvertible, at path: [String]) -> Bool? {
        if let b = value.bool { return b }
        problem(at: path, "`\(path.joined(separator: "."))` must be true or false; the default is used")
        return nil
    }

    mutating func table(_ value: TOMLValueConvertible, at path: [String]) -> TOMLTable? {
        if let t = value.table { return t }
        problem(at: path, "`\(path.joined(separator: "."))` must be a table ([\(path.joined(separator: "."))]); it is ignored")
        return nil
    }

    /// One `[keys.<mode>]` table: key name → command name (or `"none"` to unbind).
    mutating func readKeys(mode name: String, _ value: TOMLValueConvertible) {
        guard let mode = config.keymap.mode(named: name) else {
            let names = config.keymap.modes.map(\.name).joined(separator: ", ")
            problem(at: ["keys", name], "unknown mode [keys.\(name)] (modes: \(names)); its bindings are ignored")
            return
        }
        guard let bindings = table(value, at: ["keys", name]) else { return }
        let allowed = Keymap.standard.commands(in: mode)
        var wanted: [(key: Key, name: String, command: Command?)] = []
        for (keyName, commandValue) in bindings {
            let path = ["keys", name, keyName]
            guard let key = Key(configName: keyName) else {
                problem(at: path, "unknown key name \"\(keyName)\" in [keys.\(name)] (write a character, ctrl-x, alt-x, or space, enter, tab, shift-tab, esc, backspace, delete, up, down, left, right, pgup, pgdn, home, end); ignored")
                continue
            }
            guard let commandName = commandValue.string else {
                problem(at: path, "the command for \"\(keyName)\" must be a string such as \"page_down\"; ignored")
                continue
            }
            if commandName == "none" { wanted.append((key, keyName, nil)); continue }
            guard let command = Command(configName: commandName) else {
                problem(at: path, "unknown command \"\(commandName)\" for \"\(keyName)\" in [keys.\(name)] (the help screen, ?, names them); the default is kept")
                continue
            }
            guard allowed.contains(command) else {
                problem(at: path, "\"\(commandName)\" is not a command of [keys.\(name)] (its commands: \(allowed.map(\.configName).joined(separator: ", "))); the default is kept")
                continue
            }
            wanted.append((key, keyName, command))
        }
        for binding in wanted {
            let same = wanted.filter { $0.key == binding.key }
            if same.count > 1 {
                let names = same.map { "\"\($0.name)\"" }.joined(separator: " and ")
                problem(at: ["keys", name, binding.name], "conflicting bindings in [keys.\(name)]: \(names) are the same key (\(binding.key.label)); the default is kept")
                continue
            }
            config.keymap.bind(binding.key, to: binding.command, in: mode)
        }
    }

    /// One `[theme]` entry: `heading = { fg = "cyan", bg = "default", attributes = ["bold"] }`.
    mutating func readTheme(element name: String, _ value: TOMLValueConvertible) {
        guard let element = Theme.elements.first(where: { $0.name == name }) else {
            problem(at: ["theme", name], "unknown theme element `\(name)` (there are \(Theme.elements.map(\.name).joined(separator: ", ")))")
            return
        }
        guard let fields = table(value, at: ["theme", name]) else { return }
        var entry = config.settings.theme.entry(for: element.role)
        for (field, fieldValue) in fields {
            let path = ["theme", name, field]
            switch field {
            case "fg", "bg":
                guard let colour = color(fieldValue, at: path) else { continue }
                if field == "fg" { entry.foreground = colour.number } else { entry.background = colour.number }
            case "attributes":
                guard let list = fieldValue.array else {
                    problem(at: path, "`attributes` must be a list such as [\"bold\", \"underline\"]; ignored")
                    continue
                }
                var attributes: Style.Attributes = []
                var ok = true
                for item in list {
                    guard let s = item.string, let a = Theme.attributeNames.first(where: { $0.name == s }) else {
                        problem(at: path, "unknown attribute \(item.string.map { "\"\($0)\"" } ?? "\(item)") (there are \(Theme.attributeNames.map(\.name).joined(separator: ", "))); the default is kept")
                        ok = false
                        break
                    }
                    attributes.insert(a.attribute)
                }
                if ok { entry.attributes = attributes }
            default:
                problem(at: path, "unknown field `\(field)` in theme.\(name) (there are fg, bg, attributes)")
            }
        }
        config.settings.theme.entries[element.role] = entry
    }

    /// A colour read from the file: a terminal colour number, or `nil` for the terminal's own.
    struct Colour { var number: Int? }

    /// A colour: a name, `"default"`, or a number 0–255.
    mutating func color(_ value: TOMLValueConvertible, at path: [String]) -> Colour? {
        if let n = value.int, (0...255).contains(n) { return Colour(number: n) }
        if let s = value.string {
            if s == "default" { return Colour(number: nil) }
            if let named = Theme.colorNames.first(where: { $0.name == s }) { return Colour(number: named.number) }
        }
        problem(at: path, "unknown colour \(value.string.map { "\"\($0)\"" } ?? "\(value)") for theme.\(path[1]) (a name such as \"cyan\" or \"bright-blue\", \"default\", or a number 0–255); the default is kept")
        return nil
    }
}
