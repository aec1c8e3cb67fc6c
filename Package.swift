// swift-tools-version: 6.1
import Foundation
import PackageDescription

let package = Package(
    name: "DermaSite",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dermasite", targets: ["dermasite"]),
        .library(name: "DermaSite", targets: ["DermaSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // SHA-256 for the review record: what a clinician reviewed, byte for byte.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The preview server only; no default traits, so swift-configuration is not built.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // Debian's libcmark-gfm; its .pc file already links the extensions library.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian's libvips, for image sizes and smaller copies (WebP) of the images articles show:
        // the few calls needed, with fixed arguments (libvips's own take variable ones). The
        // library is opened on first use, so commands that read no image do not load it.
        .target(name: "CImageCodec", linkerSettings: [.linkedLibrary("dl")]),
        // Lets cmark-gfm parses run in parallel: see the comment in the C file.
        .target(name: "CCmarkParallel", dependencies: ["CCmarkGFM"], linkerSettings: [.linkedLibrary("dl")]),
        // libcurl for `check --external`, opened on the first request so no other command loads it.
        .target(name: "CLinkRequest", linkerSettings: [.linkedLibrary("dl")]),
        // renameat2(RENAME_EXCHANGE), which Swift cannot call directly: the output changes as a whole.
        .target(name: "CSystemCalls"),
        // The core: load -> validate -> render -> write. No command line, no server, no printing.
        .target(
            name: "DermaSite",
            dependencies: [
                "CCmarkGFM",
                "CCmarkParallel",
                "CSystemCalls",
                "CImageCodec",
                "Yams",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTheme"]
        ),
        // Templates/ built into the tool: the default theme a site's own templates override.
        .executableTarget(name: "EmbedThemeTool"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["EmbedThemeTool"]),
        // `dermasite serve` and `build --watch`: file watcher, incremental rebuilds, HTTP and live reload.
        .target(
            name: "DermaSitePreview",
            dependencies: [
                "DermaSite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `dermasite check --external`: asks other sites whether the links to them still work.
        .target(name: "DermaSiteLinks", dependencies: ["DermaSite", "CLinkRequest"]),
        .executableTarget(
            name: "dermasite",
            dependencies: [
                "DermaSite",
                "DermaSitePreview",
                "DermaSiteLinks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // mimalloc in place of glibc's malloc: a build allocates and frees millions of small
            // strings and arrays on every core, and took 7-10 % less wall time with it (BENCHMARKS.md).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // What both test targets share: where the project and the built tool are.
        .target(name: "DermaSiteTestSupport", path: "Tests/DermaSiteTestSupport"),
        .testTarget(name: "DermaSiteTests", dependencies: ["DermaSite", "DermaSiteTestSupport", .product(name: "Mustache", package: "swift-mustache")], exclude: ["Fuzz/Regressions"]),
        // NIOEmbedded: a channel for requests made without a network (the file responder's tests).
        .testTarget(name: "DermaSitePreviewTests",
                    dependencies: ["DermaSitePreview", "DermaSite", "DermaSiteLinks", "DermaSiteTestSupport",
                                   .product(name: "Hummingbird", package: "hummingbird"),
                                   .product(name: "HTTPTypes", package: "swift-http-types"),
                                   .product(name: "NIOEmbedded", package: "swift-nio")]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer harness (scripts/fuzz.sh) is built only when asked for: it has no main of its own
// and links libFuzzer's, which needs -sanitize=fuzzer on the whole build.
if ProcessInfo.processInfo.environment["DERMASITE_FUZZ"] != nil {
    package.targets.append(.target(name: "CFuzzerDriver"))
    package.targets.append(.executableTarget(
        name: "DermaSiteFuzz",
        dependencies: ["DermaSite", "CFuzzerDriver"]
    ))
    package.products.append(.executable(name: "dermasite-fuzz", targets: ["DermaSiteFuzz"]))
}
