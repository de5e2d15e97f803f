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
        .executable(name: "oss-hooks", targets: ["oss-hooks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // Libraries. The graph is acyclic and each executable links only what it uses (docs/architecture.md):
        // the hot hooks (oss-log, oss-notify) link neither swift-crypto nor ArgumentParser.

        // System zlib, for gzip of rotated session logs.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // Config, paths, files, JSON, time, process spawning and the API client: what every feature builds on.
        .target(
            name: "Shared",
            dependencies: ["CSpawn", .product(name: "OrderedCollections", package: "swift-collections")]),
        // posix_spawn's chdir file action, which Swift's Glibc module does not export.
        .target(name: "CSpawn"),
        // Credentials, the machine key, AES-GCM prompts, Ed25519 manifests (swift-crypto; CryptoKit on macOS).
        .target(
            name: "SharedCrypto",
            dependencies: [
                "Shared",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // The per-project workflow state file and its verbs.
        .target(name: "WorkflowState", dependencies: ["Shared"]),
        // Session and command logs, rotation, the iron-law checklist, health state.
        .target(name: "SessionLog", dependencies: ["Shared", "WorkflowState", "CZlib"]),
        // The status line renderer.
        .target(name: "StatusLine", dependencies: ["Shared"]),
        // Workflow/session/issue notifications: the plan, its runner, the notification copy.
        .target(name: "Notify", dependencies: ["Shared", "WorkflowState", "SessionLog"]),
        // Fetch, verify and decrypt prompts; credentials setup; outbox delivery; manifest reports.
        .target(name: "PromptDecrypt", dependencies: ["Shared", "SharedCrypto"]),
        // The mock inventory: finds mocks in a repository's tests and what real tests cover them.
        .target(name: "MockInventory", dependencies: ["Shared"]),
        // The /oss:integration flow: auth, log, notify, prompt, inventory.
        .target(
            name: "Integration",
            dependencies: ["Shared", "SessionLog", "Notify", "PromptDecrypt", "MockInventory", "RealityCheck"]
        ),
        // Install, re-apply, doctor and uninstall of the native bundle (oss-hooks).
        .target(name: "Installer", dependencies: ["Shared"]),
        // The mock reality check (`oss-integration check`): SQL on SQLite/PostgreSQL, HTTP against OpenAPI, modules.
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        // libpq's client calls, loaded at run time (dlopen): nothing to link, nothing required to run.
        .target(name: "CLibPQ", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "RealityCheck", dependencies: ["Shared", "MockInventory", "CSQLite", "CLibPQ", "Yams"]),
        // ArgumentParser glue for the tools that use it (oss-integration).
        .target(
            name: "ToolSupport",
            dependencies: ["Shared", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // Executables

        .executableTarget(name: "oss-log", dependencies: ["Shared", "SessionLog"]),
        .executableTarget(name: "oss-notify", dependencies: ["Shared", "Notify", "StatusLine", "WorkflowState"]),
        .executableTarget(name: "oss-decrypt", dependencies: ["Shared", "PromptDecrypt"]),
        .executableTarget(
            name: "oss-integration",
            dependencies: [
                "Shared", "Integration", "MockInventory", "RealityCheck", "ToolSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "oss-hooks", dependencies: ["Installer", "Shared"]),

        // Test support

        .target(
            name: "TestSupport",
            dependencies: [
                "Shared", "SharedCrypto", "SessionLog", "CZlib", .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/TestSupport"
        ),

        // The loopback OSS API as a process, for Scripts/bench.sh (not a product).
        .executableTarget(
            name: "oss-fixture-server", dependencies: ["Shared", "TestSupport"], path: "Tests/FixtureServer"),

        // Tests

        .testTarget(
            name: "SharedTests",
            dependencies: [
                "Shared", "SharedCrypto", "WorkflowState", "SessionLog", "StatusLine", "Notify", "PromptDecrypt",
                "MockInventory", "Integration", "Installer", "TestSupport",
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RealityCheckTests",
            dependencies: ["RealityCheck", "Shared", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Shared", "SharedCrypto", "WorkflowState", "SessionLog", "MockInventory", "TestSupport"],
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
