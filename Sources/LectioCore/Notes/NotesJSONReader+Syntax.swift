/// JSON's syntax, strictly (RFC 8259, as `JSONDecoder` has it): objects, arrays, strings with
/// their escapes, numbers, literals.
extension NotesJSONReader {
    var peek: UInt8? { i < b.count ? b[i] : nil }

    mutating func skipSpace() {
        while i < b.count {
            switch b[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private mutating func expect(_ c: UInt8) throws {
        skipSpace()
        guard peek == c else { throw Failure.syntax }
        i += 1
    }

    /// Calls `member` for each key of the object here, the reader standing at its value, which
    /// `member` must read.
    mutating func object(_ member: (inout Self, String) throws -> Void) throws {
        skipSpace()
        guard peek == UInt8(ascii: "{") else {
            if peek == UInt8(ascii: "\"") || peek == UInt8(ascii: "[") || peek == UInt8(ascii: "-")
                || peek.map({ $0 >= 0x30 && $0 <= 0x39 || $0 == UInt8(ascii: "t") || $0 == UInt8(ascii: "f") || $0 == UInt8(ascii: "n") }) == true {
                _ = try value()
                throw wrongType("")
            }
            throw Failure.syntax
        }
        i += 1
        try enter()
        defer { depth -= 1 }
        skipSpace()
        if peek == UInt8(ascii: "}") { i += 1; return }
        while true {
            skipSpace()
            // A comma before the closing brace is let pass, as `JSONDecoder` lets it.
            if peek == UInt8(ascii: "}") { i += 1; return }
            guard peek == UInt8(ascii: "\"") else { throw Failure.syntax }
            let key = try stringLiteral()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            skipSpace()
            guard let c = peek else { throw Failure.syntax }
            i += 1
            if c == UInt8(ascii: "}") { return }
            guard c == UInt8(ascii: ",") else { throw Failure.syntax }
        }
    }

    /// `object(_:)` with each key as its UTF-8 bytes, made into no string (a key written with
    /// escapes is decoded first).
    mutating func objectKeys(_ member: (inout Self, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        skipSpace()
        guard peek == UInt8(ascii: "{") else { return try object { r, key in
            var key = key
            try key.withUTF8 { try member(&r, $0) }
        } }
        i += 1
        try enter()
        defer { depth -= 1 }
        while true {
            skipSpace()
            if peek == UInt8(ascii: "}") { i += 1; return }
            guard peek == UInt8(ascii: "\"") else { throw Failure.syntax }
            let start = i + 1
            var end = start
            while end < b.count, b[end] != UInt8(ascii: "\""), b[end] != UInt8(ascii: "\\"), b[end] >= 0x20, b[end] < 0x80 { end += 1 }
            if end < b.count, b[end] == UInt8(ascii: "\"") {
                i = end + 1
                try expect(UInt8(ascii: ":"))
                try member(&self, UnsafeBufferPointer(rebasing: b[start..<end]))
            } else {
                var key = try stringLiteral()
                try expect(UInt8(ascii: ":"))
                try key.withUTF8 { try member(&self, $0) }
            }
            skipSpace()
            guard let c = peek else { throw Failure.syntax }
            i += 1
            if c == UInt8(ascii: "}") { return }
            guard c == UInt8(ascii: ",") else { throw Failure.syntax }
        }
    }

    /// One level deeper into objects and arrays, refused past `maximumDepth`.
    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw Failure.syntax }
    }

    /// Calls `element` for each element of the array here (with its index).
    mutating func array(_ element: (inout Self, Int) throws -> Void) throws {
        skipSpace()
        guard peek == UInt8(ascii: "[") else {
            _ = try value()
            throw wrongType("")
        }
        i += 1
        try enter()
        defer { depth -= 1 }
        skipSpace()
        if peek == UInt8(ascii: "]") { i += 1; return }
        var index = 0
        while true {
            skipSpace()
            if index > 0, peek == UInt8(ascii: "]") { i += 1; return }
            try element(&self, index)
            index += 1
            skipSpace()
            guard let c = peek else { throw Failure.syntax }
            i += 1
            if c == UInt8(ascii: "]") { return }
            guard c == UInt8(ascii: ",") else { throw Failure.syntax }
        }
    }

    /// Any value, as `JSONValue` reads it (a number that is a whole `Int64` is an integer).
    mutating func value() throws -> JSONValue {
        skipSpace()
        guard let c = peek else { throw Failure.syntax }
        switch c {
        case UInt8(ascii: "{"):
            var fields: [String: JSONValue] = [:]
            try object { r, key in
                let v = try r.value()
                if fields[key] == nil { fields[key] = v }
            }
            return .object(fields)
        case UInt8(ascii: "["):
            var values: [JSONValue] = []
            try array { r, _ in values.append(try r.value()) }
            return .array(values)
        case UInt8(ascii: "\""): return .string(try stringLiteral())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            switch try number() {
            case .integer(let n): return .integer(n)
            case .double(let d):
                if d.rounded() == d, let n = Int64(exactly: d) { return .integer(n) }
                return .number(d)
            }
        }
    }

    /// Passes over the value here, checking its syntax, keeping nothing.
    mutating func skipValue() throws {
        skipSpace()
        switch peek {
        case UInt8(ascii: "{"): try object { r, _ in try r.skipValue() }
        case UInt8(ascii: "["): try array { r, _ in try r.skipValue() }
        case UInt8(ascii: "\""): try skipStringLiteral()
        default: _ = try value()
        }
    }

    mutating func literal(_ word: String) throws {
        for c in word.utf8 {
            guard i < b.count, b[i] == c else { throw Failure.syntax }
            i += 1
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    mutating func number() throws -> Number {
        let start = i
        func digits(_ r: inout Self) -> Int {
            let from = r.i
            while r.i < r.b.count, r.b[r.i] >= 0x30, r.b[r.i] <= 0x39 { r.i += 1 }
            return r.i - from
        }
        if peek == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let whole = digits(&self)
        guard whole > 0, !(whole > 1 && b[intStart] == 0x30) else { throw Failure.syntax }
        var integral = true
        if peek == UInt8(ascii: ".") {
            i += 1
            guard digits(&self) > 0 else { throw Failure.syntax }
            integral = false
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            i += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw Failure.syntax }
            integral = false
        }
        if integral, whole <= 18 {
            var n: Int64 = 0
            for k in intStart..<i { n = n * 10 + Int64(b[k] - 0x30) }
            return .integer(b[start] == UInt8(ascii: "-") ? -n : n)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        if integral, let n = Int64(text) { return .integer(n) }
        guard let d = Double(text), d.isFinite else { throw Failure.syntax }
        return .double(d)
    }

    /// The string literal here, its escapes decoded; invalid UTF-8, a raw control character or
    /// a lone surrogate is a syntax error.
    mutating func stringLiteral() throws -> String {
        i += 1  // the opening quote
        let start = i
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                guard let s = String(validating: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self) else { throw Failure.syntax }
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            guard c >= 0x20 else { throw Failure.syntax }
            i += 1
        }
        // Escapes: decode into bytes from here on.
        var bytes = Array(UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < b.count {
            let c = b[i]
            i += 1
            switch c {
            case UInt8(ascii: "\""):
                guard let s = String(validating: bytes, as: UTF8.self) else { throw Failure.syntax }
                return s
            case UInt8(ascii: "\\"):
                guard let e = peek else { throw Failure.syntax }
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(e)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if code >= 0xD800 && code < 0xDC00 {
                        guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else { throw Failure.syntax }
                        i += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw Failure.syntax }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if code >= 0xDC00 && code < 0xE000 {
                        throw Failure.syntax
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw Failure.syntax }
                    bytes.append(contentsOf: String(Character(scalar)).utf8)
                default: throw Failure.syntax
                }
            default:
                guard c >= 0x20 else { throw Failure.syntax }
                bytes.append(c)
            }
        }
        throw Failure.syntax
    }

    mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count else { throw Failure.syntax }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let c = b[i]
            let v: UInt8
            switch c {
            case 0x30...0x39: v = c - 0x30
            case 0x41...0x46: v = c - 0x41 + 10
            case 0x61...0x66: v = c - 0x61 + 10
            default: throw Failure.syntax
            }
            code = code << 4 | UInt32(v)
            i += 1
        }
        return code
    }
}

extension NotesJSONReader {
    /// Passes over the string literal here, checking it as `stringLiteral()` does (escapes,
    /// surrogate pairs, controls, UTF-8) without making a string of it.
    mutating func skipStringLiteral() throws {
        i += 1
        let start = i
        var ascii = true
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                guard ascii || Self.isValidUTF8(UnsafeBufferPointer(rebasing: b[start..<i])) else { throw Failure.syntax }
                i += 1
                return
            }
            guard c >= 0x20 else { throw Failure.syntax }
            if c >= 0x80 { ascii = false }
            i += 1
            guard c == UInt8(ascii: "\\") else { continue }
            guard let e = peek else { throw Failure.syntax }
            i += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): continue
            case UInt8(ascii: "u"):
                let code = try hex4()
                if code >= 0xD800 && code < 0xDC00 {
                    guard i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") else { throw Failure.syntax }
                    i += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw Failure.syntax }
                } else if code >= 0xDC00 && code < 0xE000 {
                    throw Failure.syntax
                }
            default: throw Failure.syntax
            }
        }
        throw Failure.syntax
    }

    /// Whether `u` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < u.count {
            let c = u[k]
            if c < 0x80 { k += 1; continue }
            let n: Int, least: UInt32
            var code: UInt32
            switch c {
            case 0xC0...0xDF: n = 1; code = UInt32(c & 0x1F); least = 0x80
            case 0xE0...0xEF: n = 2; code = UInt32(c & 0x0F); least = 0x800
            case 0xF0...0xF7: n = 3; code = UInt32(c & 0x07); least = 0x10000
            default: return false
            }
            guard k + n < u.count else { return false }
            for m in 1...n {
                let cc = u[k + m]
                guard cc & 0xC0 == 0x80 else { return false }
                code = code << 6 | UInt32(cc & 0x3F)
            }
            guard code >= least, code <= 0x10FFFF, !(0xD800...0xDFFF).contains(code) else { return false }
            k += n + 1
        }
        return true
    }
}
