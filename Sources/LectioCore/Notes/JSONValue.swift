/// Any JSON value, kept as it was read: the fields of a notes file that this version does not
/// know (written by a newer Lectio or by another tool) are carried in these and written back,
/// so that a save never drops them.
public enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Reads whatever value stands here.
    public init(from decoder: Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? single.decode(Double.self) {
            self = .number(value)
        } else if let value = try? single.decode(String.self) {
            self = .string(value)
        } else if let value = try? single.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try single.decode([String: JSONValue].self))
        }
    }

    /// Writes the value back as it was read.
    public func encode(to encoder: Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .null: try single.encodeNil()
        case .bool(let value): try single.encode(value)
        case .integer(let value): try single.encode(value)
        case .number(let value): try single.encode(value)
        case .string(let value): try single.encode(value)
        case .array(let value): try single.encode(value)
        case .object(let value): try single.encode(value)
        }
    }

    /// Any key of a JSON object. Notes, anchors and the file decode with these alone, so that
    /// each object is read once, its known keys and the others alike.
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        /// The key of a known field.
        init(_ known: some CodingKey) { stringValue = known.stringValue }
    }

    /// The fields of `container` whose keys are not in `known`.
    static func unknownFields(in container: KeyedDecodingContainer<Key>, known: [String]) throws -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for key in container.allKeys where !known.contains(key.stringValue) {
            fields[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return fields
    }

    /// Writes `fields` into `container`, beside the known fields.
    static func encode(_ fields: [String: JSONValue], in container: inout KeyedEncodingContainer<Key>) throws {
        for (key, value) in fields { try container.encode(value, forKey: Key(stringValue: key)) }
    }
}
