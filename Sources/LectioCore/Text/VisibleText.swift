/// The one sanitiser for text that comes from a file or a note on its way to a terminal: every
/// control character becomes a visible symbol, so that no text can move the cursor, retitle
/// the window, clear the screen or write the clipboard.
///
/// C0 controls become their control pictures (`ESC` → `␛`, U+2400 + code), `DEL` becomes `␡`,
/// C1 controls (U+0080–U+009F, which some terminals obey as `CSI`, `OSC`…) become `�`. Line
/// feeds (and tabs) are kept only where the caller says the output can hold them.
public enum VisibleText {
    /// What may pass through unchanged besides printable text.
    public struct Allowed: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// `\n` is kept (line-oriented output such as `notes list`).
        public static let newlines = Allowed(rawValue: 1)
        /// `\t` is kept.
        public static let tabs = Allowed(rawValue: 2)
    }

    /// The visible stand-in for a scalar that must not reach a terminal, or `nil` when the
    /// scalar is safe as it is.
    @inline(__always)
    public static func replacement(for scalar: Unicode.Scalar, allowing allowed: Allowed = []) -> Unicode.Scalar? {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return nil }
        if v == 0x0A && allowed.contains(.newlines) { return nil }
        if v == 0x09 && allowed.contains(.tabs) { return nil }
        if v < 0x20 { return Unicode.Scalar(0x2400 + v) }
        if v == 0x7F { return "\u{2421}" }
        if v >= 0x80 && v <= 0x9F { return "\u{FFFD}" }
        return nil
    }

    /// Whether `text` would pass unchanged.
    public static func isSafe(_ text: some StringProtocol, allowing allowed: Allowed = []) -> Bool {
        // Fast path: every byte of a control character in UTF-8 is below 0x20, 0x7F, or the
        // pair C2 80–C2 9F.
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b < 0x20 {
                if b == 0x0A && allowed.contains(.newlines) { previous = b; continue }
                if b == 0x09 && allowed.contains(.tabs) { previous = b; continue }
                return false
            }
            if b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F) { return false }
            previous = b
        }
        return true
    }

    /// `text` with every control character made visible.
    public static func sanitized(_ text: some StringProtocol, allowing allowed: Allowed = []) -> String {
        if isSafe(text, allowing: allowed) { return String(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(replacement(for: scalar, allowing: allowed) ?? scalar)
        }
        return String(out)
    }

    /// JSON text with any raw C1 control inside its strings written as a `\u` escape (a JSON
    /// encoder escapes C0 controls but passes C1 controls through, and some terminals obey
    /// them).
    public static func escapingC1(inJSON json: String) -> String {
        guard !isSafe(json, allowing: [.newlines, .tabs]) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x80 && scalar.value <= 0x9F || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
