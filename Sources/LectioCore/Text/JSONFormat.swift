import Foundation

/// The one JSON style of every file and listing Lectio writes: keys sorted and pretty-printed
/// (so files diff well under git), slashes unescaped (paths and URLs read as written).
public enum JSONFormat {
    /// An encoder in the house style.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as JSON text in the house style.
    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}
