import Foundation

/// `META-INF/encryption.xml`: whether it encrypts content (DRM) or only obfuscates fonts,
/// which a reader that shows no fonts can ignore.
enum EPUBEncryption {
    /// The font obfuscation algorithms of the IDPF and of Adobe.
    static let fontObfuscation: Set<String> = ["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"]
    static let fontExtensions: Set<String> = ["otf", "ttf", "woff", "woff2", "pfb", "pfm", "afm", "fnt"]

    /// Whether any encrypted resource is something other than an obfuscated font.
    static func encryptsContent(_ data: Data) -> Bool {
        let root = MarkupParser.parse(data).root
        for encrypted in root.descendants(where: { $0.name == "encrypteddata" }) {
            let algorithm = encrypted.firstDescendant("encryptionmethod")?.attributes["Algorithm"] ?? ""
            if fontObfuscation.contains(algorithm) { continue }
            let uri = encrypted.firstDescendant("cipherreference")?.attributes["URI"] ?? ""
            let ext = uri.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if fontExtensions.contains(ext) { continue }
            return true
        }
        return false
    }
}
