import Foundation
import LectioAssets

/// Finds the bundled text: in the resource bundle next to the executable.
enum BundledTextLocator {
    static var url: URL? {
        if let url = BundledText.url, FileManager.default.fileExists(atPath: url.path) { return url }
        return nil
    }
}
