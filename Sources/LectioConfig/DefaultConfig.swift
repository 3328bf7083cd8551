import Foundation
import LectioUI

/// The config file `lectio config --print-default` writes: every setting at its default,
/// every key of every mode, commented. Reading it back gives the defaults, with no problem.
public enum DefaultConfig {
    /// The file's text.
    public static func text(settings: ReaderSettings = ReaderSettings(), keymap: Keymap = .standard) -> String {
        var out = """
        # Lectio's config file: $XDG_CONFIG_HOME/lectio/config.toml (else ~/.config/lectio/config.toml).
        # Every value below is the default: keep only what you change.
        # `lectio config --check` names each wrong entry as FILE:LINE; the reader starts all the
        # same, with the default for that entry.

        # The widest the text column may be, in columns (centred in the text pane); 0 = the full width.
        measure = \(settings.measure)
        # Take the mouse: the wheel scrolls, a click opens a footnote or jumps (--no-mouse: off for one run).
        mouse = \(settings.mouse)
        # The overview ruler at the right edge of the text (a key toggles it too).
        ruler = \(settings.ruler)

        [panes]
        # Whether each side pane shows at first (true or false). Left out: shown from 120 columns on.

        """
        out += settings.footnotesPane.map { "footnotes = \($0)\n" } ?? "# footnotes = true\n"
        out += settings.notesPane.map { "notes = \($0)\n" } ?? "# notes = true\n"
        out += """

        [theme]
        # Each element: fg and bg (black red green yellow blue magenta cyan white, bright-red…,
        # "default" for the terminal's own, or a number 0–255) and attributes (bold underline italic
        # dim reverse), added to the element's own. NO_COLOR keeps the attributes only.

        """
        for element in Theme.elements {
            let entry = settings.theme.entry(for: element.role)
            let attributes = Theme.attributeNames.filter { entry.attributes.contains($0.attribute) }.map { "\"\($0.name)\"" }
            out += "\(element.name) = { fg = \(colour(entry.foreground)), bg = \(colour(entry.background)), "
                + "attributes = [\(attributes.joined(separator: ", "))] }  # \(element.summary)\n"
        }
        out += """

        # Keys: a table per mode, "key" = "command". A key is a character ("j", "G", "?"), "ctrl-x",
        # "alt-x", or space enter tab shift-tab esc backspace delete up down left right pgup pgdn home end.
        # "none" unbinds a key. The help screen (?) lists each mode's commands by these names.

        """
        for mode in keymap.modes {
            out += "\n[keys.\(mode.name)]  # \(mode.title)\n"
            for binding in keymap.bindings[mode] ?? [] {
                for key in binding.keys {
                    out += "\(quoted(key.configName)) = \"\(binding.command.configName)\"\n"
                }
            }
        }
        return out
    }

    /// A colour as the file writes it: a name in quotes, or a number past the sixteen named.
    static func colour(_ n: Int?) -> String {
        let name = Theme.colorName(n)
        return Int(name) != nil ? name : "\"\(name)\""
    }

    /// A TOML basic string.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
