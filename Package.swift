// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lectio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lectio", targets: ["lectio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // ncursesw, wide-character build. See Sources/CNcursesw/shim.h.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The bundled text, copied byte for byte from Assets/ into a resource bundle.
        .target(
            name: "LectioAssets",
            path: "Assets",
            exclude: ["README.md"],
            sources: ["BundledText.swift"],
            resources: [.copy("sedov-broue.txt")]
        ),
        // The model: no terminal, Foundation only.
        .target(name: "LectioCore"),
        // Terminal-free UI: screens, panes, keymap, app state.
        .target(name: "LectioUI", dependencies: ["LectioCore"]),
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
        .testTarget(name: "LectioCoreTests", dependencies: ["LectioCore", "LectioTestSupport"]),
        .testTarget(name: "LectioUITests", dependencies: ["LectioUI", "LectioCore", "LectioTestSupport"]),
        .testTarget(name: "LectioConfigTests", dependencies: ["LectioConfig", "LectioUI", "LectioTestSupport"]),
        .testTarget(name: "LectioTerminalTests", dependencies: ["LectioTerminal", "LectioUI", "LectioCore", "LectioTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["LectioTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
