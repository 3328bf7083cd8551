import Foundation

/// The text that Lectio opens when no file is named: Pierre Broué's *Leon Sedov*,
/// shipped byte for byte as a resource of this module.
public enum BundledText {
    /// The file name of the bundled text, as it stands in `Assets/`.
    public static let fileName = "sedov-broue.txt"

    /// Where the bundled text is on disk, or `nil` when the resource bundle is missing.
    public static var url: URL? {
        Bundle.module.url(forResource: "sedov-broue", withExtension: "txt")
    }
}
