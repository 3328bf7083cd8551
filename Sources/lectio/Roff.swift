import Foundation

/// Text made safe for a man page written in mdoc: a backslash, a line that starts with a dot or
/// an apostrophe, a quote inside a macro argument, and every character outside ASCII (written
/// as its code point, so the page reads the same whatever encoding `man` assumes).
enum Roff {
    /// Running text: one paragraph per blank-line-separated block, each joined by `.Pp`.
    static func paragraphs(_ text: String) -> [String] {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if lines.last != ".Pp" && !lines.isEmpty { lines.append(".Pp") }
            } else {
                lines.append(textLine(String(line)))
            }
        }
        if lines.last == ".Pp" { lines.removeLast() }
        return lines
    }

    /// One line of running text.
    static func textLine(_ text: String) -> String {
        let escaped = escape(text.trimmingCharacters(in: .whitespaces))
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    /// One macro argument, quoted so that no word of it is taken for a macro or a delimiter.
    static func argument(_ text: String) -> String {
        "\"" + escape(text).replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }

    /// Backslashes and characters outside ASCII escaped; arrows as roff's own arrows.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\e"
            case "↑": result += "\\(ua"
            case "↓": result += "\\(da"
            case "←": result += "\\(<-"
            case "→": result += "\\(->"
            case "\t": result += " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue
            case _ where scalar.isASCII: result.unicodeScalars.append(scalar)
            default: result += "\\[u" + hex(scalar.value) + "]"
            }
        }
        return result
    }

    /// Four or more upper-case hexadecimal digits, as roff's `\[uXXXX]` wants them.
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
