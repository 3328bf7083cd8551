import Foundation

/// Passes over a text's UTF-8 bytes eight at a time, for the scans that run over a whole file
/// when it opens (a 50 MB file that is one line must open at once).
enum ByteScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset`.
    @inline(__always)
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// Whether some byte of `x` is below `n` (`n` at most 128).
    @inline(__always)
    static func hasByte(below n: UInt64, in x: UInt64) -> Bool { (x &- ones &* n) & ~x & highBits != 0 }

    /// Whether some byte of `x` is `value`.
    @inline(__always)
    static func hasByte(_ value: UInt64, in x: UInt64) -> Bool { hasByte(below: 1, in: x ^ (ones &* value)) }

    /// Whether some place of `lead` in `bytes` (found with `memchr`) passes `test`, given its offset.
    static func contains(_ lead: UInt8, in bytes: UnsafeBufferPointer<UInt8>, where test: (Int) -> Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var from = 0
        while from < bytes.count, let hit = memchr(base + from, Int32(lead), bytes.count - from) {
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if test(i) { return true }
            from = i + 1
        }
        return false
    }

    /// Whether `bytes` hold `第` (E7 AC AC), the mark of a Chinese chapter heading.
    static func containsChapterMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        contains(0xE7, in: bytes) { i in i + 2 < bytes.count && bytes[i + 1] == 0xAC && bytes[i + 2] == 0xAC }
    }

    /// The number of Unicode scalars in valid UTF-8: the bytes that are not continuation bytes (`10xxxxxx`).
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var continuations = 0
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let x = word(bytes, at: i)
            continuations += (x & highBits & ~(x << 1)).nonzeroBitCount
            i += 8
        }
        while i < n {
            if bytes[i] & 0xC0 == 0x80 { continuations += 1 }
            i += 1
        }
        return n - continuations
    }

    /// The index of the first byte for which `suspicious` holds, looking at bytes one by one only
    /// in the words `clean` refuses; `nil` if none.
    static func first(in bytes: UnsafeBufferPointer<UInt8>, clean: (UInt64) -> Bool, suspicious: (Int) -> Bool) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            if i + 8 <= n, clean(word(bytes, at: i)) { i += 8; continue }
            let end = min(n, i + 8)
            while i < end {
                if suspicious(i) { return i }
                i += 1
            }
        }
        return nil
    }
}
