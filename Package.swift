// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "oss-hooks",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "oss-log", targets: ["oss-log"]),
        .executable(name: "oss-notify", targets: ["oss-notify"]),
        .executable(name: "oss-decrypt", targets: ["oss-decrypt"]),
        .executable(name: "oss-integration", targets: ["oss-integration"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // Library

        // System zlib, for gzip of rotated session logs.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(
            name: "Shared",
            dependencies: [
                "CZlib",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // ArgumentParser glue shared by the four tools.
        .target(
            name: "ToolSupport",
            dependencies: ["Shared", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // Executables

        .executableTarget(name: "oss-log", dependencies: ["Shared", "ToolSupport"]),
        .executableTarget(name: "oss-notify", dependencies: ["Shared", "ToolSupport"]),
        .executableTarget(name: "oss-decrypt", dependencies: ["Shared"]),
        .executableTarget(name: "oss-integration", dependencies: ["Shared", "ToolSupport"]),

        // Test support

        .target(
            name: "TestSupport",
            dependencies: ["Shared", .product(name: "FlyingFox", package: "FlyingFox")],
            path: "Tests/TestSupport"
        ),

        // The loopback OSS API as a process, for Scripts/bench.sh (not a product).
        .executableTarget(
            name: "oss-fixture-server", dependencies: ["Shared", "TestSupport"], path: "Tests/FixtureServer"),

        // Tests

        .testTarget(
            name: "SharedTests",
            dependencies: ["Shared", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Shared", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
