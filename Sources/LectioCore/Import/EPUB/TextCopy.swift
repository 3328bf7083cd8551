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
            if !preformatted, last >= 0, b > 0x20 {
                // A run that stands as it is: characters other than controls and spaces, and
                // single spaces between them (what whitespace collapses to anyway). Lead
                // bytes C2 (C1 controls) and EF (a byte-order mark) end it.
                let run = Self.plainRun(source, from: i)
                if run.end > i {
                    if pending {
                        out[k] = 0x20
                        k += 1; count += 1
                        pending = false
                    }
                    (out + k).update(from: source.baseAddress.unsafelyUnwrapped + i, count: run.end - i)
                    k += run.end - i
                    count += run.scalars
                    column += run.scalars - run.spaces
                    i = run.end
                    last = Int(out[k - 1])
                    continue
                }
            }
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

    /// The end of the run that starts at `start` (a byte above 0x20) and stands as it is,
    /// with how many scalars and spaces it holds. Branch-free per byte: words and spaces
    /// alternate too often for a branch to be predicted.
    @inline(__always)
    private static func plainRun(_ source: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, scalars: Int, spaces: Int) {
        let n = source.count
        var j = start
        var scalars = 0, spaces = 0
        // Eight bytes at a time while they all pass: no byte below 0x20, no 7F, C2 or EF, and
        // every space followed by a byte above 0x20 (the byte after the eight included).
        if let base = source.baseAddress {
            let highs: UInt64 = 0x8080_8080_8080_8080, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let belowSpace: UInt64 = 0x2121_2121_2121_2121
            /// 0x80 in each byte of `v` that is zero, exactly.
            func zeros(_ v: UInt64) -> UInt64 { ~(((v & lows) &+ lows) | v | lows) }
            while j + 9 <= n {
                let x = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
                let following = UInt64(base[j + 8])
                // Bytes below 0x21 (ASCII ones only: ~x clears the others): x - 0x21 sets bit 7.
                // A borrow may flag a byte 0x21 above such a byte too, which only ends the
                // fast loop early; no byte below 0x21 goes unflagged.
                let low = (x &- belowSpace) & ~x & highs
                let space = zeros(x ^ 0x2020_2020_2020_2020)
                let special = zeros(x ^ lows) | zeros(x ^ 0xC2C2_C2C2_C2C2_C2C2) | zeros(x ^ 0xEFEF_EFEF_EFEF_EFEF)
                // The byte after each byte: x shifted down one byte, the ninth byte on top.
                let after = x >> 8 | following << 56
                let lowAfter = (after &- belowSpace) & ~after & highs
                // Allowed: spaces whose next byte is above 0x20; nothing else below 0x21.
                if (low & ~space) | (space & lowAfter) | special != 0 { break }
                // Continuation bytes (10xxxxxx) are not scalars of their own.
                let continuation = x & ~(x << 1) & highs
                scalars += 8 - continuation.nonzeroBitCount
                spaces += space.nonzeroBitCount
                j += 8
            }
        }
        while j < n {
            let b = source[j]
            let next = j + 1 < n ? source[j + 1] : 0
            let plain = (b > 0x20 ? 1 : 0) & (b != 0x7F ? 1 : 0) & (b != 0xC2 ? 1 : 0) & (b != 0xEF ? 1 : 0)
            let space = (b == 0x20 ? 1 : 0) & (next > 0x20 ? 1 : 0)
            if plain | space == 0 { break }
            scalars += (b & 0xC0) != 0x80 ? 1 : 0
            spaces += space
            j += 1
        }
        // A run never ends inside a character (only a lead byte can stop it, or the end).
        return (j, scalars, spaces)
    }

    private static func put(_ s: Unicode.Scalar, _ out: UnsafeMutablePointer<UInt8>, _ k: inout Int) {
        UTF8.encode(s) { out[k] = $0; k += 1 }
    }
}
