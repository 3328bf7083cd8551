/// The text that Lectio opens when no file is named: Pierre Broué's *Leon Sedov*, compiled into
/// the binary byte for byte from `Assets/sedov-broue.txt` by the EmbedAssets build-tool plugin,
/// so that `lectio` needs no file beside it.
public enum BundledText {
    /// The file name of the bundled text, as it stands in `Assets/`.
    public static let fileName = "sedov-broue.txt"

    /// The bundled text's bytes, exactly as `Assets/sedov-broue.txt` holds them.
    public static var bytes: [UInt8] { EmbeddedAssets.sedovBroue }
}
