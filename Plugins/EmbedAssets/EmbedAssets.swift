import Foundation
import PackagePlugin

/// Compiles the files beside a target's Swift sources (other than `README.md`) into the
/// target as byte arrays, so that the program carries them inside its binary and needs no
/// resource bundle beside it. The files themselves stay the single source of truth: the
/// generated source is rebuilt whenever one of them changes.
@main
struct EmbedAssets: BuildToolPlugin {
    /// One command: `embed-assets OUTPUT FILE…`, writing `EmbeddedAssets.swift`.
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        // The folder of the target's Swift sources (`Target.directoryURL` needs tools 6.1).
        guard let module = target as? SourceModuleTarget,
              let source = Array(module.sourceFiles(withSuffix: "swift")).first else { return [] }
        let folder = source.url.deletingLastPathComponent()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))
        let inputs = names
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".swift") && $0 != "README.md" }
            .sorted()
            .map { folder.appending(path: $0) }
            .filter { isFile($0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedAssets.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.map(\.lastPathComponent).joined(separator: ", ")) in \(target.name)",
                executable: try context.tool(named: "embed-assets").url,
                arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output]),
        ]
    }

    /// Whether `url` is a file, not a folder.
    private func isFile(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path(percentEncoded: false), isDirectory: &isFolder) && !isFolder.boolValue
    }
}
