/// The inner loop of `EPUBBookBuilder.append`: copies a text's UTF-8 into the paragraph being
/// built, collapsing whitespace (unless preformatted), expanding tabs in preformatted text,
/// putting a list marker before the paragraph's first character, and showing control
/// characters as visible symbols.
///
/// A plain function over buffers with its state in locals, so that the compiler keeps the
/// state in registers: this loop sees every character of the book.
struct TextCopy {
    /// A space is owed before the next character.
    var pending: Bool
    /// Columns on the current line, for tab stops.
    var column: Int
    /// Scalars in the paragraph.
    var count: Int
    /// The paragraph's last byte, or -1 while it is empty.
    var last: Int
    /// Whether this copy wrote the paragraph's first character (and so its marker).
    var started = false

    /// Copies `source` (valid UTF-8) to `out`, which has room for the worst case; returns the
    /// bytes written.
    static func copy(_ source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, preformatted: Bool,
                     prefix: [Unicode.Scalar], state: inout TextCopy) -> Int {
        var pending = state.pending, column = state.column, count = state.count, last = state.last
        var started = state.started
        var k = 0
        var i = 0
        let n = source.count
        while i < n {
            let b = source[i]
            // Inside a paragraph, printable ASCII and characters from U+00C0 on (whose lead
            // byte is C3 or above; EF may start a byte-order mark) are copied as they are,
            // after the space owed if any: most of any book.
            if last >= 0 {
                let plain = b > 0x20 && b < 0x7F
                if plain || (b >= 0xC3 && b != 0xEF) {
                    let length = plain ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    if i + length <= n {
                        if pending {
                            out[k] = 0x20
                            k += 1; count += 1
                            pending = false
                        }
                        for j in i..<(i + length) { out[k] = source[j]; k += 1 }
                        i += length; count += 1; column += 1
                        last = Int(out[k - 1])
                        continue
                    }
                }
                if !preformatted, b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                    if last != 0x0A { pending = true }
                    i += 1
                    continue
                }
            }
            let length: Int
            var s: Unicode.Scalar
            if b < 0x80 {
                length = 1
                s = Unicode.Scalar(b)
            } else {
                // Decode by hand: a Swift string is valid UTF-8.
                length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                var j = 1
                while j < length, i + j < n { value = value << 6 | UInt32(source[i + j] & 0x3F); j += 1 }
                s = Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            let first = i
            i += length
            if b <= 0x20 {
                if preformatted {
                    switch b {
                    case 0x0D: continue
                    case 0x0A:
                        out[k] = 0x0A
                        k += 1; count += 1; last = 0x0A; column = 0
                        continue
                    case 0x09:
                        let spaces = 8 - column % 8
                        for _ in 0..<spaces { out[k] = 0x20; k += 1 }
                        count += spaces; last = 0x20; column += spaces
                        continue
                    default: break
                    }
                } else if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                    if last >= 0, last != 0x0A { pending = true }
                    continue
                }
            }
            if last < 0 {
                // The paragraph's first character: the list marker goes before it.
                for p in prefix { put(p, out, &k) }
                count += prefix.count
                column = prefix.count
                started = true
            }
            if pending {
                out[k] = 0x20
                k += 1; count += 1
                pending = false
            }
            if s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) || s.value == 0xFEFF {
                put(EPUBBookBuilder.visible(s), out, &k)
            } else {
                for j in first..<min(first + length, n) { out[k] = source[j]; k += 1 }
            }
            count += 1; column += 1
            last = Int(out[k - 1])
        }
        state = TextCopy(pending: pending, column: column, count: count, last: last, started: started)
        return k
    }

    private static func put(_ s: Unicode.Scalar, _ out: UnsafeMutablePointer<UInt8>, _ k: inout Int) {
        UTF8.encode(s) { out[k] = $0; k += 1 }
    }
}
