// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lectio",
    // Linux only (Glibc, ncursesw): no `platforms` line, which would name Apple systems.
    products: [
        .executable(name: "lectio", targets: ["lectio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // EPUB: reading the ZIP container in memory (needs zlib1g-dev on Linux).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // ncursesw, wide-character build. See Sources/CNcursesw/shim.h.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // libxml2's SAX parser, for EPUB's XHTML (libxml2-dev). See Sources/CLibXML2/shim.h.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // zlib, to inflate EPUB entries in one call (zlib1g-dev, which ZIPFoundation needs too).
        .systemLibrary(name: "CZlibInflate", path: "Sources/CZlibInflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The bundled text, compiled into the binary byte for byte from Assets/sedov-broue.txt
        // (the EmbedAssets plugin writes it as a byte array), so lectio needs no resource bundle.
        .target(
            name: "LectioAssets",
            path: "Assets",
            exclude: ["README.md", "sedov-broue.txt"],
            sources: ["BundledText.swift"],
            plugins: ["EmbedAssets"]
        ),
        .plugin(name: "EmbedAssets", capability: .buildTool(), dependencies: ["embed-assets"]),
        // The plugin's tool: files → a Swift source of byte arrays. Runs at build time only.
        .executableTarget(name: "embed-assets", path: "Plugins/EmbedAssetsTool"),
        // The model: no terminal, Foundation only.
        .target(name: "LectioCore", dependencies: [
            "CLibXML2", "CZlibInflate", "CFileStatus", .product(name: "Algorithms", package: "swift-algorithms"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // stat(2) into a plain struct (C): `struct stat` resolves unreliably in Swift.
        .target(name: "CFileStatus"),
        // Terminal-free UI: screens, panes, keymap, app state.
        .target(name: "LectioUI", dependencies: ["LectioCore", .product(name: "Algorithms", package: "swift-algorithms")]),
        // The only importer of curses.
        .target(name: "LectioTerminal", dependencies: ["LectioUI", "CNcursesw"]),
        // The config file (TOML): keys, theme, measure, panes. TOMLKit (C++ toml++) stays
        // out of the model and the UI; the UI only gets the values.
        .target(name: "LectioConfig", dependencies: ["LectioUI", .product(name: "TOMLKit", package: "TOMLKit")]),
        .executableTarget(
            name: "lectio",
            dependencies: [
                "LectioCore", "LectioUI", "LectioTerminal", "LectioAssets", "LectioConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: `swift run -c release lectio-bench FILE` (not run by `swift test`).
        .executableTarget(name: "lectio-bench", dependencies: ["LectioCore", "LectioUI", "CPseudoTerminal"]),
        // A pseudo-terminal for the benchmark to time a real start-up (C: posix_openpt).
        .target(name: "CPseudoTerminal"),
        .target(name: "LectioTestSupport", dependencies: ["LectioCore", "LectioUI"]),
        .testTarget(name: "LectioCoreTests", dependencies: ["LectioCore", "LectioTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "LectioUITests", dependencies: ["LectioUI", "LectioCore", "LectioTestSupport"]),
        .testTarget(name: "LectioConfigTests", dependencies: ["LectioConfig", "LectioUI", "LectioTestSupport"]),
        .testTarget(name: "LectioTerminalTests", dependencies: ["LectioTerminal", "LectioUI", "LectioCore", "LectioTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LectioTestSupport", "LectioUI"]),
        .testTarget(name: "LectioAssetsTests", dependencies: ["LectioAssets", "LectioTestSupport"]),
        // The executable's own types: opening the bundled text, the man page.
        .testTarget(name: "LectioCommandTests", dependencies: ["lectio", "LectioCore", "LectioUI", "LectioAssets", "LectioTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// Every module names what it uses: members of a module it does not import are errors, so that
// the imports (LectioUI without Foundation, say) say the truth.
for target in package.targets where target.type != .system && target.type != .plugin {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}

// A release build carries the Swift runtime and Foundation in the binary (what
// `--static-swift-stdlib` does, made the default): `lectio` starts in about half the time, with no
// libFoundation and ICU to load, and runs on a machine without Swift. Debug builds, and so the
// tests, link dynamically as usual.
// (Not the test support, which imports Testing: the toolchain has no static Testing.)
for target in package.targets where (target.type == .regular || target.type == .executable) && target.name != "LectioTestSupport" {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
    if target.type == .executable {
        target.linkerSettings = (target.linkerSettings ?? []) + [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
    }
}
